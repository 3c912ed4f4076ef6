// Lexicons: word and phrase lists compiled into one word trie, matched token
// by token. One trie holds every lexicon of every pack, so a post is walked
// once whatever the number of packs, and a phrase costs only as many lookups
// as the words it really shares with the post. Policy terms go into a small
// overlay trie (`fork`), so a new policy does not rebuild the packs' trie.
//
// Entry syntax (see PACKS.md): `a{b,c}` alternatives, `stem*`, `*tail`,
// `=Exact` (case-sensitive, original text), `^word` (only when the post's
// detected language is the lexicon's), `_` (any one token), `word~`
// (English inflections).

import { dedouble, foldWords, type Token } from './text';
import type { Lang } from './types';

export type EntryLang = Lang | 'any';

const enum Mode { Exact, Prefix, Suffix, Any, Cased }

interface Word { t: string; mode: Mode }

/** What a completed path in the trie means: lexicon, language, strictness. */
interface End { lex: number; lang: EntryLang; strict: boolean }

class Node {
  ends?: End[];
  exact?: Map<string, Node>;
  /** Children that are not plain words (stems, tails, `_`, case-sensitive). */
  wild?: { w: Word; node: Node }[];

  child(w: Word): Node {
    if (w.mode === Mode.Exact) {
      this.exact ??= new Map();
      let n = this.exact.get(w.t);
      if (!n) this.exact.set(w.t, (n = new Node()));
      return n;
    }
    this.wild ??= [];
    let c = this.wild.find((x) => x.w.mode === w.mode && x.w.t === w.t);
    if (!c) this.wild.push((c = { w, node: new Node() }));
    return c.node;
  }

  private dd?: Map<string, Node[]>;
  /** Children by de-doubled word, for stretched tokens (built on first need: the trie is read-only by then). */
  dedoubledChildren(): Map<string, Node[]> {
    if (!this.dd) {
      this.dd = new Map();
      for (const [w, n] of this.exact ?? []) {
        const k = dedouble(w);
        const l = this.dd.get(k);
        if (l) l.push(n);
        else this.dd.set(k, [n]);
      }
    }
    return this.dd;
  }

  addEnd(e: End) {
    if (!this.ends) this.ends = [e];
    else if (!this.ends.includes(e)) this.ends.push(e);
  }
}

export interface LexMatch {
  lex: number;
  /** Token range, inclusive. */
  first: number;
  last: number;
  lang: EntryLang;
}

/** Minimum length of the other part of a compound (`*tail`): kut|baas, voll|idiot. */
const MIN_COMPOUND_HEAD = 3;
const LANG_INDEX: Record<EntryLang, number> = { nl: 0, en: 1, fr: 2, de: 3, any: 4 };
const INFLECT_MARK = /([\p{L}'-]+)~([nv]?)/gu;

export function expandBraces(s: string): string[] {
  const open = s.indexOf('{');
  if (open < 0) {
    if (s.includes('}')) throw new Error(`unbalanced "}" in "${s}"`);
    return [s];
  }
  const close = s.indexOf('}', open);
  if (close < 0) throw new Error(`unbalanced "{" in "${s}"`);
  const inner = s.slice(open + 1, close);
  if (inner.includes('{')) throw new Error(`nested braces are not supported in "${s}"`);
  const head = s.slice(0, open);
  const tails = expandBraces(s.slice(close + 1));
  const out: string[] = [];
  for (const alt of inner.split(',')) for (const rest of tails) out.push(head + alt + rest);
  return out;
}

function getNode(m: Map<string, Node>, key: string): Node {
  let n = m.get(key);
  if (!n) m.set(key, (n = new Node()));
  return n;
}

/** Interned: thousands of entries share a handful of (lexicon, language) pairs. */
const endCache = new Map<string, End>();
function endOf(lex: number, lang: EntryLang, strict: boolean): End {
  const k = `${lex}|${lang}|${strict}`;
  let e = endCache.get(k);
  if (!e) endCache.set(k, (e = { lex, lang, strict }));
  return e;
}

const chunkCache = new Map<string, string[]>();
function expandChunk(chunk: string): string[] {
  let alts = chunkCache.get(chunk);
  if (!alts) {
    alts = expandBraces(chunk);
    if (chunkCache.size < 100_000) chunkCache.set(chunk, alts);
  }
  return alts;
}

/** Roots of one trie: the first word of an entry decides how it is looked up. */
class Trie {
  exact = new Map<string, Node>();
  /** Stretched tokens (idioooot) are looked up by their de-doubled form. */
  dedoubled = new Map<string, Node[]>();
  prefix = new Map<string, Node>();
  suffix = new Map<string, Node>();
  cased = new Map<string, Node>();
  any?: Node;
  prefixLens: number[] = [];
  suffixLens: number[] = [];

  root(w: Word): Node {
    switch (w.mode) {
      case Mode.Exact: {
        let n = this.exact.get(w.t);
        if (!n) {
          this.exact.set(w.t, (n = new Node()));
          const dd = dedouble(w.t);
          const list = this.dedoubled.get(dd);
          if (list) list.push(n);
          else this.dedoubled.set(dd, [n]);
        }
        return n;
      }
      case Mode.Prefix:
        if (!this.prefixLens.includes(w.t.length)) this.prefixLens.push(w.t.length);
        return getNode(this.prefix, w.t);
      case Mode.Suffix:
        if (!this.suffixLens.includes(w.t.length)) this.suffixLens.push(w.t.length);
        return getNode(this.suffix, w.t);
      case Mode.Cased:
        return getNode(this.cased, w.t);
      case Mode.Any:
        return (this.any ??= new Node());
    }
  }
}

/** Split at whitespace outside braces: `{de baas,het bedrijf} is {een ,}idioot` → 3 chunks. */
function splitChunks(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    if (depth === 0 && /\s/.test(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const wordCache = new Map<string, Word[]>();
/** The trie words of one space-separated piece of an entry (cached: words repeat across thousands of entries). */
function wordsOf(alt: string, cased: boolean): Word[] {
  const key = cased ? `=${alt}` : alt;
  let words = wordCache.get(key);
  if (words) return words;
  words = [];
  for (const part of alt.split(/\s+/)) {
    if (!part) continue;
    if (part === '_') { words.push({ t: '', mode: Mode.Any }); continue; }
    if (cased) { words.push({ t: part, mode: Mode.Cased }); continue; }
    const suffix = part.startsWith('*');
    const prefix = part.endsWith('*') && part.length > 1;
    const folded = foldCached(suffix || prefix ? part.replace(/^\*|\*$/g, '') : part);
    for (let k = 0; k < folded.length; k++) {
      let mode = Mode.Exact;
      if (suffix && k === 0 && folded.length === 1) mode = Mode.Suffix;
      else if (prefix && k === folded.length - 1) mode = Mode.Prefix;
      words.push({ t: folded[k]!, mode });
    }
  }
  if (wordCache.size < 200_000) wordCache.set(key, words);
  return words;
}

// A chunk's alternatives as trie words, built once: chunks repeat across
// thousands of entries ("{zijn,waren}", "{een ,}").
const chunkWordsCache = new Map<string, Word[][]>();
function chunkWords(chunk: string, cased: boolean): Word[][] {
  const key = cased ? `=${chunk}` : chunk;
  let alts = chunkWordsCache.get(key);
  if (!alts) {
    const seen = new Set<string>();
    alts = [];
    for (const alt of expandChunk(chunk)) {
      const words = wordsOf(alt, cased);
      const sig = words.map((w) => `${w.mode}:${w.t}`).join(' ');
      if (seen.has(sig)) continue;
      seen.add(sig);
      alts.push(words);
    }
    if (chunkWordsCache.size < 100_000) chunkWordsCache.set(key, alts);
  }
  return alts;
}

const foldCache = new Map<string, string[]>();
function foldCached(part: string): string[] {
  let f = foldCache.get(part);
  if (!f) {
    // Plain lowercase ASCII words need no normaliser.
    f = /^[a-z0-9]+$/.test(part) && !/[013457]/.test(part) ? [part] : foldWords(part);
    if (foldCache.size < 200_000) foldCache.set(part, f);
  }
  return f;
}

export class LexiconIndex {
  readonly names: string[] = [];
  private ids = new Map<string, number>();
  private tries: Trie[] = [new Trie()];
  entryCount = 0;

  /** English inflections precomputed with compromise (scripts/inflect-packs.mjs). */
  constructor(private inflections: Record<string, string[]> = {}) {}

  /**
   * A copy that shares this index's trie (read-only from now on) and adds
   * entries to its own small overlay: the packs are compiled once, each
   * policy only adds its own terms.
   */
  fork(): LexiconIndex {
    const f = new LexiconIndex(this.inflections);
    f.names.push(...this.names);
    this.ids.forEach((v, k) => f.ids.set(k, v));
    f.tries = [...this.tries, new Trie()];
    f.entryCount = this.entryCount;
    return f;
  }

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

  /** `parasite~` → `{parasite,parasites}` from the precomputed table (base form if absent). */
  private inflect(raw: string): string {
    if (!raw.includes('~')) return raw;
    return raw.replace(INFLECT_MARK, (_, word: string, hint: string) => {
      const forms = this.inflections[`${word.toLowerCase()}~${hint}`];
      return forms && forms.length > 1 ? `{${forms.join(',')}}` : word;
    });
  }

  /**
   * Add one entry (with braces); throws a plain message on bad syntax.
   * Braces are expanded chunk by chunk while walking the trie, so
   * `{a,b} {c,d} {e,f}` costs the shared prefixes once instead of building
   * every combination as a string.
   */
  add(lexName: string, raw: string, lang: EntryLang): void {
    const lex = this.id(lexName);
    const trie = this.tries[this.tries.length - 1]!;
    let s = this.inflect(raw).trim();
    let strict = false;
    let cased = false;
    if (s.startsWith('^')) { strict = true; s = s.slice(1); }
    if (s.startsWith('=')) { cased = true; s = s.slice(1); }
    let frontier: (Node | null)[] = [null]; // null: nothing matched yet (the roots)
    for (const chunk of splitChunks(s)) {
      const next = new Set<Node | null>();
      for (const words of chunkWords(chunk, cased)) {
        for (const from of frontier) {
          let node = from;
          for (const w of words) node = node ? node.child(w) : trie.root(w);
          next.add(node);
        }
      }
      frontier = [...next];
    }
    const end = endOf(lex, lang, strict);
    for (const node of frontier) {
      if (!node) continue;
      node.addEnd(end);
      this.entryCount++;
    }
  }

  /** Every match of every lexicon in the tokens; strict entries need `lang`. */
  match(tokens: Token[], lang: Lang): LexMatch[] {
    const out: LexMatch[] = [];
    const seen = new Set<number>();
    const emit = (n: Node, first: number, last: number) => {
      for (const e of n.ends!) {
        if (e.strict && e.lang !== lang) continue;
        // A numeric key: string keys cost more than the whole match.
        const key = ((first * 64 + Math.min(63, last - first)) * 4096 + e.lex) * 5 + LANG_INDEX[e.lang];
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ lex: e.lex, first, last, lang: e.lang });
      }
    };
    // Follow a phrase from `node` whose last matched token is `last`.
    const walk = (node: Node, first: number, last: number) => {
      if (node.ends) emit(node, first, last);
      const next = tokens[last + 1];
      if (!next || next.sentence !== tokens[first]!.sentence) return;
      const c = node.exact?.get(next.t);
      if (c) walk(c, first, last + 1);
      if (next.stretched && node.exact) {
        for (const n of node.dedoubledChildren().get(dedouble(next.t)) ?? []) if (n !== c) walk(n, first, last + 1);
      }
      if (next.masked && node.exact) {
        for (const [word, n] of node.exact) if (n !== c && maskFits(next.t, word)) walk(n, first, last + 1);
      }
      if (node.wild) for (const { w, node: n } of node.wild) if (wordFits(w, next)) walk(n, first, last + 1);
    };
    for (const trie of this.tries) {
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i]!;
        const t = tok.t;
        const ex = trie.exact.get(t);
        if (ex) walk(ex, i, i);
        if (tok.stretched) trie.dedoubled.get(dedouble(t))?.forEach((n) => { if (n !== ex) walk(n, i, i); });
        if (tok.masked) for (const [word, n] of trie.exact) { if (maskFits(t, word)) walk(n, i, i); }
        for (const len of trie.prefixLens) {
          if (len <= t.length) { const n = trie.prefix.get(t.slice(0, len)); if (n) walk(n, i, i); }
        }
        for (const len of trie.suffixLens) {
          if (len === t.length || t.length - len >= MIN_COMPOUND_HEAD) { const n = trie.suffix.get(t.slice(t.length - len)); if (n) walk(n, i, i); }
        }
        const c = trie.cased.get(tok.orig);
        if (c) walk(c, i, i);
        if (trie.any) walk(trie.any, i, i);
      }
    }
    return out;
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
