// Language of a post: trigram scores against the four covered languages
// (language-trigrams.ts, franc's models), helped by stop words on short posts
// (where trigram statistics are weak).
// The language only chooses the wording of messages and of the disclaimer
// suggestion: every language's lexicons are matched on every post.

import { trigramScores } from './language-trigrams';
import type { Token } from './text';
import type { Lang } from './types';

/** Trigram statistics are no better on long texts: a prefix decides. */
const SAMPLE = 400;

const STOPWORDS: Record<Lang, string[]> = {
  nl: ['de', 'het', 'een', 'en', 'is', 'niet', 'ik', 'je', 'we', 'wij', 'zijn', 'van', 'dat', 'die', 'op', 'met', 'voor', 'mijn', 'onze', 'maar', 'ook', 'naar', 'bij', 'geen', 'nog', 'echt', 'wat', 'heel', 'weer', 'zo', 'als', 'hij', 'ze', 'deze', 'dit', 'er', 'wel', 'om', 'aan', 'te', 'hebben', 'heeft', 'wordt', 'gaat'],
  en: ['the', 'a', 'an', 'and', 'is', 'are', 'not', 'i', 'you', 'we', 'my', 'our', 'of', 'that', 'this', 'to', 'for', 'with', 'on', 'but', 'it', 'be', 'was', 'have', 'has', 'so', 'just', 'what', 'they', 'he', 'she', 'at', 'from', 'your', 'all', 'will', 'today', 'very'],
  fr: ['le', 'la', 'les', 'un', 'une', 'et', 'est', 'pas', 'je', 'tu', 'nous', 'vous', 'mon', 'ma', 'mes', 'notre', 'de', 'des', 'du', 'que', 'qui', 'pour', 'avec', 'dans', 'sur', 'mais', 'ce', 'cette', 'il', 'elle', 'ils', 'sont', 'au', 'aux', 'tres', 'trop', 'ne', 'on', 'c', 'j', 'l', 'd', 'qu'],
  de: ['der', 'die', 'das', 'ein', 'eine', 'und', 'ist', 'nicht', 'ich', 'du', 'wir', 'mein', 'meine', 'unser', 'von', 'dass', 'fur', 'mit', 'auf', 'aber', 'auch', 'zu', 'den', 'dem', 'sind', 'es', 'er', 'sie', 'heute', 'wieder', 'so', 'bei', 'im', 'kein', 'keine', 'noch', 'sehr', 'wie', 'was', 'hat', 'haben', 'wird'],
};
const STOP = new Map<string, Lang[]>();
for (const lang of Object.keys(STOPWORDS) as Lang[]) {
  for (const w of STOPWORDS[lang]) STOP.set(w, [...(STOP.get(w) ?? []), lang]);
}

export function browserLang(tag: string | undefined): Lang | undefined {
  const base = tag?.toLowerCase().slice(0, 2);
  return base === 'nl' || base === 'en' || base === 'fr' || base === 'de' ? base : undefined;
}

/**
 * Detect the post's language. Short posts lean on stop words, long ones on
 * trigrams; a tie falls back to the user's own language, then English.
 */
export function detectLanguage(text: string, tokens: Token[], fallback?: Lang): Lang {
  const score: Record<Lang, number> = { nl: 0, en: 0, fr: 0, de: 0 };
  for (const tok of tokens.length > 200 ? tokens.slice(0, 200) : tokens) {
    const langs = STOP.get(tok.t);
    if (langs) for (const l of langs) score[l] += 1 / langs.length;
  }
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (sample.length >= 20) {
    const ranked = trigramScores(sample);
    // Trigram scores are 0..1 (1 best); weight them like a few stop words.
    const weight = Math.min(6, 1 + sample.length / 60);
    for (const [l, s] of ranked) score[l] += s * weight;
  }
  let best: Lang | undefined;
  let bestScore = 0;
  for (const l of ['nl', 'en', 'fr', 'de'] as Lang[]) {
    if (score[l] > bestScore + 1e-9) { best = l; bestScore = score[l]; }
  }
  return best ?? fallback ?? 'en';
}
