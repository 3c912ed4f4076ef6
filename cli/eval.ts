// Evaluation on the labelled corpus: precision, recall and F1 per category
// and per language, and per class (hate corpus), from the engine's findings.

import { check, type Compiled } from '../rules/engine';
import { CATEGORIES, LANGS, type Category } from '../rules/types';

export interface CorpusPost {
  id: string;
  lang: string;
  text: string;
  labels: string[];
  at?: string;
  class?: string;
}

export interface Counts { tp: number; fp: number; fn: number; tn: number }
export interface ClassCounts { posts: number; correct: number; labelled: boolean; byLang: Record<string, { posts: number; correct: number }> }
export interface EvalResult {
  posts: number;
  byCategory: Record<string, Counts>;
  byCategoryLang: Record<string, Record<string, Counts>>;
  /** Per corpus class: how many posts got the expected verdict for each of their labels (or stayed clean). */
  byClass: Record<string, ClassCounts>;
  errors: { id: string; expected: string[]; got: string[]; text: string }[];
}

export const DEFAULT_EVAL_TIME = '2026-03-04T10:00:00+01:00';

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

export function evaluate(posts: CorpusPost[], compiled: Compiled): EvalResult {
  const byCategory: Record<string, Counts> = {};
  const byCategoryLang: Record<string, Record<string, Counts>> = {};
  const byClass: EvalResult['byClass'] = {};
  const errors: EvalResult['errors'] = [];
  for (const c of CATEGORIES) {
    byCategory[c] = zero();
    byCategoryLang[c] = {};
    for (const l of LANGS) byCategoryLang[c]![l] = zero();
  }
  for (const p of posts) {
    const res = check(p.text, { compiled, at: new Date(p.at ?? DEFAULT_EVAL_TIME) });
    // A finding of severity info is still a finding: the panel shows it.
    const got = new Set(res.findings.map((f) => f.category));
    const expected = new Set(p.labels);
    for (const c of CATEGORIES) {
      const e = expected.has(c);
      const g = got.has(c);
      const key: keyof Counts = e && g ? 'tp' : !e && g ? 'fp' : e && !g ? 'fn' : 'tn';
      byCategory[c]![key]++;
      (byCategoryLang[c]![p.lang] ??= zero())[key]++;
    }
    const ok = CATEGORIES.every((c) => expected.has(c) === got.has(c));
    if (p.class) {
      const k = `${p.class}`;
      const e = (byClass[k] ??= { posts: 0, correct: 0, labelled: p.labels.length > 0, byLang: {} });
      const l = (e.byLang[p.lang] ??= { posts: 0, correct: 0 });
      e.posts++;
      l.posts++;
      if (ok) { e.correct++; l.correct++; }
    }
    if (!ok) errors.push({ id: p.id, expected: [...expected], got: [...got], text: p.text });
  }
  return { posts: posts.length, byCategory, byCategoryLang, byClass, errors };
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

export function formatEval(r: EvalResult): string {
  const lines: string[] = [];
  lines.push(`${r.posts} posts. recall = flagged posts caught; clean ok = posts without the label left alone.`);
  lines.push('');
  lines.push(`${'category'.padEnd(16)} ${'lang'.padEnd(4)} ${'pos'.padStart(4)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'F1'.padStart(7)} ${'clean ok'.padStart(8)}   tp  fp  fn`);
  for (const c of CATEGORIES as readonly Category[]) {
    const all = r.byCategory[c]!;
    if (all.tp + all.fp + all.fn === 0) continue; // no post labelled, nothing flagged
    const rows: [string, Counts][] = [['all', r.byCategory[c]!], ...LANGS.map((l) => [l, r.byCategoryLang[c]![l]!] as [string, Counts])];
    for (const [lang, counts] of rows) {
      const m = prf(counts);
      lines.push(`${(lang === 'all' ? c : '').padEnd(16)} ${lang.padEnd(4)} ${String(counts.tp + counts.fn).padStart(4)} ${counts.tp + counts.fp ? pct(m.precision) : '      —'} ${counts.tp + counts.fn ? pct(m.recall) : '      —'} ${counts.tp + counts.fn && counts.tp + counts.fp ? pct(m.f1) : '      —'} ${pct(counts.tn + counts.fp ? counts.tn / (counts.tn + counts.fp) : 1).padStart(8)}  ${String(counts.tp).padStart(3)} ${String(counts.fp).padStart(3)} ${String(counts.fn).padStart(3)}`);
    }
  }
  return lines.join('\n');
}

/** Per class and language: posts with the right verdict (caught, or left alone) / posts; then the totals. */
export function formatClasses(r: EvalResult): string {
  const classes = Object.entries(r.byClass).sort(([a], [b]) => (parseInt(a, 10) || 0) - (parseInt(b, 10) || 0) || a.localeCompare(b));
  if (!classes.length) return '';
  const langs = LANGS as readonly string[];
  const cell = (c?: { posts: number; correct: number }) => (c && c.posts ? `${c.correct}/${c.posts}` : '-').padStart(8);
  const lines = [`${'class'.padEnd(28)} ${'kind'.padEnd(5)} ${langs.map((l) => l.padStart(8)).join(' ')} ${'all'.padStart(8)}`];
  for (const [k, v] of classes) lines.push(`${k.padEnd(28)} ${(v.labelled ? 'flag' : 'clean').padEnd(5)} ${langs.map((l) => cell(v.byLang[l])).join(' ')} ${cell(v)}`);
  for (const labelled of [true, false]) {
    const total: Record<string, { posts: number; correct: number }> = {};
    for (const [, v] of classes) {
      if (v.labelled !== labelled) continue;
      for (const l of [...langs, 'all']) {
        const src = l === 'all' ? v : v.byLang[l];
        if (!src) continue;
        const t = (total[l] ??= { posts: 0, correct: 0 });
        t.posts += src.posts;
        t.correct += src.correct;
      }
    }
    const pc = (c?: { posts: number; correct: number }) => (c && c.posts ? `${((100 * c.correct) / c.posts).toFixed(1)}%` : '-').padStart(8);
    lines.push(`${(labelled ? 'TOTAL flagged: caught' : 'TOTAL clean: left alone').padEnd(34)} ${langs.map((l) => pc(total[l])).join(' ')} ${pc(total.all)}`);
  }
  return lines.join('\n');
}
