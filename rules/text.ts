// Text normalisation with an offset map back to the original text.
//
// Social-media posts hide words on purpose (e1kel, k l o o t z a k, f*ck,
// idioooot, Z w @ r t e n, Schw.ule, zero-width joiners) and by accident (accents, ligatures,
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
  /** Built from pieces the writer kept apart: spaced-out letters (k l o o t) or a dot inside a word (Schw.ule). */
  joined?: boolean;
  /**
   * `@` + letters (@rabes): read as a handle (t = `rabes`), and this is the
   * other reading, with the `@` as an `a` (`arabes`). A hint for the matcher;
   * see the comment on handles in `normalize`.
   */
  alt?: string;
  /**
   * Attached to the previous token by one hyphen, no spaces (kut-marokkanen,
   * ex-baas): the two may also be read as one compound word.
   */
  afterHyphen?: boolean;
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
const LEET_CHAR_RE = /[013457@$!€|]/;
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

/**
 * The text folded into single UTF-16 units, each with its source range:
 * parallel arrays rather than an object per character (a post is checked on
 * every pause in typing; the garbage collector notices thousands of objects).
 */
interface Folded { c: string[]; s: number[]; e: number[] }

function foldText(text: string): Folded {
  const c: string[] = [];
  const s: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.charCodeAt(i) < 0xd800 ? text.charCodeAt(i) : text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      c.push(cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : text[i]!);
      s.push(i);
      e.push(i + 1);
    } else if (!isInvisible(cp)) {
      const ch = len === 1 ? text[i]! : text.slice(i, i + 2);
      // A folded form of several characters (ﬁ → fi) maps each to the same source.
      for (const f of foldCodePoint(cp, ch)) {
        c.push(f);
        s.push(i);
        e.push(i + len);
      }
    }
    i += len;
  }
  return { c, s, e };
}

// Folded text is lowercase: ASCII letters and digits answer without a Unicode regex.
const isWordChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c > '\x7f' && WORD_RE.test(c));
const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c > '\x7f' && LETTER_RE.test(c));
const isDigit = (c: string) => c >= '0' && c <= '9';
const SENTENCE_END = /[.!?;…]/;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

/** What may separate spaced-out letters: k l o o t, k.l.o.o.t, k-l-o-o-t, k_l_o_o_t. */
const isSep = (c: string) => c === ' ' || c === '.' || c === '-' || c === '_';
/** Leet symbols that can stand alone for a letter among spaced-out letters (Z w @ r t e n). */
const SPACED_SYMBOL = new Set(['@', '$', '€']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const hasVowel = (t: string) => {
  for (const ch of t) if (VOWELS.has(ch)) return true;
  return false;
};

/**
 * What follows a dot in domains and file names (postcheck.app, acme.example,
 * plan.pdf): never joined to the part before it. Two-letter parts (nos.nl,
 * main.ts) are never joined at all.
 */
const DOT_TAILS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'app', 'dev', 'pro', 'xyz', 'online', 'site', 'shop',
  'store', 'blog', 'news', 'tech', 'cloud', 'page', 'web', 'art', 'ltd', 'club', 'live', 'life', 'world', 'email', 'link',
  'space', 'website', 'media', 'agency', 'digital', 'group', 'company', 'global', 'network', 'solutions', 'services',
  'example', 'test', 'local', 'invalid', 'localhost', 'brussels', 'vlaanderen', 'gent', 'amsterdam', 'berlin', 'paris',
  'koeln', 'hamburg', 'bayern', 'wien', 'swiss', 'frl', 'nrw', 'alsace', 'bzh', 'corsica', 'lol', 'wtf',
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'csv', 'rtf', 'odt', 'ods', 'odp', 'jpg', 'jpeg', 'png',
  'gif', 'svg', 'webp', 'heic', 'tif', 'tiff', 'bmp', 'mp3', 'mp4', 'mov', 'avi', 'mkv', 'wav', 'zip', 'rar', 'tar',
  'html', 'htm', 'php', 'asp', 'aspx', 'jsp', 'css', 'scss', 'json', 'xml', 'yaml', 'yml', 'tsx', 'jsx', 'mjs', 'cjs',
  'exe', 'dmg', 'apk', 'msi', 'ics', 'vcf', 'eml', 'msg', 'key', 'log', 'ini', 'cfg', 'conf', 'sql', 'bak', 'tmp',
]);

/**
 * Words before which English "a" / French "à" is no article but the first
 * letter of a spelled-out word: "an a r a b" (a determiner is never followed
 * by an article).
 */
const DETERMINERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'no', 'some', 'all',
  'de', 'het', 'een', 'die', 'deze', 'dat', 'dit', 'geen', 'mijn', 'jouw', 'zijn', 'haar', 'onze', 'hun', 'alle',
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'ce', 'cet', 'cette', 'ces', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes',
  'son', 'sa', 'ses', 'nos', 'vos', 'leur', 'leurs', 'tous', 'toutes',
  'der', 'das', 'den', 'dem', 'ein', 'eine', 'einen', 'einem', 'einer', 'kein', 'keine', 'diese', 'dieser',
]);

/**
 * Does an e-mail domain start at folded index k: a word, a dot, and a word
 * again (acme.be in jan@acme.be)? Then the `@` before it is no leet `a`.
 */
function isEmailDomain(cc: string[], k: number): boolean {
  let m = k;
  while (m < cc.length && (isWordChar(cc[m]!) || cc[m]! === '-')) m++;
  return m > k && m + 1 < cc.length && cc[m]! === '.' && isWordChar(cc[m + 1]!);
}

interface Raw {
  t: string;
  s: number;
  e: number;
  /** Range in the folded text. */
  fs: number;
  fe: number;
  masked: boolean;
  leet: boolean;
  /** A leet symbol standing alone (the `@` of "Z w @ r t e n"): only kept inside spaced-out letters. */
  sym?: boolean;
  alt?: string;
}

/**
 * Tokenise folded text. A token is a run of letters/digits; inside a run that
 * has letters, leet symbols become letters and `*`/`#` between letters are
 * masked letters. Then spaced-out letters and dotted words are joined.
 */
export function normalize(text: string): Normalized {
  const { c: cc, s: cs, e: ce } = foldText(text);
  const n = cc.length;
  const raw: Raw[] = [];
  let i = 0;
  while (i < n) {
    const c = cc[i]!;
    // A lone leet symbol between separators may be a letter of a spaced-out
    // word (Z w @ r t e n, $ h i t); kept aside until the runs are known.
    if (SPACED_SYMBOL.has(c) && (i === 0 || isSep(cc[i - 1]!)) && (i + 1 >= n || isSep(cc[i + 1]!))) {
      raw.push({ t: c, s: cs[i]!, e: ce[i]!, fs: i, fe: i + 1, masked: false, leet: true, sym: true });
      i++;
      continue;
    }
    const startsWord =
      isWordChar(c) ||
      // $hit, @sshole: a leading leet symbol directly followed by letters.
      ((c === '$' || c === '€') && i + 1 < n && isLetter(cc[i + 1]!));
    if (!startsWord) { i++; continue; }
    let j = i;
    let hasLetter = false;
    let masked = false;
    let leet = false;
    let buf = '';
    while (j < n) {
      const d = cc[j]!;
      if (isWordChar(d)) { if (isLetter(d)) hasLetter = true; buf += d; j++; continue; }
      if (j === i && (d === '$' || d === '€')) { buf += d; j++; continue; }
      if ((d === '*' || d === '#') && j > i && j + 1 < n) {
        // f*ck, k**tbaas: mask characters between letters.
        let k = j;
        while (k < n && (cc[k]! === '*' || cc[k]! === '#')) k++;
        if (k < n && isLetter(cc[k]!) && isLetter(cc[j - 1]!) && k - j <= 3) {
          for (let m = j; m < k; m++) buf += '*';
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
        while (k < n && LEET_SYMBOL.has(cc[k]!)) k++;
        if (d === '@' && k === j + 1 && isEmailDomain(cc, k)) break; // jan@acme.be: an address, not ar@bes
        const inside = k < n && isWordChar(cc[k]!);
        const dollarEnd = !inside && k - j <= 2 && cc.slice(j, k).every((x) => x === '$') && isLetter(cc[j - 1]!);
        if (inside || dollarEnd) {
          for (let m = j; m < k; m++) buf += cc[m]!;
          leet = true;
          j = k;
          continue;
        }
      }
      break;
    }
    let t = buf;
    // Leet undone inside words with letters — but not in number+unit or
    // name+number tokens (10pm, 3de, 50plus, covid19, D66), where digits are digits.
    if (hasLetter && LEET_CHAR_RE.test(t) && !UNIT_LIKE.test(t)) {
      let u = '';
      for (const ch of t) {
        const l = LEET[ch] ?? (ch === '|' ? 'i' : ch);
        if (l !== ch) leet = true;
        u += l;
      }
      t = u;
    }
    const r: Raw = { t, s: cs[i]!, e: ce[j - 1]!, fs: i, fe: j, masked, leet };
    // Handles: `@` + letters is a handle (@acme, @postcheck) and the token is
    // the name without the `@`, as the employer's handles are matched. The
    // same shape hides an `a` (@rabes = arabes, @rabieren), and no rule of
    // spelling tells the two apart: tokens are one stream without overlaps,
    // so text.ts cannot offer both readings as tokens. The handle reading
    // wins (reading every @name as a+name would break handle matching) and
    // the other reading rides along in `alt` for a matcher that looks at it.
    // Not for names with digits or followed by `_` or `.` (@jan_peeters):
    // those are handles only.
    if (i > 0 && cc[i - 1]! === '@' && (i < 2 || !isWordChar(cc[i - 2]!)) && !masked && /^\p{L}+$/u.test(t)) {
      const after = j < n ? cc[j]! : '';
      if (after !== '_' && !(after === '.' && j + 1 < n && isWordChar(cc[j + 1]!))) r.alt = 'a' + t;
    }
    raw.push(r);
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
        const c = cc[m]!;
        if (c === '\n' || c === '\r' || (SENTENCE_END.test(c) && (m + 1 >= n || /\s/.test(cc[m + 1]!)))) {
          sentence++;
          break;
        }
      }
    }
    sentenceOf.push(sentence);
  }

  /** One character that may be a letter of a spaced-out word: a letter, a digit or a lone leet symbol. */
  const isCell = (r: Raw) => r.sym === true || (r.t.length === 1 && r.fe - r.fs === 1 && (isLetter(r.t) || isDigit(r.t)));
  const cellIsLetter = (r: Raw) => !r.sym && isLetter(r.t);
  /** The separator between raw[m] and raw[m + 1] when it is one separator character, else ''. */
  const sepAfter = (m: number): string => {
    const a = raw[m]!;
    const b = raw[m + 1];
    if (!b || b.fs - a.fe !== 1) return '';
    const g = cc[a.fe]!;
    return isSep(g) ? g : '';
  };
  /**
   * Do cells k..m make a spaced-out word? Three or more, letters in the
   * majority, and no digit first: digits and symbols are letters only among
   * letters (j 3 w s, h o m 0), never on their own or leading (1 2 3,
   * 5 x 3 m, 1 v 1, 1 a b c).
   */
  const wordRun = (k: number, m: number): boolean => {
    if (m - k + 1 < 3 || isDigit(raw[k]!.t)) return false;
    let letters = 0;
    for (let q = k; q <= m; q++) if (cellIsLetter(raw[q]!)) letters++;
    return letters >= 3 && letters * 2 > m - k + 1;
  };
  const runText = (k: number, m: number): string => {
    let t = '';
    for (let q = k; q <= m; q++) {
      const c = raw[q]!.t;
      t += cellIsLetter(raw[q]!) ? c : LEET[c] ?? c;
    }
    return t;
  };
  /**
   * Is the first cell of the run k..m a one-letter word rather than the
   * first letter of the spelled-out word ("a j e r k" is "a jerk")? English
   * "a" and French "à" only: the other one-letter words (y, u, i) hardly ever
   * stand before a spelled-out word. "a" is ambiguous (a s s h o l e, a r a b s,
   * a p e n), so it is an article only where English grammar allows one: the
   * rest starts with a consonant that can begin a word (no "ss", "ll", "lb"),
   * is no plural (…s, …x, nl/de …en: "a" takes no plural), and no determiner
   * comes before it ("an a r a b").
   */
  const articleFirst = (k: number, m: number, prev: Token | undefined): boolean => {
    if (m - k + 1 < 4 || sepAfter(k) !== ' ' || raw[k]!.t !== 'a') return false;
    if (!wordRun(k + 1, m)) return false;
    const o = text.slice(raw[k]!.s, raw[k]!.e);
    if (o === 'à' || o === 'À' || o === 'a\u0300' || o === 'A\u0300') return true;
    if (o !== 'a' && o !== 'A') return false;
    const rest = runText(k + 1, m);
    const c0 = rest[0]!;
    const c1 = rest[1]!;
    if (!/[a-z]/.test(c0) || VOWELS.has(c0)) return false;
    const onset = VOWELS.has(c1) || 'lrhw'.includes(c1) || (c0 === 's' && 'chklmnpqtw'.includes(c1));
    if (!onset || c0 === c1) return false;
    if (rest.endsWith('s') || rest.endsWith('x') || rest.endsWith('en')) return false;
    if (prev && prev.sentence === sentenceOf[k] && DETERMINERS.has(prev.t)) return false;
    return true;
  };
  /**
   * A dot inside a word (Schw.ule, mos.lims) hides it as well as spaces do.
   * Dots also sit inside domains (postcheck.app), file names (plan.pdf),
   * abbreviations (e.g., J.D.), numbers (3.5) and sentences missing their
   * space (end.Next, "idioot.wat"), which must stay apart. So join two parts
   * only when: there is exactly one dot and no other dot, slash, colon or @
   * around them (www.x.com, jan@acme.be, https://a.b stay apart); both parts
   * are letters, the first of two or more and the second of three or more
   * (two-letter tails are country domains and file types: nos.nl, app.js);
   * the second has no capital (a capital starts a sentence or a name, or
   * is code: end.Next, Mr.Smith, fs.readFile) unless all is in capitals
   * (SCHW.ULE); the second is no common domain ending or file
   * extension; and one part is short (three letters or less) or has no
   * vowel (Schw): a part that cannot be a word on its own. Two long words
   * around a dot are a missing space more often than a disguise.
   */
  const dotJoins = (k: number): boolean => {
    const a = raw[k]!;
    const b = raw[k + 1];
    if (!b || a.sym || b.sym || b.fs - a.fe !== 1 || cc[a.fe]! !== '.') return false;
    if (a.t.length < 2 || b.t.length < 3 || !/^[\p{L}*]+$/u.test(a.t) || !/^[\p{L}*]+$/u.test(b.t)) return false;
    if (a.fs > 0) {
      const p = cc[a.fs - 1]!;
      if (p === '/' || p === ':' || p === '@' || p === '\\' || (p === '.' && a.fs > 1 && isWordChar(cc[a.fs - 2]!))) return false;
    }
    if (b.fe < n) {
      const p = cc[b.fe]!;
      if (p === '/' || p === ':' || p === '@' || p === '\\' || (p === '.' && b.fe + 1 < n && isWordChar(cc[b.fe + 1]!))) return false;
    }
    // A capital in the second part: a new sentence or a name (end.Next,
    // Mr.Smith) or code (fs.readFile) — unless both parts are all capitals
    // (SCHW.ULE in a shouted post).
    const bOrig = text.slice(b.s, b.e);
    if (UPPER_RE.test(bOrig) && (LOWER_RE.test(bOrig) || LOWER_RE.test(text.slice(a.s, a.e)))) return false;
    if (DOT_TAILS.has(b.t)) return false;
    return Math.min(a.t.length, b.t.length) <= 3 || !hasVowel(a.t) || !hasVowel(b.t);
  };

  const tokens: Token[] = [];
  // Cells up to here belong to a run that failed as a whole (5 x 3 m): no
  // later start inside it may take its digits for letters (x 3 m).
  let lettersOnlyTo = -1;
  // Emit a token (raw[k] is its first piece), marking one glued to the last by a hyphen (kut-marokkanen).
  const push = (tok: Token, k: number) => {
    const prev = tokens[tokens.length - 1];
    const r = raw[k]!;
    if (prev && r.fs > 0 && cc[r.fs - 1]! === '-' && prev.end === cs[r.fs - 1]! && /\p{L}/u.test(prev.t) && /\p{L}/u.test(tok.t)) tok.afterHyphen = true;
    tokens.push(tok);
  };
  for (let k = 0; k < raw.length; ) {
    const r = raw[k]!;
    if (isCell(r)) {
      // Spaced-out letters: 3+ one-character tokens separated by one
      // identical separator (space, dot, hyphen, underscore) become one token.
      let last = k;
      const sep = sepAfter(k);
      if (k > lettersOnlyTo) {
        while (sep && last + 1 < raw.length && isCell(raw[last + 1]!) && sepAfter(last) === sep) last++;
      } else last = lettersOnlyTo; // the same separator all along: scanned once
      let m = -1;
      if (k > lettersOnlyTo && wordRun(k, last)) m = last;
      else if (cellIsLetter(r)) {
        // Too many digits or symbols: letters alone, as "a b c" (1 v 1, 5 x 3 m).
        let q = k;
        while (q < last && cellIsLetter(raw[q + 1]!)) q++;
        if (q - k + 1 >= 3) m = q;
      }
      if (m < 0 && last > lettersOnlyTo) lettersOnlyTo = last;
      if (m >= 0) {
        let from = k;
        if (articleFirst(k, m, tokens[tokens.length - 1])) {
          push(makeToken(text, r.t, r.s, r.e, sentenceOf[k]!, false, false), k);
          from = k + 1;
        }
        let leet = false;
        for (let q = from; q <= m; q++) if (!cellIsLetter(raw[q]!)) leet = true;
        const tok = makeToken(text, runText(from, m), raw[from]!.s, raw[m]!.e, sentenceOf[from]!, false, leet);
        tok.joined = true;
        push(tok, from);
        k = m + 1;
        continue;
      }
    }
    if (r.sym) { k++; continue; } // a lone symbol that is no letter: punctuation
    if (dotJoins(k)) {
      const b = raw[k + 1]!;
      const tok = makeToken(text, r.t + b.t, r.s, b.e, sentenceOf[k]!, r.masked || b.masked, r.leet || b.leet);
      tok.joined = true;
      push(tok, k);
      k += 2;
      continue;
    }
    const tok = makeToken(text, r.t, r.s, r.e, sentenceOf[k]!, r.masked, r.leet);
    if (r.alt) tok.alt = r.alt;
    push(tok, k);
    k++;
  }
  return { tokens, sentenceCount: tokens.length ? tokens[tokens.length - 1]!.sentence + 1 : 0 };
}

const STRETCH_RE = /(\p{L})\1\1/u;

const DOUBLE_RE = /(\p{L})\1/u;

function makeToken(text: string, t: string, start: number, end: number, sentence: number, masked: boolean, leet: boolean): Token {
  // Leetspeak can double a letter by accident (j00den → jooden): treat as stretched.
  const stretched = t.length >= 3 && (STRETCH_RE.test(t) || (leet && DOUBLE_RE.test(t)));
  // Every field present from the start: one object shape for the matcher's hot loops.
  return { t, orig: text.slice(start, end), start, end, sentence, stretched, masked, joined: false, alt: undefined, afterHyphen: false };
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
