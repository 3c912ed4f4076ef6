// Lexicons: word and phrase lists compiled into hash indexes, matched token
// by token. One index holds every lexicon of every pack, so a post is walked
// once whatever the number of packs; phrases are keyed by their first word.
//
// Entry syntax (see PACKS.md): `a{b,c}` alternatives, `stem*`, `*tail`,
// `=Exact` (case-sensitive, original text), `^word` (only when the post's
// detected language is the lexicon's), `_` (any one token).

import { dedouble, foldWords, type Token } from './text';
import type { Lang } from './types';

export type EntryLang = Lang | 'any';

const enum Mode { Exact, Prefix, Suffix, Any, Cased }

interface Word { t: string; mode: Mode }

export interface Entry {
  lex: number;
  words: Word[];
  lang: EntryLang;
  /** Only active when the post's language is `lang`. */
  strict: boolean;
  source: string;
}

export interface LexMatch {
  lex: number;
  /** Token range, inclusive. */
  first: number;
  last: number;
  lang: EntryLang;
}

const INFLECT_MARK = /([\p{L}'-]+)~([nv]?)/gu;

/** Minimum length of the other part of a compound (`*tail`): kut|baas, voll|idiot. */
const MIN_COMPOUND_HEAD = 3;

export function expandBraces(s: string): string[] {
  const open = s.indexOf('{');
  if (open < 0) return [s];
  const close = s.indexOf('}', open);
  if (close < 0) throw new Error(`unbalanced "{" in "${s}"`);
  const head = s.slice(0, open);
  const tail = s.slice(close + 1);
  const out: string[] = [];
  for (const alt of s.slice(open + 1, close).split(',')) {
    for (const rest of expandBraces(tail)) out.push(head + alt + rest);
  }
  return out;
}

export class LexiconIndex {
  readonly names: string[] = [];
  private ids = new Map<string, number>();
  private exact = new Map<string, Entry[]>();
  private exactDedoubled = new Map<string, Entry[]>();
  private prefix = new Map<string, Entry[]>();
  private suffix = new Map<string, Entry[]>();
  private cased = new Map<string, Entry[]>();
  private anyFirst: Entry[] = [];
  private byLength = new Map<number, Entry[]>();
  private prefixLens = new Set<number>();
  private suffixLens = new Set<number>();
  entryCount = 0;

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  has(name: string): boolean {
    return this.ids.has(name);
  }

  /** English inflections precomputed with compromise (scripts/inflect-packs.mjs). */
  constructor(private inflections: Record<string, string[]> = {}) {}

  /** `parasite~` → `{parasite,parasites}` from the precomputed table (base form if absent). */
  private inflect(raw: string): string {
    if (!raw.includes('~')) return raw;
    return raw.replace(INFLECT_MARK, (_, word: string, hint: string) => {
      const forms = this.inflections[`${word.toLowerCase()}~${hint}`];
      return forms && forms.length > 1 ? `{${forms.join(',')}}` : word;
    });
  }

  /** Add one entry (with braces); throws a plain message on bad syntax. */
  add(lexName: string, raw: string, lang: EntryLang): void {
    const lex = this.id(lexName);
    for (const variant of expandBraces(this.inflect(raw))) {
      let s = variant.trim();
      if (!s) continue;
      let strict = false;
      let cased = false;
      if (s.startsWith('^')) { strict = true; s = s.slice(1); }
      if (s.startsWith('=')) { cased = true; s = s.slice(1); }
      const words: Word[] = [];
      for (const part of s.split(/\s+/)) {
        if (part === '_') { words.push({ t: '', mode: Mode.Any }); continue; }
        if (cased) { words.push({ t: part, mode: Mode.Cased }); continue; }
        const suffix = part.startsWith('*');
        const prefix = part.endsWith('*') && part.length > 1;
        const folded = foldWords(part.replace(/^\*|\*$/g, ''));
        if (!folded.length) continue;
        folded.forEach((t, k) => {
          let mode = Mode.Exact;
          if (suffix && k === 0 && folded.length === 1) mode = Mode.Suffix;
          else if (prefix && k === folded.length - 1) mode = Mode.Prefix;
          words.push({ t, mode });
        });
      }
      if (!words.length) continue;
      const entry: Entry = { lex, words, lang, strict, source: variant };
      this.index(entry);
      this.entryCount++;
    }
  }

  private push(map: Map<string, Entry[]>, key: string, e: Entry) {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  }

  private index(e: Entry) {
    const w = e.words[0]!;
    switch (w.mode) {
      case Mode.Exact:
        this.push(this.exact, w.t, e);
        this.push(this.exactDedoubled, dedouble(w.t), e);
        if (e.words.length === 1) {
          const list = this.byLength.get(w.t.length);
          if (list) list.push(e);
          else this.byLength.set(w.t.length, [e]);
        }
        break;
      case Mode.Prefix:
        this.push(this.prefix, w.t, e);
        this.prefixLens.add(w.t.length);
        break;
      case Mode.Suffix:
        this.push(this.suffix, w.t, e);
        this.suffixLens.add(w.t.length);
        break;
      case Mode.Cased:
        this.push(this.cased, w.t, e);
        break;
      case Mode.Any:
        this.anyFirst.push(e);
        break;
    }
  }

  /** Every match of every lexicon in the tokens; strict entries need `lang`. */
  match(tokens: Token[], lang: Lang): LexMatch[] {
    const out: LexMatch[] = [];
    const seen = new Set<string>();
    const emit = (e: Entry, i: number) => {
      if (e.strict && e.lang !== lang) return;
      const last = this.matchRest(e, tokens, i);
      if (last < 0) return;
      const key = `${e.lex}:${i}:${last}:${e.lang}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ lex: e.lex, first: i, last, lang: e.lang });
    };
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const t = tok.t;
      this.exact.get(t)?.forEach((e) => emit(e, i));
      if (tok.stretched) this.exactDedoubled.get(dedouble(t))?.forEach((e) => emit(e, i));
      if (tok.masked) this.byLength.get(t.length)?.forEach((e) => { if (maskFits(t, e.words[0]!.t)) emit(e, i); });
      for (const len of this.prefixLens) {
        if (len <= t.length) this.prefix.get(t.slice(0, len))?.forEach((e) => emit(e, i));
      }
      for (const len of this.suffixLens) {
        if (len === t.length || t.length - len >= MIN_COMPOUND_HEAD) this.suffix.get(t.slice(t.length - len))?.forEach((e) => emit(e, i));
      }
      this.cased.get(tok.orig)?.forEach((e) => emit(e, i));
      for (const e of this.anyFirst) emit(e, i);
    }
    return out;
  }

  /** Index of the last token of entry `e` starting at token i, or -1. */
  private matchRest(e: Entry, tokens: Token[], i: number): number {
    for (let k = 0; k < e.words.length; k++) {
      const tok = tokens[i + k];
      if (!tok || (k > 0 && tok.sentence !== tokens[i]!.sentence)) return -1;
      if (!wordFits(e.words[k]!, tok)) return -1;
    }
    return i + e.words.length - 1;
  }
}

function maskFits(masked: string, word: string): boolean {
  if (masked.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (masked[i] !== '*' && masked[i] !== word[i]) return false;
  return true;
}

function wordFits(w: Word, tok: Token): boolean {
  const t = tok.t;
  switch (w.mode) {
    case Mode.Any:
      return true;
    case Mode.Cased:
      return tok.orig === w.t;
    case Mode.Exact:
      return t === w.t || (tok.stretched && dedouble(t) === dedouble(w.t)) || (tok.masked && maskFits(t, w.t));
    case Mode.Prefix:
      return t.startsWith(w.t);
    case Mode.Suffix:
      return t === w.t || (t.endsWith(w.t) && t.length - w.t.length >= MIN_COMPOUND_HEAD);
  }
}
