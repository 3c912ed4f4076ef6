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
// - Its arrays (compressed rows of edges sorted by word, end codes, and a hash
//   table of the vocabulary) are one little-endian buffer in base64: loading
//   decodes it natively where Uint8Array.fromBase64 exists and takes typed
//   views, with no per-word or per-node work at all. Words are one
//   newline-joined string, compared in place.

import { endOf, LANG_INDEX, LexiconIndex, Mode, Trie, Words, type End, type EntryLang, type TrieView, type Word } from './lexicon';

type ArrayType = 'u8' | 'u16' | 'u32';
type NumArray = Uint8Array | Uint16Array | Uint32Array;

export interface FrozenIndex {
  v: 2;
  /** Lexicon names in id order. */
  names: string[];
  /** Lexicons whose words also match one typo away (ids). */
  fuzzy: number[];
  entryCount: number;
  /** The vocabulary, newline-joined; its word ids are positions in this list. */
  words: string;
  nodes: number;
  edges: number;
  /** Base64 of one little-endian buffer: the arrays of `layout`, in order, each 4-byte aligned. */
  data: string;
  layout: { name: ArrayName; type: ArrayType; length: number }[];
  /** [node, mode, text, child] of non-exact edges below the roots (`_`, stems, tails inside phrases). */
  wild: [number, number, string, number][];
  prefix: [string, number][];
  suffix: [string, number][];
  cased: [string, number][];
  any: number;
}

type ArrayName = 'wordLength' | 'wordTable' | 'edgeStart' | 'edgeWord' | 'edgeChild' | 'endStart' | 'endCodes' | 'typoWords' | 'typoLangs';

const LANGS = Object.keys(LANG_INDEX) as EntryLang[];
const endCode = (e: End) => (e.lex * 5 + LANG_INDEX[e.lang]) * 2 + (e.strict ? 1 : 0);
const endOfCode = (c: number) => endOf(Math.floor(c / 10), LANGS[(c >> 1) % 5]!, (c & 1) === 1);

/** FNV-1a over UTF-16 code units: the vocabulary's hash table, at build time and in the page alike. */
export function wordHash(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const typeFor = (max: number): ArrayType => (max < 0x100 ? 'u8' : max < 0x10000 ? 'u16' : 'u32');

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
    const rep = node === 0 ? undefined : bySig.get(sig);
    if (rep === undefined) {
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
  const edgeStart: number[] = [];
  const edgeWord: number[] = [];
  const edgeChild: number[] = [];
  const endStart: number[] = [];
  const endCodes: number[] = [];
  const wild: FrozenIndex['wild'] = [];
  for (let node = 0; node < n; node++) {
    if (canon[node] !== node) continue;
    endStart.push(endCodes.length);
    endCodes.push(...(t.ends[node] ?? []).map(endCode).sort((a, b) => a - b));
    edgeStart.push(edgeWord.length);
    const ex = exact[node]!.map(([wid, c]) => {
      let lw = localWord.get(wid);
      if (lw === undefined) { lw = words.length; localWord.set(wid, lw); words.push(t.words.word(wid)); }
      return [lw, id(c)] as const;
    }).sort((a, b) => a[0] - b[0]);
    for (const [lw, c] of ex) { edgeWord.push(lw); edgeChild.push(c); }
    for (const x of t.wild[node] ?? []) wild.push([renum[node]!, x.w.mode, x.w.t, id(x.node)]);
  }
  endStart.push(endCodes.length);
  edgeStart.push(edgeWord.length);
  // The vocabulary: word lengths (offsets are their sums), and an open-addressing
  // table at most 3/4 full (index + 1; 0: empty).
  const wordLength = words.map((w) => w.length);
  let size = 1;
  while (size * 3 < words.length * 4) size <<= 1;
  const wordTable = new Array<number>(size).fill(0);
  words.forEach((w, i) => {
    let h = wordHash(w) & (size - 1);
    while (wordTable[h] !== 0) h = (h + 1) & (size - 1);
    wordTable[h] = i + 1;
  });
  // Words that also match one typo away (typos.ts), as vocabulary positions.
  const typoWords: number[] = [];
  const typoLangs: number[] = [];
  index.typoWords.forEach((wid, k) => {
    const lw = localWord.get(wid);
    if (lw !== undefined) { typoWords.push(lw); typoLangs.push(index.typoLangs[k]!); }
  });
  const arrays: [ArrayName, number[]][] = [
    ['wordLength', wordLength], ['wordTable', wordTable], ['edgeStart', edgeStart], ['edgeWord', edgeWord],
    ['edgeChild', edgeChild], ['endStart', endStart], ['endCodes', endCodes], ['typoWords', typoWords], ['typoLangs', typoLangs],
  ];
  const layout = arrays.map(([name, a]) => ({ name, type: typeFor(a.reduce((m, x) => (x > m ? x : m), 0)), length: a.length }));
  let bytes = 0;
  for (const l of layout) bytes += align(l.length * width(l.type));
  const buf = new Uint8Array(bytes);
  let off = 0;
  arrays.forEach(([, a], k) => {
    const l = layout[k]!;
    view(buf, off, l).set(a);
    off += align(a.length * width(l.type));
  });
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  const roots = (m: Map<string, number>): [string, number][] => [...m].map(([k, v]) => [k, id(v)]);
  return {
    v: 2,
    names: [...index.names],
    fuzzy: [...index.fuzzyLex],
    entryCount: index.entryCount,
    words: words.join('\n'),
    nodes: count,
    edges: edgeWord.length,
    data: btoa(bin),
    layout,
    wild,
    prefix: roots(t.prefix),
    suffix: roots(t.suffix),
    cased: roots(t.cased),
    any: t.any >= 0 ? id(t.any) : -1,
  };
}

const width = (type: ArrayType) => (type === 'u8' ? 1 : type === 'u16' ? 2 : 4);
function view(bytes: Uint8Array, off: number, l: { type: ArrayType; length: number }): NumArray {
  if (l.type === 'u8') return new Uint8Array(bytes.buffer, off, l.length);
  return l.type === 'u16' ? new Uint16Array(bytes.buffer, off, l.length) : new Uint32Array(bytes.buffer, off, l.length);
}
const align = (n: number) => (n + 3) & ~3;

/** Base64 → bytes: natively where the browser has it (Chrome 140+, Firefox 133+), else by hand. */
function fromBase64(s: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The packs' index from a snapshot; fork() it for each policy as usual. */
export function thawIndex(f: FrozenIndex): LexiconIndex {
  if (f.v !== 2) throw new Error(`unknown lexicon snapshot version ${String(f.v)}`);
  const bytes = fromBase64(f.data);
  const a = {} as Record<ArrayName, NumArray>;
  let off = bytes.byteOffset;
  for (const l of f.layout) {
    a[l.name] = view(bytes, off, l);
    off += align(l.length * width(l.type));
  }
  // Word offsets in the joined string: the sums of the lengths (+1 for each newline).
  const lengths = a.wordLength;
  const start = new Uint32Array(lengths.length + 1);
  for (let i = 0, at = 0; i < lengths.length; i++) start[i + 1] = at += lengths[i]! + 1;
  const words = new FrozenWords(f.words, start, a.wordTable);
  const index = new LexiconIndex({}, words, [new FrozenTrie(f, a)]);
  for (const name of f.names) index.id(name);
  index.entryCount = f.entryCount;
  index.fuzzyLex = new Set(f.fuzzy);
  index.typoWords = Array.from(a.typoWords);
  index.typoLangs = Array.from(a.typoLangs);
  return index;
}

/** The snapshot's vocabulary, looked up in its hash table and compared in place in the joined string. */
class FrozenWords extends Words {
  private mask: number;

  constructor(private text: string, private start: NumArray, private table: NumArray) {
    super(start.length - 1);
    this.mask = table.length - 1;
  }

  override get(t: string): number | undefined {
    const { start, table, text, mask } = this;
    for (let h = wordHash(t) & mask; ; h = (h + 1) & mask) {
      const v = table[h]!;
      if (v === 0) break;
      const s = start[v - 1]!;
      if (start[v]! - 1 - s === t.length && text.startsWith(t, s)) return v - 1;
    }
    return super.get(t);
  }

  override word(id: number): string {
    return id < this.base ? this.text.slice(this.start[id], this.start[id + 1]! - 1) : super.word(id);
  }
}

/**
 * Read-only trie over typed arrays, in compressed-row form: the edges of a
 * node are a slice sorted by word, found by binary search.
 */
class FrozenTrie implements TrieView {
  private edgeStart: NumArray;
  private edgeWord: NumArray;
  private edgeChild: NumArray;
  private endStart: NumArray;
  private endCodes: NumArray;
  private endCache: (End[] | undefined)[] = [];
  private wild = new Map<number, { w: Word; node: number }[]>();
  prefix: Map<string, number>;
  suffix: Map<string, number>;
  cased: Map<string, number>;
  any: number;

  constructor(f: FrozenIndex, a: Record<ArrayName, NumArray>) {
    this.edgeStart = a.edgeStart;
    this.edgeWord = a.edgeWord;
    this.edgeChild = a.edgeChild;
    this.endStart = a.endStart;
    this.endCodes = a.endCodes;
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
  }

  edge(node: number, wid: number): number | undefined {
    let lo = this.edgeStart[node]!;
    let hi = this.edgeStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.edgeWord[mid]!;
      if (w === wid) return this.edgeChild[mid];
      if (w < wid) lo = mid + 1;
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
