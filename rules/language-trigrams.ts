// Trigram language scores for the four covered languages: Cavnar & Trenkle's
// "out-of-place" measure between the post's trigram ranking and each
// language's model (rules/trigrams.json, from franc-min's data: see
// scripts/extract-trigrams.mjs). franc itself carries 82 models and script
// expressions (170 KB) to tell four languages apart; this is the part we use.

import models from './trigrams.json';
import type { Lang } from './types';

const LANGS: Lang[] = ['nl', 'en', 'fr', 'de'];
/** Penalty for a trigram the model does not have (its models hold 300). */
const MISSING = 300;

/** Three UTF-16 units as one number: trigrams are counted without building strings. */
const key3 = (a: number, b: number, c: number) => (a * 0x10000 + b) * 0x10000 + c;

let ranks: Map<number, number>[] | null = null;
/** Trigram → rank (0: most frequent), per language; built on first use. */
function modelRanks(): Map<number, number>[] {
  return (ranks ??= LANGS.map((l) => new Map(models[l].split('|').map((t, i) => [key3(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2)), i]))));
}

const LETTER = /\p{L}/u;
const SPACE = 32;

/** The padded trigrams of the text's letters (lowercase, runs of anything else as one space), most frequent first (ties: first seen first). */
function profile(text: string): number[] {
  const lower = text.toLowerCase();
  const codes: number[] = [SPACE];
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c > 127 && LETTER.test(lower[i]!));
    if (letter) codes.push(c);
    else if (codes[codes.length - 1] !== SPACE) codes.push(SPACE);
  }
  if (codes[codes.length - 1] !== SPACE) codes.push(SPACE);
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= codes.length; i++) {
    const k = key3(codes[i]!, codes[i + 1]!, codes[i + 2]!);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

/**
 * Languages ranked best first, with scores in 0..1 (1: the best; 0: as far
 * as possible). Empty when the text has fewer than `minTrigrams` trigrams.
 */
export function trigramScores(text: string, minTrigrams = 10): [Lang, number][] {
  const prof = profile(text);
  if (prof.length < minTrigrams) return [];
  const distances = modelRanks().map((model, li): [Lang, number] => {
    let d = 0;
    for (let i = 0; i < prof.length; i++) {
      const r = model.get(prof[i]!);
      d += r === undefined ? MISSING : Math.abs(r - i);
    }
    return [LANGS[li]!, d];
  }).sort((a, b) => a[1] - b[1]);
  const min = distances[0]![1];
  const span = prof.length * MISSING - min;
  return distances.map(([l, d]) => [l, span > 0 ? 1 - (d - min) / span : 1]);
}
