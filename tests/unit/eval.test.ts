import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, prf, type CorpusPost } from '../../cli/eval';
import { compilePolicy } from '../../rules';
import { CATEGORIES, LANGS } from '../../rules/types';

// Quality gates on the labelled corpora (tests/corpus/, see its README). They
// guard against regressions; the figures themselves are printed by
// `npm run eval`. The hate gate that measures generalisation is taken on
// hate-fresh.jsonl, which no pack author has opened.
const read = (f: string) => readFileSync(`tests/corpus/${f}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CorpusPost);
const compiled = compilePolicy(JSON.parse(readFileSync('tests/corpus/policy.json', 'utf8')));

/** Per language: the share of hateful posts caught and of clean look-alikes left alone. */
function expectHateGate(file: string, minCaught: number, minCleanOk: number) {
  const r = evaluate(read(file), compiled);
  for (const l of LANGS) {
    const c = r.byCategoryLang.hate![l]!;
    const caught = c.tp / (c.tp + c.fn);
    const cleanOk = c.tn / (c.tn + c.fp);
    expect({ file, l, ok: caught >= minCaught && cleanOk >= minCleanOk, caught, cleanOk }).toMatchObject({ l, ok: true });
  }
}

describe('corpus quality gates', { timeout: 120_000 }, () => {
  it('general corpus: every category keeps precision ≥ 90% and recall ≥ 85%', () => {
    const r = evaluate(read('general.jsonl'), compiled);
    for (const c of CATEGORIES) {
      const m = prf(r.byCategory[c]!);
      expect({ c, ok: m.precision >= 0.9 && m.recall >= 0.85, ...m }).toMatchObject({ c, ok: true });
    }
  });
  it('hate corpus (training): per language ≥ 95% of hateful posts caught and ≥ 98% of clean look-alikes left alone', () => {
    expectHateGate('hate.jsonl', 0.95, 0.98);
  });
  it('hate corpus never seen by the pack authors: per language ≥ 83% caught and ≥ 88% of clean look-alikes left alone', () => {
    expectHateGate('hate-fresh.jsonl', 0.83, 0.88);
  });
});
