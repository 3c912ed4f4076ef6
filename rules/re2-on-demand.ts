// The extension's engine bundle uses this module instead of rules/re2.ts
// (wxt.config.ts): re2js is its own script, postcheck-re2.js, which the
// content script loads before compiling a policy that has custom patterns
// (entrypoints/content/engine.ts). Most policies have none, and the engine
// then loads 150 KB lighter.
import type { Re2Engine } from './re2';

export type { Re2, Re2Engine } from './re2';

export const RE2_GLOBAL = '__postcheckRe2';

export function re2(): Re2Engine {
  const r = (globalThis as Record<string, unknown>)[RE2_GLOBAL] as Re2Engine | undefined;
  if (!r) throw new Error('RE2 is not loaded (postcheck-re2.js)');
  return r;
}

/** Does this policy need RE2 (custom rules with a pattern)? Light: the content script asks before loading anything. */
export function policyNeedsRe2(policy: unknown): boolean {
  let rules = (policy as { customRules?: unknown } | null)?.customRules;
  if (typeof rules === 'string') {
    try {
      rules = JSON.parse(rules);
    } catch {
      return false;
    }
  }
  return Array.isArray(rules) && rules.some((r) => typeof (r as { pattern?: unknown } | null)?.pattern === 'string');
}
