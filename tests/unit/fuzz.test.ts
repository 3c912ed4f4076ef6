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

// ---------------------------------------------------------------------------
// Issue 6: engine and policy robustness at the extremes. The content script
// gives a check CHECK_BUDGET_MS (200 ms, entrypoints/content/engine.ts) before
// it fails open; these keep the engine well inside that in Node.
import { computeEffective, type Json, type Validator } from '../../lib/policy-merge';
import { DEFAULT_POLICY } from '../../rules';

const BUDGET_MS = 200;
const at = new Date('2026-01-07T10:00:00Z');

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function timeOf(fn: () => void, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

describe('engine at the extremes (issue 6)', () => {
  // Timing: the fastest of several runs (robust to other processes on the machine).
  const prose = fc.constantFrom('the', 'meeting', 'was', 'long', 'and', 'my', 'team', 'did', 'great', 'work', 'today', 'we', 'shipped',
    'it', 'café', 'naïve', '😀', '👩‍👩‍👧', 'e\u0301', 'مرحبا', 'שלום', '𝒳𝓎', '日本語', 'baas', 'Acme', 'stem', '#tag', '@someone', '\u200b');
  const post100k = (pieces: string[], seed: number) => {
    let text = '';
    for (let i = seed; text.length < 100_000; i += 7) text += pieces[i % pieces.length] + (i % 11 ? ' ' : '\n');
    return text.slice(0, 100_000);
  };
  const fastest = (fn: () => void, runs = 5) => Math.min(...Array.from({ length: runs }, () => timeOf(fn, 1)));

  it('100,000-character posts of ordinary text (emoji, RTL, combining marks, a few flagged words) stay within the 200 ms check budget', () => {
    const pieces = fc.sample(prose, { seed: 6, numRuns: 5000 });
    for (const seed of [1, 2, 3]) {
      const text = post100k(pieces, seed);
      const ms = fastest(() => check(text, { compiled, at }));
      expect(ms, `100k post (seed ${seed})`).toBeLessThan(BUDGET_MS);
    }
  });

  it('100,000-character fuzzed posts (binary, graphemes, dense pack words): never throw, findings inside the text and on boundaries', () => {
    // Measured, not held to the 200 ms budget: a post dense with flagged words
    // (thousands of findings) takes longer, and the content script then fails
    // open visibly (reported to the engine owner; see README "Privacy and security").
    const pieces = fc.sample(piece, { seed: 6, numRuns: 4000 });
    for (const seed of [1, 2]) {
      const text = post100k(pieces, seed);
      let result = check(text, { compiled, at });
      const ms = fastest(() => {
        result = check(text, { compiled, at });
      }, 2);
      expect(ms, `fuzzed 100k post (seed ${seed})`).toBeLessThan(5_000);
      for (const f of result.findings) {
        expect(f.start >= 0 && f.end <= text.length && f.start < f.end).toBe(true);
        expect(onBoundary(text, f.start) && onBoundary(text, f.end)).toBe(true);
      }
    }
  });

  it('a worst case of one repeated word, and of one 100,000-character "word"', () => {
    for (const text of ['baas '.repeat(20_000), 'a'.repeat(100_000), 'é'.repeat(50_000) + '😀'.repeat(25_000), '\u200b'.repeat(100_000)]) {
      expect(Math.min(timeOf(() => check(text, { compiled, at }), 1), timeOf(() => check(text, { compiled, at }), 1), timeOf(() => check(text, { compiled, at }), 1))).toBeLessThan(BUDGET_MS);
    }
  });

  it('patterns that are catastrophic for backtracking engines, supplied by policy, run in linear time', () => {
    const evil = ['(a+)+$', '(a|aa)+$', '(a|a?)+$', '(.*a){12}', '^(([a-z])+.)+[A-Z]([a-z])+$', '(\\w+\\s?)+$'];
    for (const pattern of evil) {
      const v = validatePolicy({ customRules: [{ id: 'evil', category: 'confidential', pattern }] });
      expect(v.ok, pattern).toBe(true);
      if (!v.ok) continue;
      const c = compilePolicy(v.policy, BUILTIN_PACKS);
      // A backtracking engine takes exponential time on a few dozen characters here.
      const t1 = fastest(() => check('a'.repeat(10_000) + '!', { compiled: c, at }));
      const t8 = fastest(() => check('a'.repeat(80_000) + '!', { compiled: c, at }));
      expect(t8, pattern).toBeLessThan(BUDGET_MS);
      // Eight times the text: ~8x the time when linear, 64x when quadratic (3x slack for a busy machine).
      expect(t8, `${pattern}: ${t1.toFixed(1)} ms -> ${t8.toFixed(1)} ms`).toBeLessThan(t1 * 24 + 30);
    }
  });

  it('a pattern RE2 cannot run (backreference, lookaround) or that does not parse is a validation error with its path', () => {
    for (const pattern of ['(a)\\1', '(?=a)b', '(?<!x)y', '(unclosed', '[z-a]', 'a{99999}']) {
      const v = validatePolicy({ customRules: [{ id: 'bad', category: 'confidential', pattern }] });
      expect(v.ok, pattern).toBe(false);
      if (!v.ok) expect(v.errors.map((e) => e.path), pattern).toContain('$.customRules[0].pattern');
    }
  });
});

describe('policy at the extremes (issue 6)', () => {
  it('10,000 confidential terms are applied: compiled in bounded time, each one found', () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => `codename ${i.toString(36)}x`);
    const v = validatePolicy({ confidential: { terms } });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const t = performance.now();
    const c = compilePolicy(v.policy, BUILTIN_PACKS);
    expect(performance.now() - t).toBeLessThan(5_000);
    for (const i of [0, 4321, 9999]) {
      const text = `Tomorrow we talk about codename ${i.toString(36)}x at lunch.`;
      expect(check(text, { compiled: c, at }).findings.some((f) => f.category === 'confidential')).toBe(true);
    }
    expect(timeOf(() => check('Nothing secret here, just lunch.'.repeat(100), { compiled: c, at }))).toBeLessThan(BUDGET_MS);
  });

  it('huge arrays (100,000 custom rules, 200,000 names) are applied or refused with JSON paths, never throw', () => {
    const rules = Array.from({ length: 100_000 }, (_, i) => ({ id: `r${i}`, category: 'confidential', terms: [`t${i}`] }));
    for (const input of [{ customRules: rules }, { employer: { names: Array.from({ length: 200_000 }, (_, i) => `n${i}`) } }]) {
      const t = performance.now();
      const v = validatePolicy(input);
      expect(performance.now() - t).toBeLessThan(10_000);
      if (!v.ok) for (const e of v.errors) expect(e.path).toMatch(/^\$/);
    }
  });

  it('deep nesting (10,000 levels, as objects, arrays and JSON strings) never throws: JSON-path errors', () => {
    let obj: unknown = 'x';
    let arr: unknown = 'x';
    for (let i = 0; i < 10_000; i++) {
      obj = { a: obj };
      arr = [arr];
    }
    const inputs = [
      obj,
      { employer: obj },
      { employer: { names: arr } },
      { customRules: arr },
      { workHours: obj },
      { categories: { political: obj } },
      { employer: '['.repeat(5_000) + ']'.repeat(5_000) }, // a JSON string where an object is expected
    ];
    for (const input of inputs) {
      const v = validatePolicy(input);
      expect(v.ok).toBe(false);
      if (!v.ok) {
        expect(v.errors.length).toBeGreaterThan(0);
        for (const e of v.errors) expect(e.path).toMatch(/^\$/);
      }
    }
  });

  it('unknown keys and wrong types anywhere: applied or refused with JSON paths', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            employer: fc.oneof(fc.jsonValue(), fc.record({ names: fc.jsonValue(), extra: fc.jsonValue() })),
            confidential: fc.oneof(fc.jsonValue(), fc.record({ terms: fc.array(fc.jsonValue()) })),
            customRules: fc.array(fc.record({ id: fc.jsonValue(), category: fc.jsonValue(), terms: fc.jsonValue(), pattern: fc.string(), message: fc.jsonValue() }, { requiredKeys: [] })),
            policyUrl: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>', 'http://x.example', ' https://ok.example', 'JAVASCRIPT:void(0)')),
            unknown: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        (input) => {
          const v = validatePolicy(input);
          if (v.ok) {
            expect(() => compilePolicy(v.policy, BUILTIN_PACKS)).not.toThrow();
            if (v.policy.policyUrl !== undefined) expect(v.policy.policyUrl).toMatch(/^https:\/\//);
          } else {
            for (const e of v.errors) expect(e.path).toMatch(/^\$/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a javascript: (or data:, http:) policy link is refused, named by its path', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://intranet.example/']) {
      const v = validatePolicy({ policyUrl: url });
      expect(v.ok, url).toBe(false);
      if (!v.ok) expect(v.errors.map((e) => e.path)).toEqual(['$.policyUrl']);
    }
    expect(validatePolicy({ policyUrl: 'https://intranet.example/social-media' }).ok).toBe(true);
  });

  it('through any sequence of random admin policies, the effective policy stays valid and falls back to the last good one', () => {
    const validate = validatePolicy as unknown as Validator;
    const good = fc.record({
      employer: fc.record({ names: fc.array(fc.stringMatching(/^[A-Z][a-z]{2,8}$/), { minLength: 1, maxLength: 3 }) }),
      confidential: fc.record({ terms: fc.array(fc.stringMatching(/^[a-z]{4,10}$/), { maxLength: 5 }) }),
    });
    const anyPolicy = fc.oneof(good, fc.jsonValue(), fc.record({ employer: fc.jsonValue(), customRules: fc.jsonValue(), workHours: fc.jsonValue() }, { requiredKeys: [] }));
    fc.assert(
      fc.property(fc.array(anyPolicy, { minLength: 1, maxLength: 8 }), (sequence) => {
        let lastGood: Json | null = null;
        for (const managed of sequence) {
          const out = computeEffective({
            managed: (managed && typeof managed === 'object' && !Array.isArray(managed) ? managed : {}) as Json,
            lastGoodManaged: lastGood,
            defaults: DEFAULT_POLICY as unknown as Json,
            validate,
          });
          // Always a policy the engine accepts: the extension keeps guarding.
          const v = validatePolicy(out.effective);
          expect(v.ok).toBe(true);
          expect(() => compilePolicy(out.effective, BUILTIN_PACKS)).not.toThrow();
          for (const e of out.status.errors) expect(e.path).toMatch(/^\$/);
          lastGood = out.lastGoodManaged;
        }
      }),
      { numRuns: 150 },
    );
  });
});
