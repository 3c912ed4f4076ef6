import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, check, compilePolicy, normalize, validatePolicy } from '../../rules';
import examplePolicy from '../../rules/example-policy.json';

const compiled = compilePolicy(examplePolicy, BUILTIN_PACKS);
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
/** An offset is on a code-point boundary when it does not split a surrogate pair. */
const onBoundary = (s: string, i: number) => i === 0 || i === s.length || !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));

// Drafts mixing the things that break text code: emoji, combining marks, RTL,
// lone surrogates, invisible characters, leetspeak and the packs' own words.
const piece = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('baas', 'eikel', 'e1kel', 'k l o o t z a k', 'f*ck', 'Acme', '@acme', 'Project Falcon', 'BE71 0961 2345 6769',
    '4111 1111 1111 1111', 'namens Acme', 'stem op', '😀', '\u200b', '\u0301', 'مرحبا', '\ud800', '\udc00', '\n', '. ', '***', 'ß', 'ﬁ'),
);
const draft = fc.array(piece, { maxLength: 30 }).map((p) => p.join(' '));

describe('engine robustness (property-based)', { timeout: 60_000 }, () => {
  it('check never throws; findings lie inside the text, on code-point boundaries, and quote it', () => {
    fc.assert(
      fc.property(draft, fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (text, at) => {
        const r = check(text, { compiled, at });
        expect(['nl', 'en', 'fr', 'de']).toContain(r.language);
        for (const f of r.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
          expect(onBoundary(text, f.start) && onBoundary(text, f.end)).toBe(true);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('normalize maps every token to a non-empty range of the original, in order', () => {
    fc.assert(
      fc.property(draft, (text) => {
        let prev = 0;
        for (const t of normalize(text).tokens) {
          expect(t.start).toBeGreaterThanOrEqual(prev);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.orig).toBe(text.slice(t.start, t.end));
          expect(onBoundary(text, t.start) && onBoundary(text, t.end)).toBe(true);
          prev = t.end;
        }
      }),
      { numRuns: 400 },
    );
  });
  it('validatePolicy never throws on arbitrary JSON: a policy or JSON-path errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ employer: fc.jsonValue(), workHours: fc.jsonValue(), customRules: fc.jsonValue() }, { requiredKeys: [] })), (v) => {
        const r = validatePolicy(v);
        if (r.ok) expect(() => compilePolicy(r.policy, BUILTIN_PACKS)).not.toThrow();
        else for (const e of r.errors) expect(e.path).toMatch(/^\$/);
      }),
      { numRuns: 500 },
    );
  });
});
