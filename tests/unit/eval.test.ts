import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, prf, type CorpusPost } from '../../cli/eval';
import { splitOf } from '../../cli/main';
import { compilePolicy } from '../../rules';
import { CATEGORIES, LANGS } from '../../rules/types';

// Quality gates on the labelled corpora (tests/corpus/). They guard against
// regressions; the figures themselves are printed by `npm run eval`. The hate
// gate is taken on the held-out half (`--split test`), which no pack author
// looked at, so it measures generalisation rather than memory.
const read = (f: string) => readFileSync(`tests/corpus/${f}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CorpusPost);
const compiled = compilePolicy(JSON.parse(readFileSync('tests/corpus/policy.json', 'utf8')));

describe('corpus quality gates', { timeout: 120_000 }, () => {
  it('general corpus: every category keeps precision ≥ 90% and recall ≥ 85%', () => {
    const r = evaluate(read('general.jsonl'), compiled);
    for (const c of CATEGORIES) {
      const m = prf(r.byCategory[c]!);
      expect({ c, ok: m.precision >= 0.9 && m.recall >= 0.85, ...m }).toMatchObject({ c, ok: true });
    }
  });
  it('hate corpus, held-out half: per language ≥ 80% of hateful posts caught and ≥ 90% of clean look-alikes left alone', () => {
    const posts = read('hate.jsonl').filter((p) => splitOf(p.id) === 'test');
    const r = evaluate(posts, compiled);
    for (const l of LANGS) {
      const c = r.byCategoryLang.hate![l]!;
      const caught = c.tp / (c.tp + c.fn);
      const cleanOk = c.tn / (c.tn + c.fp);
      expect({ l, ok: caught >= 0.8 && cleanOk >= 0.9, caught, cleanOk }).toMatchObject({ l, ok: true });
    }
  });
});
