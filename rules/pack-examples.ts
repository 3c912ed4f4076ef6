// Runs the examples every rule carries (ESLint / LanguageTool style): each
// `match` example must get a finding from its rule, each `noMatch` must not.

import { check, compilePolicy, type Compiled } from './engine';
import type { Example, Pack } from './pack';
import examplePolicy from './example-policy.json';

export const EXAMPLE_POLICY = examplePolicy;
/** Wednesday 2026-03-04 10:00 in Brussels: inside the example policy's work hours. */
export const EXAMPLE_TIME = '2026-03-04T10:00:00+01:00';

export interface ExampleFailure {
  pack: string;
  ruleId: string;
  expected: 'match' | 'noMatch';
  text: string;
  /** What the rule found instead (for a noMatch failure). */
  found?: string[];
}

export interface ExampleReport { total: number; failures: ExampleFailure[] }

/**
 * Run the examples of `selected` packs (all when empty), compiled together
 * with `allPacks` so shared lexicons resolve.
 */
export function runPackExamples(allPacks: Pack[], selected?: string[]): ExampleReport {
  const compiled: Compiled = compilePolicy(EXAMPLE_POLICY, allPacks);
  const failures: ExampleFailure[] = [];
  let total = 0;
  for (const pack of allPacks) {
    if (selected?.length && !selected.includes(pack.id)) continue;
    for (const rule of pack.rules) {
      const ruleId = `${pack.id}/${rule.id}`;
      const run = (ex: Example) => {
        const { text, at } = typeof ex === 'string' ? { text: ex, at: undefined } : ex;
        const res = check(text, { compiled, at: new Date(at ?? EXAMPLE_TIME), includeDisabled: true, keepOverlaps: true });
        return { text, found: res.findings.filter((f) => f.ruleId === ruleId).map((f) => text.slice(f.start, f.end)) };
      };
      for (const ex of rule.examples?.match ?? []) {
        total++;
        const r = run(ex);
        if (!r.found.length) failures.push({ pack: pack.id, ruleId, expected: 'match', text: r.text });
      }
      for (const ex of rule.examples?.noMatch ?? []) {
        total++;
        const r = run(ex);
        if (r.found.length) failures.push({ pack: pack.id, ruleId, expected: 'noMatch', text: r.text, found: r.found });
      }
    }
  }
  return { total, failures };
}
