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
import { TypoIndex } from './typos';
import type { Lang } from './types';

export type EntryLang = Lang | 'any';

export const enum Mode { Exact, Prefix, Suffix, Any, Cased }

/** `wid`: the word's id in vocabulary `widOf` (plain words only), cached: Word objects are shared by every entry. */
export interface Word { t: string; mode: Mode; wid?: number; widOf?: Words }

/** What a completed path in the trie means: lexicon, language, strictness. */
export interface End { lex: number; lang: EntryLang; strict: boolean }

export interface LexMatch {
  lex: number;
  /** Token range, inclusive. */
  first: number;
  last: number;
  lang: EntryLang;
}

/** Minimum length of the other part of a compound (`*tail`): kut|baas, voll|idiot. */
const MIN_COMPOUND_HEAD = 3;
/** An entry that is one plain word: no braces, stars, wildcards, flags, inflection marks or spaces. */
const PLAIN = /^[^\s{}*_=^~]+$/;
export const LANG_INDEX: Record<EntryLang, number> = { nl: 0, en: 1, fr: 2, de: 3, any: 4 };
const LANG_NAMES = Object.keys(LANG_INDEX) as EntryLang[];
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

/** Interned: thousands of entries share a handful of (lexicon, language) pairs. */
const endCache = new Map<number, End>();
export function endOf(lex: number, lang: EntryLang, strict: boolean): End {
  const k = (lex * 8 + LANG_INDEX[lang]) * 2 + (strict ? 1 : 0);
  let e = endCache.get(k);
  if (!e) endCache.set(k, (e = { lex, lang, strict }));
  return e;
}


/**
 * Word ids shared by an index and its forks: a token whose text is no
 * lexicon word is rejected by one lookup. A precompiled index brings its own
 * vocabulary (FrozenWords in lexicon-snapshot.ts) with ids 0..n-1; words
 * added later (policy terms) get the next ids.
 */
export class Words {
  private ids = new Map<string, number>();
  private added: string[] = [];
  // Side indexes for stretched (idioooot) and masked (f*ck) tokens, built on
  // first need: most posts have neither, and a precompiled index must load
  // without touching every word.
  private dd: Map<string, number[]> | null = null;
  private len: Map<number, [string, number][]> | null = null;

  /** `base`: how many ids a subclass's own vocabulary holds before these. */
  constructor(protected readonly base = 0) {}

  /** The id of a word already known, or undefined. */
  get(t: string): number | undefined {
    return this.ids.get(t);
  }

  /** The id of a word, added when new. */
  id(t: string): number {
    let id = this.get(t);
    if (id === undefined) {
      id = this.base + this.added.length;
      this.ids.set(t, id);
      this.added.push(t);
      if (this.dd) this.side(t, id);
    }
    return id;
  }

  word(id: number): string {
    return this.added[id - this.base]!;
  }

  get size(): number {
    return this.base + this.added.length;
  }

  /** De-doubled form → ids. */
  get dedoubled(): Map<string, number[]> {
    if (!this.dd) this.buildSide();
    return this.dd!;
  }

  /** Length → [word, id]. */
  get byLength(): Map<number, [string, number][]> {
    if (!this.len) this.buildSide();
    return this.len!;
  }

  private buildSide() {
    this.dd = new Map();
    this.len = new Map();
    for (let id = 0; id < this.size; id++) this.side(this.word(id), id);
  }

  private side(t: string, id: number) {
    const dd = dedouble(t);
    const l = this.dd!.get(dd);
    if (l) l.push(id);
    else this.dd!.set(dd, [id]);
    const b = this.len!.get(t.length);
    if (b) b.push([t, id]);
    else this.len!.set(t.length, [[t, id]]);
  }
}

/** The vocabulary of indexes compiled from entries (their forks share it). */
export const WORDS = new Words();

/** What matching needs from a trie: the mutable one below, or a precompiled one (lexicon-snapshot.ts). */
export interface TrieView {
  edge(node: number, wid: number): number | undefined;
  endsAt(node: number): End[] | undefined;
  wildAt(node: number): { w: Word; node: number }[] | undefined;
  prefix: Map<string, number>;
  suffix: Map<string, number>;
  cased: Map<string, number>;
  any: number;
}

/**
 * One word trie over numeric nodes. Node 0 is the root of entries that start
 * with a plain word; entries starting with a stem, a tail, a case-sensitive
 * word or `_` have their own roots. Plain-word edges are kept per word
 * (word id → parent node → child node): a few thousand small maps instead of
 * a map per node, which keeps compiling cheap for the garbage collector.
 */
export class Trie implements TrieView {
  nodes = 1;
  edges: (Map<number, number> | undefined)[] = [];
  ends: (End[] | undefined)[] = [];
  wild: ({ w: Word; node: number }[] | undefined)[] = [];
  prefix = new Map<string, number>();
  suffix = new Map<string, number>();
  cased = new Map<string, number>();
  any = -1;

  constructor(readonly words: Words) {}

  edge(node: number, wid: number): number | undefined {
    return this.edges[wid]?.get(node);
  }

  endsAt(node: number): End[] | undefined {
    return this.ends[node];
  }

  wildAt(node: number): { w: Word; node: number }[] | undefined {
    return this.wild[node];
  }

  private fresh(): number {
    return this.nodes++;
  }

  private keyed(m: Map<string, number>, k: string): number {
    let n = m.get(k);
    if (n === undefined) m.set(k, (n = this.fresh()));
    return n;
  }

  /** The child of `node` (or of the roots, for node -1) along word `w`. */
  child(node: number, w: Word): number {
    if (w.mode === Mode.Exact) {
      let wid = w.wid;
      if (wid === undefined || w.widOf !== this.words) { wid = w.wid = this.words.id(w.t); w.widOf = this.words; }
      const from = node < 0 ? 0 : node;
      const m = (this.edges[wid] ??= new Map());
      let c = m.get(from);
      if (c === undefined) m.set(from, (c = this.fresh()));
      return c;
    }
    if (node < 0) {
      switch (w.mode) {
        case Mode.Prefix:
          affixFilters.delete(this);
          return this.keyed(this.prefix, w.t);
        case Mode.Suffix:
          affixFilters.delete(this);
          return this.keyed(this.suffix, w.t);
        case Mode.Cased:
          return this.keyed(this.cased, w.t);
        default:
          return this.any >= 0 ? this.any : (this.any = this.fresh());
      }
    }
    const list = (this.wild[node] ??= []);
    let c = list.find((x) => x.w.mode === w.mode && x.w.t === w.t);
    if (!c) list.push((c = { w, node: this.fresh() }));
    return c.node;
  }

  addEnd(node: number, e: End) {
    const l = this.ends[node];
    if (!l) this.ends[node] = [e];
    else if (!l.includes(e)) l.push(e);
  }
}

/**
 * The lengths of a trie's stems and tails, and their first three letters
 * (of stems) and last three (of tails), shorter ones kept as they are: most
 * tokens share neither, and are then spared a slice and a lookup per stem or
 * tail length. Derived from the trie's maps on first use.
 */
interface AffixFilter { stemLens: number[]; tailLens: number[]; heads: Set<number>; tails: Set<number>; shortStems: string[]; shortTails: string[] }
/** Three UTF-16 units from i as one number: no string to allocate per token. */
const triple = (t: string, i: number) => (t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1)) * 0x10000 + t.charCodeAt(i + 2);
const affixFilters = new WeakMap<TrieView, AffixFilter>();
function affixFilter(trie: TrieView): AffixFilter {
  let f = affixFilters.get(trie);
  if (!f) {
    const stems = [...trie.prefix.keys()];
    const tails = [...trie.suffix.keys()];
    f = {
      stemLens: [...new Set(stems.map((k) => k.length))],
      tailLens: [...new Set(tails.map((k) => k.length))],
      heads: new Set(), tails: new Set(), shortStems: [], shortTails: [],
    };
    for (const k of stems) { if (k.length < 3) f.shortStems.push(k); else f.heads.add(triple(k, 0)); }
    for (const k of tails) { if (k.length < 3) f.shortTails.push(k); else f.tails.add(triple(k, k.length - 3)); }
    affixFilters.set(trie, f);
  }
  return f;
}
function mayHaveStem(f: AffixFilter, t: string): boolean {
  return (t.length >= 3 && f.heads.has(triple(t, 0))) || f.shortStems.some((k) => t.startsWith(k));
}
function mayHaveTail(f: AffixFilter, t: string): boolean {
  return (t.length >= 3 && f.tails.has(triple(t, t.length - 3))) || f.shortTails.some((k) => t.endsWith(k));
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
    for (const alt of expandBraces(chunk)) {
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
  /** Lexicons whose one-word entries also match one typo away (a pack's `fuzzy` list). */
  fuzzyLex = new Set<number>();
  /** Word ids of those entries and their languages (LANG_INDEX); their TypoIndex is built on first use. */
  typoWords: number[] = [];
  typoLangs: number[] = [];
  /** Built on the first check that needs it, and shared with forks (a box, so a fork's build serves all). */
  private typos: { index: TypoIndex | null } = { index: null };
  tries: TrieView[];
  entryCount = 0;

  /** English inflections precomputed with compromise (scripts/inflect-packs.mjs). */
  constructor(private inflections: Record<string, string[]> = {}, readonly words: Words = WORDS, tries?: TrieView[]) {
    this.tries = tries ?? [new Trie(words)];
  }

  /**
   * A copy that shares this index's trie (read-only from now on) and adds
   * entries to its own small overlay: the packs are compiled once, each
   * policy only adds its own terms.
   */
  fork(): LexiconIndex {
    const f = new LexiconIndex(this.inflections, this.words, [...this.tries, new Trie(this.words)]);
    f.names.push(...this.names);
    f.fuzzyLex = this.fuzzyLex;
    f.typoWords = this.typoWords;
    f.typoLangs = this.typoLangs;
    f.typos = this.typos; // shared: the overlay adds no fuzzy words
    this.ids.forEach((v, k) => f.ids.set(k, v));
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

  /** Entries of these lexicons added from now on also match one typo away (typos.ts). */
  setFuzzy(names: string[]): void {
    for (const n of names) this.fuzzyLex.add(this.id(n));
  }

  private addTypoWord(t: string, lang: EntryLang) {
    this.typoWords.push(this.words.id(t));
    this.typoLangs.push(LANG_INDEX[lang]);
  }

  private typoIndex(): TypoIndex | null {
    if (!this.typos.index && this.typoWords.length) {
      const t = (this.typos.index = new TypoIndex());
      this.typoWords.forEach((id, k) => t.add(this.words.word(id), id, LANG_NAMES[this.typoLangs[k]!]!));
    }
    return this.typos.index;
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
    const trie = this.tries[this.tries.length - 1];
    if (!(trie instanceof Trie)) throw new Error('a precompiled index is read-only: fork() it first');
    // Fast path: one plain word (most entries) needs no chunking at all.
    if (PLAIN.test(raw)) {
      const folded = foldCached(raw);
      if (!folded.length) return;
      let node = -1;
      for (const t of folded) node = trie.child(node, { t, mode: Mode.Exact });
      trie.addEnd(node, endOf(lex, lang, false));
      this.entryCount++;
      if (folded.length === 1 && this.fuzzyLex.has(lex)) this.addTypoWord(folded[0]!, lang);
      return;
    }
    let s = this.inflect(raw).trim();
    let strict = false;
    let cased = false;
    if (s.startsWith('^')) { strict = true; s = s.slice(1); }
    if (s.startsWith('=')) { cased = true; s = s.slice(1); }
    let frontier: number[] = [-1]; // -1: nothing matched yet (the roots)
    const chunks = splitChunks(s);
    if (chunks.length === 1 && !cased && this.fuzzyLex.has(lex)) {
      for (const words of chunkWords(chunks[0]!, false)) {
        if (words.length === 1 && words[0]!.mode === Mode.Exact) this.addTypoWord(words[0]!.t, lang);
      }
    }
    for (const chunk of chunks) {
      const alts = chunkWords(chunk, cased);
      if (frontier.length === 1 && alts.length === 1) {
        let node = frontier[0]!;
        for (const w of alts[0]!) node = trie.child(node, w);
        frontier = [node];
        continue;
      }
      const next = new Set<number>();
      for (const words of alts) {
        for (const from of frontier) {
          let node = from;
          for (const w of words) node = trie.child(node, w);
          next.add(node);
        }
      }
      frontier = next.size === 1 ? [next.values().next().value!] : [...next];
    }
    const end = endOf(lex, lang, strict);
    for (const node of frontier) {
      if (node < 0) continue;
      trie.addEnd(node, end);
      this.entryCount++;
    }
  }

  /**
   * Every match of every lexicon in the tokens, by lexicon id (sorted by
   * token); strict entries need `lang`.
   */
  match(tokens: Token[], lang: Lang): LexMatch[][] {
    const byLex: LexMatch[][] = [];
    // Two paths may reach one lexicon over one span (a stem and a full word,
    // or two readings of a token): report it once. Every match found from
    // position i starts at i, so the keys of the current position suffice.
    let seenFirst = -1;
    const seen: number[] = [];
    const words = this.words;
    // Each token's word id, once (undefined: no lexicon has this word); the
    // other readings of a token: `@` as `a` (@rabes), one typo away (muslmis).
    const wids = tokens.map((t) => words.get(t.t));
    const alts = tokens.map((t) => (t.alt ? words.get(t.alt) : undefined));
    const typos = this.typoIndex();
    const near = tokens.map((t, k) =>
      typos && wids[k] === undefined && !t.masked && !t.stretched ? typos.near(t.alt ?? t.t, lang) : NO_IDS);
    // `typo`: the path read a word one typo away; only the lexicons that allow it may end there.
    const emit = (ends: End[], first: number, last: number, typo: boolean) => {
      for (const e of ends) {
        if (e.strict && e.lang !== lang) continue;
        if (typo && !this.fuzzyLex.has(e.lex)) continue;
        if (first !== seenFirst) { seenFirst = first; seen.length = 0; }
        const key = ((last - first) * 8192 + e.lex) * 5 + LANG_INDEX[e.lang];
        if (seen.includes(key)) continue;
        seen.push(key);
        const m: LexMatch = { lex: e.lex, first, last, lang: e.lang };
        const list = byLex[e.lex];
        if (list) list.push(m);
        else byLex[e.lex] = [m];
      }
    };
    // Children of `node` along token k's word: exact, other readings, stretched, masked.
    const exactChildren = (trie: TrieView, node: number, k: number, visit: (n: number, typo: boolean) => void) => {
      const tok = tokens[k]!;
      const wid = wids[k];
      if (wid !== undefined) { const c = trie.edge(node, wid); if (c !== undefined) visit(c, false); }
      const alt = alts[k];
      if (alt !== undefined) { const c = trie.edge(node, alt); if (c !== undefined) visit(c, false); }
      for (const w2 of near[k]!) { const c = trie.edge(node, w2); if (c !== undefined) visit(c, true); }
      if (tok.stretched) {
        for (const w2 of words.dedoubled.get(dedouble(tok.t)) ?? []) {
          if (w2 === wid) continue;
          const c = trie.edge(node, w2);
          if (c !== undefined) visit(c, false);
        }
      }
      if (tok.masked) {
        for (const [word, w2] of words.byLength.get(tok.t.length) ?? []) {
          if (w2 === wid || !maskFits(tok.t, word)) continue;
          const c = trie.edge(node, w2);
          if (c !== undefined) visit(c, false);
        }
      }
    };
    for (const trie of this.tries) {
      // Follow a phrase from `node` whose last matched token is `last`.
      const walk = (node: number, first: number, last: number, typo = false): void => {
        const ends = trie.endsAt(node);
        if (ends) emit(ends, first, last, typo);
        const k = last + 1;
        const next = tokens[k];
        if (!next || next.sentence !== tokens[first]!.sentence) return;
        exactChildren(trie, node, k, (c, t) => walk(c, first, k, typo || t));
        const wl = trie.wildAt(node);
        if (wl) for (const { w, node: n } of wl) if (wordFits(w, next)) walk(n, first, k, typo);
      };
      // Stems and compound tails of a word spanning tokens first..last.
      const affix = affixFilter(trie);
      const stemsAndTails = (t: string, first: number, last: number) => {
        if (mayHaveStem(affix, t)) for (const len of affix.stemLens) {
          if (len <= t.length) { const n = trie.prefix.get(t.slice(0, len)); if (n !== undefined) walk(n, first, last); }
        }
        if (mayHaveTail(affix, t)) for (const len of affix.tailLens) {
          if (len === t.length || t.length - len >= MIN_COMPOUND_HEAD) { const n = trie.suffix.get(t.slice(t.length - len)); if (n !== undefined) walk(n, first, last); }
        }
      };
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i]!;
        exactChildren(trie, 0, i, (c, t) => walk(c, i, i, t));
        stemsAndTails(tok.t, i, i);
        if (tok.alt) stemsAndTails(tok.alt, i, i);
        // A hyphenated compound (kut-marokkanen) read as one word too.
        const next = tokens[i + 1];
        if (next?.afterHyphen) {
          const joined = tok.t + next.t;
          const jw = words.get(joined);
          if (jw !== undefined) { const c = trie.edge(0, jw); if (c !== undefined) walk(c, i, i + 1); }
          stemsAndTails(joined, i, i + 1);
        }
        const c = trie.cased.get(tok.orig);
        if (c !== undefined) walk(c, i, i);
        if (trie.any >= 0) walk(trie.any, i, i);
      }
    }
    // Found position by position: sorted by first already; by last within a position only if needed.
    for (const list of byLex) {
      if (!list) continue;
      for (let k = 1; k < list.length; k++) {
        const x = list[k - 1]!;
        const y = list[k]!;
        if (x.first > y.first || (x.first === y.first && x.last > y.last)) {
          list.sort((p, q) => p.first - q.first || p.last - q.last);
          break;
        }
      }
    }
    return byLex;
  }
}

const NO_IDS: readonly number[] = [];

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
