// Rule packs: the data format of rules/packs/*.json (see PACKS.md) and its
// validation, with errors named by JSON path like the policy's.

import { re2 } from './re2';
import { DETECTORS, type DetectorName } from './detectors';
import { expandBraces } from './lexicon';
import type { PathError } from './schema';
import { CATEGORIES, LANGS, SEVERITIES, type Category, type Localized, type Severity } from './types';

export type LexRef = string | string[];

export interface UnlessCond {
  near?: string;
  of?: 'a' | 'b' | 'match';
  side?: 'before' | 'after' | 'any' | 'between' | 'inside';
  window?: number;
  /** The match lies inside quotation marks (“…”, «…», „…“, "…"). */
  quoted?: boolean;
  sentence?: string;
  post?: string;
}

/** A lexicon name, alternatives (array of names), or a gap: `_` (one token), `_?` (0–1), `_{m,n}`. */
export type SeqPart = string | string[];
export const GAP_RE = /^_(\?|\{(\d),(\d)\})?$/;

export type Example = string | { text: string; at?: string };

export interface PackRule {
  id: string;
  type: 'term' | 'near' | 'detector' | 'pattern';
  lexicon?: LexRef;
  a?: LexRef;
  b?: LexRef;
  window?: number;
  scope?: 'sentence' | 'post';
  order?: 'any' | 'ab' | 'ba';
  sameLanguage?: boolean;
  carry?: { lexicon: string; sentences?: number };
  detector?: DetectorName;
  pattern?: string;
  unless?: UnlessCond[];
  /** Conditions that must ALL hold for the rule to fire (same shapes as `unless`). */
  requires?: UnlessCond[];
  when?: 'work-hours';
  severity?: Severity;
  message?: Localized;
  suggestion?: { label: Localized; insert?: Localized };
  examples?: { match?: Example[]; noMatch?: Example[] };
  description?: string;
}

export interface Pack {
  id: string;
  category: Category | 'common';
  version?: number;
  description?: string;
  sources?: { name: string; url?: string; licence: string }[];
  severity?: Severity;
  message?: Localized;
  /** Word lists per language, or a derived lexicon: `{ "seq": ["copula", "_?", "neg-adjective"] }`. */
  lexicons?: Record<string, Partial<Record<string, string[]>> | { seq: SeqPart[] }>;
  /** This pack's lexicons whose one-word entries also match one typo away (typos.ts): group names, slurs. */
  fuzzy?: string[];
  rules: PackRule[];
}

const LEX_LANGS = [...LANGS, 'any'];
const RULE_KEYS = new Set(['id', 'type', 'lexicon', 'a', 'b', 'window', 'scope', 'order', 'sameLanguage', 'carry', 'detector', 'pattern', 'unless', 'requires', 'when', 'severity', 'message', 'suggestion', 'examples', 'description']);
const PACK_KEYS = new Set(['id', 'category', 'version', 'description', 'sources', 'severity', 'message', 'lexicons', 'fuzzy', 'rules', '$schema']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkLocalized(v: unknown, path: string, errors: PathError[], required: boolean) {
  if (v === undefined) { if (required) errors.push({ path, message: 'is required (texts in nl, en, fr, de)' }); return; }
  if (!isObj(v)) { errors.push({ path, message: 'expected an object with texts per language (nl, en, fr, de)' }); return; }
  for (const [k, t] of Object.entries(v)) {
    if (!(LANGS as readonly string[]).includes(k)) errors.push({ path: `${path}.${k}`, message: `unknown language "${k}" (nl, en, fr, de)` });
    else if (typeof t !== 'string' || !t.trim()) errors.push({ path: `${path}.${k}`, message: 'expected a non-empty string' });
  }
  if (!('en' in v)) errors.push({ path: `${path}.en`, message: 'an English text is required (the fallback)' });
}

/**
 * Validate one pack. `knownLexicons` are the names defined by other packs
 * (common.json); references to unknown lexicons are errors.
 */
export function validatePack(pack: unknown, knownLexicons: Set<string> = new Set()): PathError[] {
  const errors: PathError[] = [];
  if (!isObj(pack)) return [{ path: '$', message: 'a pack is a JSON object' }];
  for (const k of Object.keys(pack)) if (!PACK_KEYS.has(k)) errors.push({ path: `$.${k}`, message: `unknown key "${k}"` });
  if (typeof pack.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(pack.id)) errors.push({ path: '$.id', message: 'expected a lowercase id like "employer-insult"' });
  if (pack.category !== 'common' && !(CATEGORIES as readonly unknown[]).includes(pack.category)) {
    errors.push({ path: '$.category', message: `expected one of: ${[...CATEGORIES, 'common'].join(', ')}` });
  }
  if (pack.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(pack.severity)) errors.push({ path: '$.severity', message: 'expected info, warn or block' });
  if (pack.sources !== undefined) {
    if (!Array.isArray(pack.sources)) errors.push({ path: '$.sources', message: 'expected an array' });
    else pack.sources.forEach((s, i) => {
      if (!isObj(s) || typeof s.name !== 'string' || typeof s.licence !== 'string') errors.push({ path: `$.sources[${i}]`, message: 'expected { "name": ..., "licence": ... }' });
    });
  }
  if (pack.message !== undefined) checkLocalized(pack.message, '$.message', errors, false);
  const own = new Set<string>();
  const seqs: [string, unknown][] = [];
  if (pack.lexicons !== undefined) {
    if (!isObj(pack.lexicons)) errors.push({ path: '$.lexicons', message: 'expected an object of named lexicons' });
    else for (const [name, langs] of Object.entries(pack.lexicons)) {
      const p = `$.lexicons[${JSON.stringify(name)}]`;
      if (name.startsWith('@')) errors.push({ path: p, message: 'names starting with @ are filled from the policy' });
      if (knownLexicons.has(name)) errors.push({ path: p, message: `lexicon "${name}" is already defined by another pack` });
      own.add(name);
      if (!isObj(langs)) { errors.push({ path: p, message: 'expected { "nl": [...], "en": [...], ... } or { "seq": [...] }' }); continue; }
      if ('seq' in langs) {
        seqs.push([p, langs.seq]);
        continue;
      }
      for (const [lang, list] of Object.entries(langs)) {
        if (!LEX_LANGS.includes(lang)) errors.push({ path: `${p}.${lang}`, message: `unknown language "${lang}" (nl, en, fr, de, any)` });
        if (!Array.isArray(list)) { errors.push({ path: `${p}.${lang}`, message: 'expected an array of strings' }); continue; }
        list.forEach((e, i) => {
          if (typeof e !== 'string' || !e.trim()) errors.push({ path: `${p}.${lang}[${i}]`, message: 'expected a non-empty string' });
          else {
            try { expandBraces(e); } catch (err) { errors.push({ path: `${p}.${lang}[${i}]`, message: (err as Error).message }); }
            if (e.includes('~') && lang !== 'en') errors.push({ path: `${p}.${lang}[${i}]`, message: '"~" (inflections) exists for English entries only: list the forms with braces' });
          }
        });
      }
    }
  }
  if (pack.fuzzy !== undefined) {
    if (!Array.isArray(pack.fuzzy)) errors.push({ path: '$.fuzzy', message: 'expected an array of lexicon names' });
    else pack.fuzzy.forEach((n, i) => {
      const lex = isObj(pack.lexicons) ? pack.lexicons[n as string] : undefined;
      if (typeof n !== 'string' || !own.has(n)) errors.push({ path: `$.fuzzy[${i}]`, message: `not a lexicon of this pack: ${JSON.stringify(n)}` });
      else if (isObj(lex) && 'seq' in lex) errors.push({ path: `$.fuzzy[${i}]`, message: 'a derived (seq) lexicon has no words of its own' });
    });
  }
  const lexOk = (n: string) => own.has(n) || knownLexicons.has(n) || n === '@employer' || n === '@confidential';
  const checkRef = (ref: unknown, path: string, required: boolean) => {
    if (ref === undefined) { if (required) errors.push({ path, message: 'is required (a lexicon name or an array of names)' }); return; }
    const names = Array.isArray(ref) ? ref : [ref];
    if (!names.length) errors.push({ path, message: 'names no lexicon' });
    names.forEach((n) => {
      if (typeof n !== 'string') errors.push({ path, message: 'expected lexicon names (strings)' });
      else if (!lexOk(n)) errors.push({ path, message: `unknown lexicon "${n}"` });
    });
  };
  for (const [p, seq] of seqs) {
    if (!Array.isArray(seq) || seq.length < 2) { errors.push({ path: `${p}.seq`, message: 'expected an array of at least 2 parts' }); continue; }
    seq.forEach((part, i) => {
      const pp = `${p}.seq[${i}]`;
      const isGap = typeof part === 'string' && GAP_RE.test(part);
      if (isGap && (i === 0 || i === seq.length - 1)) errors.push({ path: pp, message: 'a gap cannot start or end a sequence' });
      if (!isGap) checkRef(part, pp, true);
    });
  }
  if (!Array.isArray(pack.rules)) { errors.push({ path: '$.rules', message: 'expected an array of rules' }); return errors; }
  const ids = new Set<string>();
  pack.rules.forEach((r, i) => {
    const p = `$.rules[${i}]`;
    if (!isObj(r)) { errors.push({ path: p, message: 'expected a rule object' }); return; }
    for (const k of Object.keys(r)) if (!RULE_KEYS.has(k)) errors.push({ path: `${p}.${k}`, message: `unknown key "${k}"` });
    if (typeof r.id !== 'string' || !/^[a-z0-9][a-z0-9-/]*$/.test(r.id)) errors.push({ path: `${p}.id`, message: 'expected a lowercase id' });
    else if (ids.has(r.id)) errors.push({ path: `${p}.id`, message: `duplicate rule id "${r.id}"` });
    else ids.add(r.id);
    switch (r.type) {
      case 'term': checkRef(r.lexicon, `${p}.lexicon`, true); break;
      case 'near':
        checkRef(r.a, `${p}.a`, true);
        checkRef(r.b, `${p}.b`, true);
        if (r.window !== undefined && (!Number.isInteger(r.window) || (r.window as number) < 0)) errors.push({ path: `${p}.window`, message: 'expected a whole number ≥ 0' });
        if (r.scope !== undefined && r.scope !== 'sentence' && r.scope !== 'post') errors.push({ path: `${p}.scope`, message: 'expected "sentence" or "post"' });
        if (r.order !== undefined && !['any', 'ab', 'ba'].includes(r.order as string)) errors.push({ path: `${p}.order`, message: 'expected "any", "ab" or "ba"' });
        if (r.carry !== undefined) {
          if (!isObj(r.carry)) errors.push({ path: `${p}.carry`, message: 'expected { "lexicon": ..., "sentences": N }' });
          else checkRef(r.carry.lexicon, `${p}.carry.lexicon`, true);
        }
        break;
      case 'detector':
        if (!DETECTORS.includes(r.detector as DetectorName)) errors.push({ path: `${p}.detector`, message: `expected one of: ${DETECTORS.join(', ')}` });
        break;
      case 'pattern':
        if (typeof r.pattern !== 'string') errors.push({ path: `${p}.pattern`, message: 'expected an RE2 pattern string' });
        else try { re2().compile(r.pattern); } catch (e) { errors.push({ path: `${p}.pattern`, message: `not a valid RE2 pattern: ${(e as Error).message}` }); }
        break;
      default:
        errors.push({ path: `${p}.type`, message: 'expected "term", "near", "detector" or "pattern"' });
    }
    for (const key of ['unless', 'requires'] as const) {
      const conds = r[key];
      if (conds === undefined) continue;
      if (!Array.isArray(conds)) errors.push({ path: `${p}.${key}`, message: 'expected an array of conditions' });
      else conds.forEach((u, j) => {
        const up = `${p}.${key}[${j}]`;
        if (!isObj(u)) { errors.push({ path: up, message: 'expected a condition object' }); return; }
        const kinds = ['near', 'sentence', 'post', 'quoted'].filter((k) => k in u);
        if (kinds.length !== 1) errors.push({ path: up, message: 'expected exactly one of "near", "sentence", "post", "quoted"' });
        for (const k of kinds) if (k !== 'quoted') checkRef(u[k], `${up}.${k}`, true);
        if ('quoted' in u && u.quoted !== true) errors.push({ path: `${up}.quoted`, message: 'expected true' });
        if (u.of !== undefined && !['a', 'b', 'match'].includes(u.of as string)) errors.push({ path: `${up}.of`, message: 'expected "a", "b" or "match"' });
        if (u.side !== undefined && !['before', 'after', 'any', 'between', 'inside'].includes(u.side as string)) errors.push({ path: `${up}.side`, message: 'expected "before", "after", "any", "between" or "inside"' });
      });
    }
    if (r.when !== undefined && r.when !== 'work-hours') errors.push({ path: `${p}.when`, message: 'expected "work-hours"' });
    if (r.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(r.severity)) errors.push({ path: `${p}.severity`, message: 'expected info, warn or block' });
    if (pack.category !== 'common') checkLocalized(r.message, `${p}.message`, errors, pack.message === undefined);
    if (r.suggestion !== undefined) {
      if (!isObj(r.suggestion)) errors.push({ path: `${p}.suggestion`, message: 'expected { "label": {...}, "insert": {...} }' });
      else {
        checkLocalized(r.suggestion.label, `${p}.suggestion.label`, errors, true);
        checkLocalized(r.suggestion.insert, `${p}.suggestion.insert`, errors, false);
      }
    }
    const ex = r.examples;
    if (!isObj(ex)) errors.push({ path: `${p}.examples`, message: 'every rule needs examples: { "match": [...], "noMatch": [...] }' });
    else for (const k of ['match', 'noMatch'] as const) {
      const list = ex[k];
      if (!Array.isArray(list) || list.length < 2) errors.push({ path: `${p}.examples.${k}`, message: 'needs at least 2 examples' });
    }
  });
  return errors;
}
