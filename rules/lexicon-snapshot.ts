// A compiled lexicon index as data: built once at build time, loaded in the
// page in a few milliseconds instead of compiling 60,000+ entries there.
//
// Compiling the packs costs ~250 ms cold in a page (brace products, folding,
// a few thousand Maps for the garbage collector), far over the budget of
// "ready within 50 ms of the first focus". The snapshot keeps the trie's
// shape only:
// - The trie is minimised into a DAG first: brace products such as
//   `{de,het} {baas,chef} {is,was} {een,} {idioot,sukkel}` build identical
//   sub-trees after every alternative, and matching never asks which path
//   led to a node, so identical sub-trees can be one.
// - Nodes, end codes and edges are one varint byte stream in base64; words
//   are one newline-joined string.
// - Loading builds one open-addressing hash table over typed arrays for the
//   edges; the ends of a node are decoded when a match first reaches it.

import { endOf, LANG_INDEX, LexiconIndex, Mode, Trie, WORDS, type End, type EntryLang, type TrieView, type Word } from './lexicon';

export interface FrozenIndex {
  v: 1;
  /** Lexicon names in id order. */
  names: string[];
  entryCount: number;
  /** Vocabulary of the exact edges, newline-joined; the stream refers to words by their index here. */
  words: string;
  nodes: number;
  edges: number;
  /** Number of end codes in the stream. */
  ends: number;
  /** Per node: end count, end codes, edge count, (word index delta, child) pairs. Varints, base64. */
  stream: string;
  /** [node, mode, text, child] of non-exact edges below the roots (`_`, stems, tails inside phrases). */
  wild: [number, number, string, number][];
  prefix: [string, number][];
  suffix: [string, number][];
  cased: [string, number][];
  any: number;
}

const LANGS = Object.keys(LANG_INDEX) as EntryLang[];
const endCode = (e: End) => (e.lex * 5 + LANG_INDEX[e.lang]) * 2 + (e.strict ? 1 : 0);
const endOfCode = (c: number) => endOf(Math.floor(c / 10), LANGS[(c >> 1) % 5]!, (c & 1) === 1);

/** Freeze an index that has exactly one (mutable) trie: the packs' index before any fork. */
export function freezeIndex(index: LexiconIndex): FrozenIndex {
  if (index.tries.length !== 1 || !(index.tries[0] instanceof Trie)) throw new Error('freeze the packs index itself, not a fork');
  const t = index.tries[0];
  const n = t.nodes;
  // Children of every node: exact edges by word id, and the rest.
  const exact: [number, number][][] = Array.from({ length: n }, () => []);
  t.edges.forEach((m, wid) => m?.forEach((child, from) => exact[from]!.push([wid, child])));
  // Minimise: children are always created after their parent, so walking the
  // node numbers downwards sees every child's canonical node before its parent.
  const canon = new Int32Array(n);
  const bySig = new Map<string, number>();
  for (let node = n - 1; node >= 0; node--) {
    const ends = (t.ends[node] ?? []).map(endCode).sort((a, b) => a - b).join(',');
    const ex = exact[node]!.map(([w, c]) => [w, canon[c]!]).sort((a, b) => a[0]! - b[0]!).map((p) => p.join(':')).join(',');
    const wl = (t.wild[node] ?? []).map((x) => `${x.w.mode}:${x.w.t}:${canon[x.node]}`).sort().join(',');
    const sig = `${ends}|${ex}|${wl}`;
    const rep = node === 0 ? 0 : bySig.get(sig);
    if (rep === undefined || node === 0) {
      bySig.set(sig, node);
      canon[node] = node;
    } else canon[node] = rep;
  }
  // Dense numbering of the kept nodes, root first.
  const renum = new Int32Array(n).fill(-1);
  let count = 0;
  for (let node = 0; node < n; node++) if (canon[node] === node) renum[node] = count++;
  const id = (node: number) => renum[canon[node]!]!;

  const localWord = new Map<number, number>();
  const words: string[] = [];
  const bytes: number[] = [];
  const varint = (x: number) => {
    while (x > 0x7f) { bytes.push((x & 0x7f) | 0x80); x >>>= 7; }
    bytes.push(x);
  };
  let edges = 0;
  let endCount = 0;
  const wild: FrozenIndex['wild'] = [];
  for (let node = 0; node < n; node++) {
    if (canon[node] !== node) continue;
    const ends = (t.ends[node] ?? []).map(endCode);
    varint(ends.length);
    ends.forEach(varint);
    endCount += ends.length;
    const ex = exact[node]!.map(([wid, c]) => {
      let lw = localWord.get(wid);
      if (lw === undefined) { lw = words.length; localWord.set(wid, lw); words.push(t.words.list[wid]!); }
      return [lw, id(c)] as const;
    }).sort((a, b) => a[0] - b[0]);
    varint(ex.length);
    let prev = 0;
    for (const [lw, c] of ex) { varint(lw - prev); varint(c); prev = lw; }
    edges += ex.length;
    for (const x of t.wild[node] ?? []) wild.push([renum[node]!, x.w.mode, x.w.t, id(x.node)]);
  }
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.slice(i, i + 0x8000));
  const roots = (m: Map<string, number>): [string, number][] => [...m].map(([k, v]) => [k, id(v)]);
  return {
    v: 1,
    names: [...index.names],
    entryCount: index.entryCount,
    words: words.join('\n'),
    nodes: count,
    edges,
    ends: endCount,
    stream: btoa(bin),
    wild,
    prefix: roots(t.prefix),
    suffix: roots(t.suffix),
    cased: roots(t.cased),
    any: t.any >= 0 ? id(t.any) : -1,
  };
}

/** The packs' index from a snapshot; fork() it for each policy as usual. */
export function thawIndex(f: FrozenIndex): LexiconIndex {
  if (f.v !== 1) throw new Error(`unknown lexicon snapshot version ${String(f.v)}`);
  const index = new LexiconIndex();
  for (const name of f.names) index.id(name);
  index.entryCount = f.entryCount;
  index.tries = [new FrozenTrie(f)];
  return index;
}

/**
 * Read-only trie over typed arrays, in compressed-row form: the edges of a
 * node are a slice sorted by word, found by binary search. Loading is one
 * pass over the stream, with no hashing and no per-node objects.
 */
class FrozenTrie implements TrieView {
  /** Shared vocabulary id → this trie's word index (-1: not in this trie). */
  private local: Int32Array;
  private edgeStart: Int32Array;
  private edgeWord: Int32Array;
  private edgeChild: Int32Array;
  private endStart: Int32Array;
  private endCodes: Int32Array;
  private endCache: (End[] | undefined)[] = [];
  private wild = new Map<number, { w: Word; node: number }[]>();
  prefix: Map<string, number>;
  suffix: Map<string, number>;
  cased: Map<string, number>;
  any: number;
  prefixLens: number[];
  suffixLens: number[];

  constructor(f: FrozenIndex) {
    const ids = WORDS.idsOf(f.words ? f.words.split('\n') : []);
    this.local = new Int32Array(WORDS.list.length).fill(-1);
    for (let lw = 0; lw < ids.length; lw++) this.local[ids[lw]!] = lw;
    const n = f.nodes;
    this.edgeStart = new Int32Array(n + 1);
    this.edgeWord = new Int32Array(f.edges);
    this.edgeChild = new Int32Array(f.edges);
    this.endStart = new Int32Array(n + 1);
    const codes = (this.endCodes = new Int32Array(f.ends));
    let c = 0;
    const bin = atob(f.stream);
    let pos = 0;
    let e = 0;
    const read = () => {
      let x = 0;
      let shift = 0;
      let b: number;
      do { b = bin.charCodeAt(pos++); x |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
      return x;
    };
    for (let node = 0; node < n; node++) {
      this.endStart[node] = c;
      for (let k = read(); k > 0; k--) codes[c++] = read();
      this.edgeStart[node] = e;
      let lw = 0;
      for (let k = read(); k > 0; k--) {
        lw += read();
        this.edgeWord[e] = lw;
        this.edgeChild[e++] = read();
      }
    }
    this.endStart[n] = c;
    this.edgeStart[n] = e;
    for (const [node, mode, t, c] of f.wild) {
      const l = this.wild.get(node);
      const x = { w: { t, mode: mode as Mode }, node: c };
      if (l) l.push(x);
      else this.wild.set(node, [x]);
    }
    this.prefix = new Map(f.prefix);
    this.suffix = new Map(f.suffix);
    this.cased = new Map(f.cased);
    this.any = f.any;
    this.prefixLens = [...new Set(f.prefix.map(([k]) => k.length))];
    this.suffixLens = [...new Set(f.suffix.map(([k]) => k.length))];
  }

  edge(node: number, wid: number): number | undefined {
    const lw = wid < this.local.length ? this.local[wid]! : -1;
    if (lw < 0) return undefined;
    let lo = this.edgeStart[node]!;
    let hi = this.edgeStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.edgeWord[mid]!;
      if (w === lw) return this.edgeChild[mid];
      if (w < lw) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  endsAt(node: number): End[] | undefined {
    const from = this.endStart[node]!;
    const to = this.endStart[node + 1]!;
    if (from === to) return undefined;
    let e = this.endCache[node];
    if (!e) {
      e = [];
      for (let i = from; i < to; i++) e.push(endOfCode(this.endCodes[i]!));
      this.endCache[node] = e;
    }
    return e;
  }

  wildAt(node: number): { w: Word; node: number }[] | undefined {
    return this.wild.get(node);
  }
}
