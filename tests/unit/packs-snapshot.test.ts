import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, check, compilePolicy, EXAMPLE_POLICY, EXAMPLE_TIME, type Compiled } from '../../rules';
import { freezePacks, thawPacks, type PacksSnapshot } from '../../rules/packs-snapshot';

// The extension ships the packs precompiled (rules/packs-snapshot.ts, made by
// the build in wxt.config.ts); Node compiles the JSON. Both must give the same
// findings, or the browser would check differently from the CLI and the eval.

const corpus = ['general.jsonl', 'hate.jsonl'].flatMap((f) =>
  readFileSync(`tests/corpus/${f}`, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text));
const examples = BUILTIN_PACKS.flatMap((p) => p.rules.flatMap((r) => [...(r.examples?.match ?? []), ...(r.examples?.noMatch ?? [])]))
  .map((e) => (typeof e === 'string' ? e : (e as { text: string }).text));
// Tokens that take the side indexes of the vocabulary (stretched, masked) and policy terms (the overlay).
const tricky = ['Mijn baas is een idioooot', 'what a f*cking id*ot my manager is', 'Project Nightingale is intern, ACME zegt het zelf', 'k l o o t z a k van een baas'];

const at = new Date(EXAMPLE_TIME);
const verdicts = (c: Compiled, texts: string[]) =>
  texts.map((t) => check(t, { compiled: c, at, keepOverlaps: true }).findings.map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.severity}`).join('; '));

describe('precompiled packs (build-time snapshot)', { timeout: 120_000 }, () => {
  const snapshot = JSON.parse(JSON.stringify(freezePacks(BUILTIN_PACKS))) as PacksSnapshot;
  const thawed = thawPacks(snapshot);
  const fromJson = compilePolicy(EXAMPLE_POLICY);
  const fromSnapshot = compilePolicy(EXAMPLE_POLICY, thawed);

  it('gives the same findings as compiling the JSON, on both corpora, every pack example and obfuscated text', () => {
    const texts = [...corpus, ...examples, ...tricky];
    const a = verdicts(fromJson, texts);
    const b = verdicts(fromSnapshot, texts);
    expect(a.filter(Boolean).length).toBeGreaterThan(900); // the comparison has findings to compare
    const diffs = texts.map((t, i) => ({ t, json: a[i], snapshot: b[i] })).filter((d) => d.json !== d.snapshot);
    expect(diffs).toEqual([]);
  });

  it('minimises the trie: brace products share their sub-trees', () => {
    expect(snapshot.index.nodes).toBeLessThan(snapshot.index.entryCount / 3);
  });

  it('ships no examples and no entry lists, only derived sequences', () => {
    for (const p of snapshot.packs) {
      for (const r of p.rules) expect(r.examples).toBeUndefined();
      for (const l of Object.values(p.lexicons ?? {})) expect('seq' in l).toBe(true);
    }
  });

  it('adds each policy’s terms in an overlay (the snapshot itself is read-only)', () => {
    const c = compilePolicy({ employer: { names: ['Zorgplus'] }, confidential: { terms: ['Project Kraanvogel'] } }, thawed);
    const found = check('Bij Zorgplus werken we aan Project Kraanvogel, dat is intern.', { compiled: c, at }).findings.map((f) => f.category);
    expect(found).toContain('confidential');
    expect(() => c.index.add('x', 'y', 'any')).not.toThrow(); // the fork's own trie
    expect(() => thawPacks({ ...snapshot, v: 2 } as unknown as PacksSnapshot)).toThrow(/version/);
  });
});
