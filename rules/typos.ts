// One typo away: a word of a designated lexicon (a pack's `fuzzy` list:
// group names, slurs…) written with one letter missing, one letter extra or
// two neighbouring letters swapped ("muslmis", "marokanen", "immigrannts"),
// the obfuscations a word list cannot enumerate. Substituted letters are left
// out on purpose: they turn ordinary words into listed ones too easily
// ("bankers" / "kankers"). The first letter must be right, and words shorter
// than MIN_WORD are never matched this way (too many neighbours).

export const MIN_WORD = 6;

/** Is `t` one missing, extra or swapped letter away from `w` (never equal)? */
export function oneTypo(t: string, w: string): boolean {
  if (t[0] !== w[0] || t === w) return false;
  const d = t.length - w.length;
  if (d === 0) {
    // Exactly one pair of neighbours swapped.
    let i = 0;
    while (i < t.length && t[i] === w[i]) i++;
    return i + 1 < t.length && t[i] === w[i + 1] && t[i + 1] === w[i] && t.slice(i + 2) === w.slice(i + 2);
  }
  if (d !== 1 && d !== -1) return false;
  const [long, short] = d > 0 ? [t, w] : [w, t];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

/**
 * Eligible words by language, first letter and length; answers cached per
 * token (a draft is checked again and again while it is typed). A typo is
 * only read as a word of the post's own language: across languages, one
 * letter apart is too often another word ("Mongools" is Dutch for Mongolian,
 * one letter from French "mongols").
 */
export class TypoIndex {
  private buckets = new Map<string, [string, number][]>();
  /** Per language: token → ids (no key string to build per token). */
  private cache = new Map<string, Map<string, readonly number[]>>();
  private cached = 0;

  /** `lang`: the entry's language (any: every post). */
  add(word: string, id: number, lang: string): void {
    if (word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) return;
    const k = `${lang}${word[0]}${word.length}`;
    const b = this.buckets.get(k);
    if (b) {
      if (!b.some(([, i]) => i === id)) b.push([word, id]);
    } else this.buckets.set(k, [[word, id]]);
  }

  /** Ids of eligible words of language `lang` (or any) one typo from `t`. */
  near(t: string, lang: string): readonly number[] {
    if (t.length < MIN_WORD - 1) return NONE;
    let perLang = this.cache.get(lang);
    if (!perLang) this.cache.set(lang, (perLang = new Map()));
    let out = perLang.get(t);
    if (out) return out;
    const found: number[] = [];
    for (const l of [lang, 'any']) {
      for (let len = t.length - 1; len <= t.length + 1; len++) {
        for (const [w, id] of this.buckets.get(`${l}${t[0]}${len}`) ?? []) if (oneTypo(t, w)) found.push(id);
      }
    }
    out = found.length ? found : NONE;
    if (++this.cached > 50_000) { this.cache.clear(); this.cached = 0; perLang = new Map(); this.cache.set(lang, perLang); }
    perLang.set(t, out);
    return out;
  }
}

const NONE: readonly number[] = [];
