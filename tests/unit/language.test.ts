import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../rules/language';
import { trigramScores } from '../../rules/language-trigrams';
import { normalize } from '../../rules/text';
import type { Lang } from '../../rules/types';

// The page scores four trigram models taken from franc-min's data instead of
// loading franc (82 models, 170 KB). It must decide as franc does.
const ISO3: Record<string, Lang> = { nld: 'nl', eng: 'en', fra: 'fr', deu: 'de' };
const posts = ['general.jsonl', 'hate.jsonl']
  .flatMap((f) => readFileSync(`tests/corpus/${f}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; lang: Lang }))
  .map((p) => ({ ...p, text: p.text.slice(0, 400) }))
  .filter((p) => p.text.length >= 20);

describe('language detection', () => {
  it('ranks like franc restricted to nl/en/fr/de on ≥ 98% of the corpus posts, and is as often right', () => {
    let agree = 0, mineRight = 0, francRight = 0;
    for (const p of posts) {
      const mine = trigramScores(p.text)[0]?.[0];
      const franc = ISO3[francAll(p.text, { only: Object.keys(ISO3), minLength: 20 })[0]![0]];
      if (mine === franc) agree++;
      if (mine === p.lang) mineRight++;
      if (franc === p.lang) francRight++;
    }
    expect(posts.length).toBeGreaterThan(1000);
    expect(agree / posts.length).toBeGreaterThanOrEqual(0.98);
    expect(mineRight).toBeGreaterThanOrEqual(francRight - posts.length * 0.005);
  });

  it('scores best 1 and the rest below, and stays silent on too little text', () => {
    const s = trigramScores('Ik ga morgen met de fiets naar het werk en neem mijn laptop mee.');
    expect(s[0]).toEqual(['nl', 1]);
    expect(s.slice(1).every(([, v]) => v < 1)).toBe(true);
    expect(trigramScores('ok')).toEqual([]);
  });

  it('detects the language of a post with stop words and trigrams', () => {
    const d = (t: string) => detectLanguage(t, normalize(t).tokens);
    expect(d('Je trouve que cette réunion était beaucoup trop longue aujourd’hui.')).toBe('fr');
    expect(d('Heute war das Meeting wieder viel zu lang, finde ich.')).toBe('de');
    expect(d('The meeting ran far too long again today, honestly.')).toBe('en');
    expect(d('De vergadering duurde vandaag weer veel te lang.')).toBe('nl');
  });

  it('has up-to-date models (rules/trigrams.json from franc-min)', () => {
    expect(() => execFileSync('node', ['scripts/extract-trigrams.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
