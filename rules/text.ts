// Text normalisation with an offset map back to the original text.
//
// Social-media posts hide words on purpose (e1kel, k l o o t z a k, f*ck,
// idioooot, zero-width joiners) and by accident (accents, ligatures,
// full-width letters). Matching runs on a folded copy of the text; every
// folded character remembers the UTF-16 range of the original it came from,
// so findings always point at what the user actually typed.

export interface Token {
  /** Folded text of the token (lowercase, no accents, leet undone). '*' marks a masked letter. */
  t: string;
  /** The token as typed (original text slice), for case-sensitive entries. */
  orig: string;
  /** UTF-16 range in the original text. */
  start: number;
  end: number;
  /** Sentence index (0-based). */
  sentence: number;
  /** Has a run of 3+ identical letters (idioooot). */
  stretched: boolean;
  /** Contains a masked letter (f*ck). */
  masked: boolean;
}

export interface Normalized {
  tokens: Token[];
  sentenceCount: number;
}

// Characters that carry no visible content: zero-width space/joiners, marks,
// word joiner, invisible operators, BOM, soft hyphen, variation selectors.
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x180e ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't',
  '@': 'a', '$': 's', '!': 'i', '€': 'e',
};
const MARK_RE = /\p{M}/gu;
const WORD_RE = /[\p{L}\p{N}]/u;
const LETTER_RE = /\p{L}/u;
const UNIT_LIKE = /^(?:\d{2,}\p{L}+|\p{L}+\d{2,}|\d+(?:st|nd|rd|th|de|e|ste|er|ere|eme|ème|te|km|kg|pm|am|h|m|s|x))$/u;
const LEET_SYMBOL = new Set(['@', '$', '!', '€', '|']);
const NON_WORD_RE = /[^\p{L}\p{N}]/gu;
const fold1Cache = new Map<number, string>();

/** Fold one code point: compatibility form, lowercase, no diacritics. */
function foldCodePoint(cp: number, ch: string): string {
  if (cp < 0x80) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
  let f = fold1Cache.get(cp);
  if (f === undefined) {
    f = ch.normalize('NFKC').normalize('NFD').replace(MARK_RE, '').toLowerCase().replace(/ß/g, 'ss');
    // A compatibility expansion with inner punctuation (¼ → 1⁄4, ㍱ → hpa) must
    // stay one piece: tokens never split a source character.
    if (f.length > 1 && WORD_RE.test(f)) f = f.replace(NON_WORD_RE, '');
    if (fold1Cache.size < 4096) fold1Cache.set(cp, f);
  }
  return f;
}

interface FoldedChar { c: string; s: number; e: number }

/** Fold the whole text into single UTF-16 units with their source ranges. */
function foldText(text: string): FoldedChar[] {
  const out: FoldedChar[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      const ch = len === 1 ? text[i]! : text.slice(i, i + 2);
      const f = foldCodePoint(cp, ch);
      // A folded form of several characters (ﬁ → fi) maps each to the same source.
      for (const c of f) out.push({ c, s: i, e: i + len });
    }
    i += len;
  }
  return out;
}

const isWordChar = (c: string) => WORD_RE.test(c);
const isLetter = (c: string) => LETTER_RE.test(c);
const SENTENCE_END = /[.!?;…]/;

/**
 * Tokenise folded text. A token is a run of letters/digits; inside a run that
 * has letters, leet symbols become letters and `*`/`#` between letters are
 * masked letters.
 */
export function normalize(text: string): Normalized {
  const chars = foldText(text);
  const n = chars.length;
  const raw: { t: string; s: number; e: number; fs: number; fe: number; masked: boolean; leet: boolean }[] = [];
  let i = 0;
  while (i < n) {
    const c = chars[i]!.c;
    const startsWord =
      isWordChar(c) ||
      // $hit, @sshole: a leading leet symbol directly followed by letters.
      ((c === '$' || c === '€') && i + 1 < n && isLetter(chars[i + 1]!.c));
    if (!startsWord) { i++; continue; }
    let j = i;
    let hasLetter = false;
    let masked = false;
    let leet = false;
    const buf: string[] = [];
    while (j < n) {
      const d = chars[j]!.c;
      if (isWordChar(d)) { if (isLetter(d)) hasLetter = true; buf.push(d); j++; continue; }
      if (j === i && (d === '$' || d === '€')) { buf.push(d); j++; continue; }
      if ((d === '*' || d === '#') && j > i && j + 1 < n) {
        // f*ck, k**tbaas: mask characters between letters.
        let k = j;
        while (k < n && (chars[k]!.c === '*' || chars[k]!.c === '#')) k++;
        if (k < n && isLetter(chars[k]!.c) && isLetter(chars[j - 1]!.c) && k - j <= 3) {
          for (let m = j; m < k; m++) buf.push('*');
          masked = true;
          j = k;
          continue;
        }
        break;
      }
      if (LEET_SYMBOL.has(d) && j > i) {
        // A run of leet symbols inside a word (sh!t, a$$hole), or `$` ending
        // a word (Arab$): letters in disguise. Elsewhere they are punctuation.
        let k = j;
        while (k < n && LEET_SYMBOL.has(chars[k]!.c)) k++;
        const inside = k < n && isWordChar(chars[k]!.c);
        const dollarEnd = !inside && k - j <= 2 && chars.slice(j, k).every((x) => x.c === '$') && isLetter(chars[j - 1]!.c);
        if (inside || dollarEnd) {
          for (let m = j; m < k; m++) buf.push(chars[m]!.c);
          leet = true;
          j = k;
          continue;
        }
      }
      break;
    }
    let t = buf.join('');
    // Leet undone inside words with letters — but not in number+unit or
    // name+number tokens (10pm, 3de, 50plus, covid19, D66), where digits are digits.
    if (hasLetter && !UNIT_LIKE.test(t)) {
      let u = '';
      for (const ch of t) {
        const l = LEET[ch] ?? (ch === '|' ? 'i' : ch);
        if (l !== ch) leet = true;
        u += l;
      }
      t = u;
    }
    raw.push({ t, s: chars[i]!.s, e: chars[j - 1]!.e, fs: i, fe: j, masked, leet });
    i = j;
  }

  // Sentence index per token: a break is a sentence mark followed by a space
  // or the end, or a line break, in the gap before the token.
  const sentenceOf: number[] = [];
  let sentence = 0;
  for (let k = 0; k < raw.length; k++) {
    if (k > 0) {
      const from = raw[k - 1]!.fe;
      const to = raw[k]!.fs;
      for (let m = from; m < to; m++) {
        const c = chars[m]!.c;
        if (c === '\n' || c === '\r' || (SENTENCE_END.test(c) && (m + 1 >= n || /\s/.test(chars[m + 1]!.c)))) {
          sentence++;
          break;
        }
      }
    }
    sentenceOf.push(sentence);
  }

  // Spaced-out letters: 3+ single-letter tokens separated by one identical
  // separator (space, dot, hyphen, underscore) become one token.
  const tokens: Token[] = [];
  for (let k = 0; k < raw.length; ) {
    const r = raw[k]!;
    if (r.t.length === 1 && isLetter(r.t)) {
      let m = k;
      let sep: string | null = null;
      while (m + 1 < raw.length && raw[m + 1]!.t.length === 1 && isLetter(raw[m + 1]!.t)) {
        const gapFrom = raw[m]!.fe;
        const gapTo = raw[m + 1]!.fs;
        if (gapTo - gapFrom !== 1) break;
        const g = chars[gapFrom]!.c;
        if (!(g === ' ' || g === '.' || g === '-' || g === '_')) break;
        if (sep !== null && g !== sep) break;
        sep = g;
        m++;
      }
      if (m - k + 1 >= 3) {
        let t = '';
        for (let q = k; q <= m; q++) t += raw[q]!.t;
        tokens.push(makeToken(text, t, r.s, raw[m]!.e, sentenceOf[k]!, false, false));
        k = m + 1;
        continue;
      }
    }
    tokens.push(makeToken(text, r.t, r.s, r.e, sentenceOf[k]!, r.masked, r.leet));
    k++;
  }
  return { tokens, sentenceCount: raw.length ? sentence + 1 : 0 };
}

const STRETCH_RE = /(\p{L})\1\1/u;

const DOUBLE_RE = /(\p{L})\1/u;

function makeToken(text: string, t: string, start: number, end: number, sentence: number, masked: boolean, leet: boolean): Token {
  // Leetspeak can double a letter by accident (j00den → jooden): treat as stretched.
  const stretched = STRETCH_RE.test(t) || (leet && DOUBLE_RE.test(t));
  return { t, orig: text.slice(start, end), start, end, sentence, stretched, masked };
}

/** Collapse every run of a repeated letter to one letter (for stretched words). */
export function dedouble(t: string): string {
  let out = '';
  for (const ch of t) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/** Fold a lexicon word the same way as the text: returns its tokens. */
export function foldWords(s: string): string[] {
  return normalize(s).tokens.map((x) => x.t);
}
