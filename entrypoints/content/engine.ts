// The engine and the panel load on first use, not with the page: the content
// script stays a few KB on every X/Facebook/LinkedIn tab, and the ~300 KB of
// lexicons, language detection and Preact arrive when a composer gets focus.
//
// postcheck-engine.js is a WXT unlisted script, evaluated here with import()
// (a module import from a content script runs in our isolated world, not the
// page's) and handing its API over on a global of that world.
import { browser } from 'wxt/browser';
import type { CheckContext, CheckResult, Compiled, Finding, Policy } from '../../rules';
import type { PanelModule } from '../../components/api';

export interface Lazy extends PanelModule {
  compilePolicy(policy?: unknown): Compiled;
  check(text: string, ctx: CheckContext): CheckResult;
}

export const LAZY_GLOBAL = '__postcheckLazy';
const POLICY_KEY = 'effectivePolicy';
const SNOOZE_KEY = 'snoozeUntil';
/** storage.sync: the user's own settings; we only read their personal disclaimer. */
const USER_KEY = 'userSettings';

let lazy: Lazy | null = null;
let loading: Promise<Lazy | null> | null = null;
let compiled: Compiled | null = null;
let rawPolicy: unknown;
let snoozeUntil = 0;
let failed = false;
let disclaimer = '';

function compile(): void {
  if (!lazy) return;
  try {
    compiled = lazy.compilePolicy(rawPolicy);
  } catch (error) {
    // The background validates before publishing, so this is a bug or a race;
    // the built-in defaults are better than no check at all.
    console.warn('[postcheck] policy rejected, using defaults', error);
    compiled = lazy.compilePolicy(undefined);
  }
}

/** Starts loading once; resolves null when the engine cannot load (we then fail open). */
export function loadEngine(signal: AbortSignal): Promise<Lazy | null> {
  loading ??= (async () => {
    try {
      failed = false;
      const [stored, user] = await Promise.all([
        browser.storage.local.get([POLICY_KEY, SNOOZE_KEY]),
        browser.storage.sync.get(USER_KEY).catch(() => ({}) as Record<string, unknown>),
        import(/* @vite-ignore */ browser.runtime.getURL('/postcheck-engine.js')),
      ]);
      rawPolicy = stored[POLICY_KEY] ?? undefined;
      snoozeUntil = typeof stored[SNOOZE_KEY] === 'number' ? stored[SNOOZE_KEY] : 0;
      disclaimer = readDisclaimer((user as Record<string, unknown>)[USER_KEY]);
      lazy = (globalThis as Record<string, unknown>)[LAZY_GLOBAL] as Lazy;
      compile();
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'sync' && USER_KEY in changes) disclaimer = readDisclaimer(changes[USER_KEY]!.newValue);
        if (area !== 'local') return;
        if (POLICY_KEY in changes) {
          rawPolicy = changes[POLICY_KEY]!.newValue ?? undefined;
          compile();
        }
        if (SNOOZE_KEY in changes) {
          const v = changes[SNOOZE_KEY]!.newValue;
          snoozeUntil = typeof v === 'number' ? v : 0;
        }
      };
      browser.storage.onChanged.addListener(onChanged);
      signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));
      return lazy;
    } catch (error) {
      console.warn('[postcheck] engine failed to load; posts go through unchecked', error);
      failed = true;
      loading = null; // a later focus may try again
      return null;
    }
  })();
  return loading;
}

function readDisclaimer(settings: unknown): string {
  let v = settings;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return '';
    }
  }
  const d = v && typeof v === 'object' ? (v as { disclaimer?: unknown }).disclaimer : undefined;
  return typeof d === 'string' ? d.trim().slice(0, 280) : '';
}

export function engine(): Lazy | null {
  return lazy && compiled ? lazy : null;
}

/** The last load failed: submits are not held for it (fail open) until a reload works. */
export function engineFailed(): boolean {
  return failed;
}

export function policy(): Policy | null {
  return compiled?.policy ?? null;
}

/** Where the post goes, for the policy's per-site settings (`sites.linkedin`…). */
export type SiteName = NonNullable<CheckContext['site']>;

/** Synchronous check; null when the engine is not ready or threw (callers fail open). */
export function checkNow(text: string, site?: SiteName): CheckResult | null {
  if (!lazy || !compiled) return null;
  if (snoozeUntil > Date.now()) return { language: 'en', findings: [] };
  try {
    return lazy.check(text, { compiled, at: new Date(), lang: navigator.language, ...(site ? { site } : {}) });
  } catch (error) {
    console.warn('[postcheck] check failed; letting the post through', error);
    return null;
  }
}

/** Loads if needed, then checks; null on failure or after `timeoutMs` (fail open). */
export async function checkSoon(
  text: string,
  site: SiteName | undefined,
  signal: AbortSignal,
  timeoutMs = 4000,
): Promise<CheckResult | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const ready = await Promise.race([loadEngine(signal), timeout]);
  return ready ? checkNow(text, site) : null;
}

/**
 * Findings that hold a post: warn and block. The user's own disclaimer (options
 * page) replaces the pack's generic one, and once it is in the post the packs
 * need not recognise its wording for the on-behalf finding to be settled.
 */
export function toHold(result: CheckResult | null, text: string): Finding[] {
  const findings = result ? result.findings.filter((f) => f.severity !== 'info') : [];
  if (!disclaimer) return findings;
  if (text.includes(disclaimer)) return findings.filter((f) => f.category !== 'on-behalf');
  return findings.map((f) =>
    f.category === 'on-behalf' && f.suggestion?.insert ? { ...f, suggestion: { ...f.suggestion, insert: disclaimer } } : f,
  );
}
