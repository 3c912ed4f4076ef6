// The engine: compile the packs and a policy once, then check many posts.
//
//   const compiled = compilePolicy(policy);          // validates; throws PolicyError
//   const { language, findings } = check(text, { compiled, at: new Date() });

import { detect, type DetectorName } from './detectors';
import { browserLang, detectLanguage } from './language';
import type { EntryLang, LexiconIndex, LexMatch } from './lexicon';
import { packIndex } from './pack-index';
import { GAP_RE, validatePack, type Pack, type PackRule, type SeqPart, type UnlessCond } from './pack';
import { BUILTIN_PACKS } from './packs/index';
import { DEFAULT_POLICY, PolicyError, validatePolicy, type Policy, type Site, type ValidateOptions } from './policy';
import { re2, type Re2 } from './re2';
import { normalize, type Token } from './text';
import type { Category, CheckResult, Finding, Lang, Localized, Severity } from './types';
import { isWorkTime } from './workhours';

interface CompiledUnless {
  kind: 'near' | 'sentence' | 'post' | 'quoted';
  lex: number[];
  of: 'a' | 'b' | 'match';
  side: 'before' | 'after' | 'any' | 'between' | 'inside';
  window: number;
}

/** A derived lexicon: a sequence of other lexicons' matches with optional gaps. */
interface Derived {
  lex: number;
  parts: ({ ids: number[] } | { min: number; max: number })[];
}

export interface CompiledRule {
  id: string;
  category: Category;
  type: PackRule['type'];
  a: number[];
  b: number[];
  window: number;
  scope: 'sentence' | 'post';
  order: 'any' | 'ab' | 'ba';
  sameLanguage: boolean;
  carry?: { lex: number[]; sentences: number };
  detector?: DetectorName;
  pattern?: Pattern;
  unless: CompiledUnless[];
  requires: CompiledUnless[];
  workHoursOnly: boolean;
  severity: Severity;
  enabled: boolean;
  message: Localized;
  suggestion?: PackRule['suggestion'];
  source: PackRule;
}

export interface Compiled {
  policy: Policy;
  rules: CompiledRule[];
  index: LexiconIndex;
  /** Derived (sequence) lexicons, in dependency order. */
  derived: Derived[];
  packs: Pack[];
}

export interface CheckContext {
  compiled: Compiled;
  /** The moment of posting (work hours); default now. */
  at?: Date;
  /** The user's UI language (BCP 47), used when the post's language is unclear and for policy language "auto". */
  lang?: string;
  /** Evaluate rules whose category the policy switched off (pack tests). */
  includeDisabled?: boolean;
  /** Keep overlapping findings of one category (pack tests: each rule answers for itself). */
  keepOverlaps?: boolean;
  /** Where the post goes: per-site settings of the policy apply (`sites.linkedin`...). */
  site?: Site;
}

/** Said when a custom rule has no message of its own. */
const CATEGORY_MESSAGE: Record<Category, Localized> = {
  'employer-insult': {
    nl: 'Zou je dit ook tegen je baas of collega’s zeggen?',
    en: 'Would you say this to your boss or colleagues?',
    fr: 'Le diriez-vous à votre patron ou à vos collègues ?',
    de: 'Würden Sie das auch Ihrem Chef oder Ihren Kollegen sagen?',
  },
  confidential: {
    nl: 'Dit lijkt vertrouwelijke informatie van je werk.',
    en: 'This looks like confidential information from work.',
    fr: 'Cela ressemble à une information confidentielle de votre travail.',
    de: 'Das sieht nach vertraulichen Informationen aus der Arbeit aus.',
  },
  political: {
    nl: 'Politieke oproepen horen niet thuis tijdens de werkuren.',
    en: 'Political campaigning does not belong in working hours.',
    fr: 'La propagande politique n’a pas sa place pendant les heures de travail.',
    de: 'Politische Werbung gehört nicht in die Arbeitszeit.',
  },
  hate: {
    nl: 'Dit kan gelezen worden als haat tegen een groep mensen.',
    en: 'This can be read as hate against a group of people.',
    fr: 'Ceci peut être lu comme de la haine envers un groupe de personnes.',
    de: 'Das kann als Hass gegen eine Gruppe von Menschen gelesen werden.',
  },
  'on-behalf': {
    nl: 'Je lijkt namens je werkgever te spreken.',
    en: 'You seem to speak on behalf of your employer.',
    fr: 'Vous semblez parler au nom de votre employeur.',
    de: 'Sie scheinen im Namen Ihres Arbeitgebers zu sprechen.',
  },
};

/** Categories that rise one step where the user's profile names the employer. */
const STEP_UP = new Set<Category>(['employer-insult', 'confidential', 'on-behalf']);
const SITE_NAME: Record<Site, string> = { x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn' };
const STRICTER_REASON = Object.fromEntries(
  (Object.keys(SITE_NAME) as Site[]).map((s) => [s, {
    nl: `Je profiel op ${SITE_NAME[s]} noemt je werkgever: wat je hier schrijft, wordt met je werk verbonden.`,
    en: `Your profile on ${SITE_NAME[s]} names your employer: what you write here is linked to your work.`,
    fr: `Votre profil ${SITE_NAME[s]} mentionne votre employeur : ce que vous écrivez ici est associé à votre travail.`,
    de: `Ihr Profil auf ${SITE_NAME[s]} nennt Ihren Arbeitgeber: Was Sie hier schreiben, wird mit Ihrer Arbeit verbunden.`,
  } as Localized]),
) as Record<Site, Localized>;

/** LinkedIn profiles show the employer, so LinkedIn defaults to stricter. */
export function employerInProfile(policy: Policy, site: Site): boolean {
  return policy.sites?.[site]?.employerInProfile ?? site === 'linkedin';
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export function localize(t: Localized | undefined, lang: Lang): string {
  return t?.[lang] ?? t?.en ?? Object.values(t ?? {})[0] ?? '';
}

/** Validate the packs; throws with every error by pack and JSON path. */
export function validatePacks(packs: Pack[]): void {
  const errors: string[] = [];
  for (const p of packs) {
    // A pack may use lexicons of any other pack (common.json's above all) but not redefine them.
    const others = new Set<string>();
    for (const q of packs) if (q.id !== p.id) Object.keys(q.lexicons ?? {}).forEach((n) => others.add(n));
    for (const e of validatePack(p, others)) errors.push(`${p.id}: ${e.path}: ${e.message}`);
  }
  if (errors.length) throw new Error(`invalid rule packs:\n  ${errors.join('\n  ')}`);
}

/**
 * Compile the built-in packs (or `packs`) with a policy. The policy is
 * validated first: an invalid one throws a PolicyError listing every error.
 */
export function compilePolicy(input?: unknown, packs: Pack[] = BUILTIN_PACKS, opts: ValidateOptions = {}): Compiled {
  const v = validatePolicy(input, opts);
  if (!v.ok) throw new PolicyError(v.errors);
  const policy: Policy = { ...DEFAULT_POLICY, ...v.policy };
  const index = packIndex(packs).fork();
  const emp = policy.employer ?? {};
  index.id('@employer');
  for (const n of emp.names ?? []) index.add('@employer', escapeEntry(n), 'any');
  for (const h of emp.handles ?? []) index.add('@employer', escapeEntry(h.replace(/^@/, '')), 'any');
  for (const d of emp.domains ?? []) index.add('@employer', escapeEntry(d), 'any');
  index.id('@confidential');
  for (const t of policy.confidential?.terms ?? []) index.add('@confidential', escapeEntry(t), 'any');

  const ids = (ref: string | string[] | undefined) => (ref === undefined ? [] : (Array.isArray(ref) ? ref : [ref]).map((n) => index.id(n)));
  const rules: CompiledRule[] = [];
  const categoryOf = (c: Category) => policy.categories?.[c];

  for (const pack of packs) {
    if (pack.category === 'common') continue;
    const category = pack.category;
    for (const r of pack.rules) {
      const setting = categoryOf(category);
      rules.push({
        id: `${pack.id}/${r.id}`,
        category,
        type: r.type,
        a: ids(r.type === 'term' ? r.lexicon : r.a),
        b: ids(r.b),
        window: r.window ?? 6,
        scope: r.scope ?? 'sentence',
        order: r.order ?? 'any',
        sameLanguage: r.sameLanguage ?? false,
        carry: r.carry ? { lex: ids(r.carry.lexicon), sentences: r.carry.sentences ?? 2 } : undefined,
        detector: r.detector,
        pattern: r.type === 'pattern' && r.pattern ? packPattern(r.pattern) : undefined,
        unless: (r.unless ?? []).map((u) => compileUnless(u, ids)),
        requires: (r.requires ?? []).map((u) => compileUnless(u, ids)),
        workHoursOnly: r.when === 'work-hours',
        severity: setting?.severity ?? r.severity ?? pack.severity ?? 'warn',
        enabled: setting?.enabled ?? true,
        message: r.message ?? pack.message ?? CATEGORY_MESSAGE[category],
        suggestion: r.suggestion,
        source: r,
      });
    }
  }

  for (const c of policy.customRules ?? []) {
    const setting = categoryOf(c.category);
    const base = {
      id: `custom/${c.id}`,
      category: c.category,
      b: [],
      window: 0,
      scope: 'sentence' as const,
      order: 'any' as const,
      sameLanguage: false,
      unless: [],
      requires: [],
      workHoursOnly: c.category === 'political',
      severity: c.severity ?? setting?.severity ?? 'warn',
      enabled: setting?.enabled ?? true,
      message: c.message ?? CATEGORY_MESSAGE[c.category],
      source: { id: c.id, type: 'term' } as PackRule,
    };
    if (c.terms?.length) {
      const lex = `custom:${c.id}`;
      for (const t of c.terms) index.add(lex, escapeEntry(t), 'any');
      rules.push({ ...base, type: 'term', a: [index.id(lex)] });
    }
    if (c.pattern) rules.push({ ...base, id: c.terms?.length ? `custom/${c.id}/pattern` : base.id, type: 'pattern', a: [], pattern: { re2: re2().compile(c.pattern) } });
  }
  return { policy, rules, index, derived: derivedOf(packs, ids), packs };
}

/** Policy terms are literal text: neutralise the pack syntax characters. */
function escapeEntry(s: string): string {
  return s.replace(/[{}*^=]/g, ' ').replace(/(^|\s)_(?=\s|$)/g, ' ').trim() || '_none_';
}

/** Derived lexicons in dependency order (a sequence may use another sequence). */
function derivedOf(packs: Pack[], ids: (r: string | string[] | undefined) => number[]): Derived[] {
  const defs = new Map<string, SeqPart[]>();
  for (const p of packs) for (const [name, l] of Object.entries(p.lexicons ?? {})) if ('seq' in l) defs.set(name, (l as { seq: SeqPart[] }).seq);
  const out: Derived[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`derived lexicon "${name}" refers to itself`);
    state.set(name, 'visiting');
    const seq = defs.get(name)!;
    for (const part of seq) for (const n of Array.isArray(part) ? part : [part]) if (defs.has(n)) visit(n);
    out.push({
      lex: ids(name)[0]!,
      parts: seq.map((part) => {
        const g = typeof part === 'string' ? GAP_RE.exec(part) : null;
        if (!g) return { ids: ids(part) };
        if (g[1] === '?') return { min: 0, max: 1 };
        if (g[2] !== undefined) return { min: Number(g[2]), max: Number(g[3]) };
        return { min: 1, max: 1 };
      }),
    });
    state.set(name, 'done');
  };
  for (const name of defs.keys()) visit(name);
  return out;
}

function compileUnless(u: UnlessCond, ids: (r: string | string[] | undefined) => number[]): CompiledUnless {
  if (u.quoted) return { kind: 'quoted', lex: [], of: 'match', side: 'any', window: 0 };
  if (u.near !== undefined) return { kind: 'near', lex: ids(u.near), of: u.of ?? 'match', side: u.side ?? 'before', window: u.window ?? 3 };
  if (u.sentence !== undefined) return { kind: 'sentence', lex: ids(u.sentence), of: u.of ?? 'match', side: 'any', window: 0 };
  return { kind: 'post', lex: ids(u.post), of: 'match', side: 'any', window: 0 };
}

interface Hit {
  /** Token range of the whole finding, and of its a and b parts (near rules). */
  first: number;
  last: number;
  a?: LexMatch;
  b?: LexMatch;
  /** Character span (detectors, patterns). */
  start?: number;
  end?: number;
  /** Near rules: the same a with its next-nearest partner, tried when a filter silences this one. */
  next?: Hit;
}

/** How many partners of one match a near rule tries, nearest first. */
const MAX_PARTNERS = 4;
const PARTNERS: LexMatch[] = new Array(MAX_PARTNERS);
const DISTS: number[] = new Array(MAX_PARTNERS).fill(0);

class Matches {
  private unions = new Map<number[], LexMatch[]>();
  /** `byLex`: the lexicon index's matches, per lexicon id, sorted by token. */
  constructor(private byLex: LexMatch[][]) {}
  /** Add the matches of a derived lexicon: its parts back to back, gaps allowed, in one sentence. */
  derive(d: Derived, tokens: Token[]): void {
    // Most sequences miss a part altogether in a given post: nothing to build then.
    for (const part of d.parts) if ('ids' in part && this.of(part.ids).length === 0) return;
    const first = d.parts[0] as { ids: number[] };
    let states: LexMatch[] = this.of(first.ids).map((m) => ({ lex: d.lex, first: m.first, last: m.last, lang: m.lang }));
    let gapMin = 0;
    let gapMax = 0;
    for (let k = 1; k < d.parts.length && states.length; k++) {
      const part = d.parts[k]!;
      if ('min' in part) { gapMin += part.min; gapMax += part.max; continue; }
      const byStart = new Map<number, LexMatch[]>();
      for (const m of this.of(part.ids)) {
        const l = byStart.get(m.first);
        if (l) l.push(m);
        else byStart.set(m.first, [m]);
      }
      const next: LexMatch[] = [];
      for (const st of states) {
        for (let g = gapMin; g <= gapMax; g++) {
          const start = st.last + 1 + g;
          if (start >= tokens.length || tokens[start]!.sentence !== tokens[st.first]!.sentence) break;
          for (const m of byStart.get(start) ?? []) {
            next.push({ lex: d.lex, first: st.first, last: m.last, lang: st.lang === 'any' ? m.lang : st.lang });
          }
        }
      }
      states = next.length > 5000 ? next.slice(0, 5000) : next; // pathological posts: bounded work
      gapMin = gapMax = 0;
    }
    if (!states.length) return;
    const seen = new Set<string>();
    const list = (this.byLex[d.lex] ??= []);
    for (const m of states) {
      const key = `${m.first}:${m.last}:${m.lang}`;
      if (!seen.has(key)) { seen.add(key); list.push(m); }
    }
    list.sort((x, y) => x.first - y.first || x.last - y.last);
    this.unions.clear(); // a merged list may include this lexicon
  }

  /**
   * The matches of several lexicons, merged in token order. Rules and their
   * filters ask for the same compiled lexicon arrays once per hit, so the
   * merge is kept per array (per post).
   */
  of(lex: number[]): LexMatch[] {
    if (lex.length === 1) return this.byLex[lex[0]!] ?? [];
    let out = this.unions.get(lex);
    if (!out) {
      out = [];
      for (const l of lex) { const m = this.byLex[l]; if (m) out.push(...m); }
      out.sort((x, y) => x.first - y.first || x.last - y.last);
      this.unions.set(lex, out);
    }
    return out;
  }
}

/** Check one post. Never throws on any string input. */
export function check(text: string, ctx: CheckContext): CheckResult {
  const { compiled } = ctx;
  if (typeof text !== 'string') text = String(text ?? '');
  const at = ctx.at ?? new Date();
  const { tokens } = normalize(text);
  const userLang = browserLang(ctx.lang);
  const language = detectLanguage(text, tokens, userLang);
  const policyLang = compiled.policy.language;
  const msgLang: Lang = policyLang && policyLang !== 'auto' ? policyLang : language;
  if (!tokens.length && !/\d/.test(text)) return { language, findings: [] };

  const matches = new Matches(compiled.index.match(tokens, language));
  for (const d of compiled.derived) matches.derive(d, tokens);
  // Only asked when a work-hours rule has a hit: most posts never need the clock.
  let workTime: boolean | undefined;
  const isWork = () => (workTime ??= compiled.policy.workHours ? isWorkTime(at, compiled.policy.workHours) : false);
  const findings: Finding[] = [];

  const site = ctx.site ? compiled.policy.sites?.[ctx.site] : undefined;
  const stricter = ctx.site ? employerInProfile(compiled.policy, ctx.site) : false;
  for (const rule of compiled.rules) {
    const siteCat = site?.categories?.[rule.category];
    if (!(siteCat?.enabled ?? rule.enabled) && !ctx.includeDisabled) continue;
    // Where the profile names the employer, what touches the employer rises a
    // step — unless the admin set this site's severity for the category.
    let severity = siteCat?.severity ?? rule.severity;
    const raised = stricter && !siteCat?.severity && STEP_UP.has(rule.category) && severity !== 'block';
    if (raised) severity = severity === 'info' ? 'warn' : 'block';
    let hits: Hit[];
    switch (rule.type) {
      case 'term': hits = matches.of(rule.a).map((m) => ({ first: m.first, last: m.last, a: m })); break;
      case 'near': hits = nearHits(rule, matches, tokens); break;
      case 'detector': hits = detect(rule.detector!, text).map((s) => ({ first: -1, last: -1, ...s })); break;
      case 'pattern': hits = patternHits(rule.pattern!, text); break;
    }
    if (rule.workHoursOnly && hits.length && !isWork()) continue;
    let lastEnd = -1;
    const passes = (h: Hit) =>
      (!rule.requires.length || rule.requires.every((u) => holds(u, h, matches, tokens, text))) &&
      !(rule.unless.length && rule.unless.some((u) => holds(u, h, matches, tokens, text)));
    for (const first of hits) {
      let h: Hit | undefined = first;
      while (h && !passes(h)) h = h.next;
      if (!h) continue;
      const start = h.start ?? tokens[h.first]!.start;
      const end = h.end ?? tokens[h.last]!.end;
      if (start < lastEnd) continue; // overlapping hits of one rule: report once
      lastEnd = end;
      const f: Finding = { ruleId: rule.id, category: rule.category, severity, start, end, message: localize(rule.message, msgLang) };
      if (raised) f.raised = true;
      if (rule.suggestion) {
        const insert = rule.suggestion.insert ? localize(rule.suggestion.insert, language) : undefined;
        f.suggestion = { label: localize(rule.suggestion.label, msgLang), ...(insert ? { insert } : {}) };
      }
      findings.push(f);
    }
  }
  const out: CheckResult = { language, findings: ctx.keepOverlaps ? findings.sort((x, y) => x.start - y.start) : dedupe(findings) };
  if (stricter && ctx.site) out.stricter = { site: ctx.site, reason: localize(STRICTER_REASON[ctx.site], msgLang) };
  return out;
}

/** One finding per category for overlapping spans: keep the strongest, then the longest. */
function dedupe(findings: Finding[]): Finding[] {
  findings.sort((x, y) => x.start - y.start || SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || y.end - x.end);
  const out: Finding[] = [];
  // Sorted by start: a kept finding that overlaps f is the one of its category reaching furthest.
  const reach = new Map<Category, number>(); // category → index in out
  for (const f of findings) {
    const k = reach.get(f.category);
    const clash = k === undefined ? undefined : out[k]!;
    if (!clash || clash.end <= f.start) {
      out.push(f);
      if (!clash || f.end > clash.end) reach.set(f.category, out.length - 1);
      continue;
    }
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[clash.severity]) out[k!] = f;
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

function langsCompatible(x: EntryLang, y: EntryLang): boolean {
  return x === y || x === 'any' || y === 'any';
}

const MAX_PHRASE = 12;

function nearHits(rule: CompiledRule, matches: Matches, tokens: Token[]): Hit[] {
  const as = matches.of(rule.a);
  if (!as.length) return [];
  let bs = matches.of(rule.b);
  const pronouns = rule.carry ? matches.of(rule.carry.lex) : [];
  if (rule.carry && pronouns.length && bs.length) {
    // "I met some X today. They are all ..." — a pronoun stands for X when X
    // occurred in one of the previous sentences.
    const sentencesWithB = new Set(bs.map((b) => tokens[b.first]!.sentence));
    const carried = pronouns.filter((m) => {
      const s = tokens[m.first]!.sentence;
      for (let k = 1; k <= rule.carry!.sentences; k++) if (sentencesWithB.has(s - k)) return true;
      return false;
    });
    if (carried.length) bs = [...bs, ...carried].sort((x, y) => x.first - y.first);
  }
  if (!bs.length) return [];
  const hits: Hit[] = [];
  const partners = PARTNERS;
  const dists = DISTS;
  for (const a of as) {
    const lo = lowerBound(bs, a.first - rule.window - MAX_PHRASE);
    let n = 0;
    for (let k = lo; k < bs.length; k++) {
      const b = bs[k]!;
      if (b.first > a.last + rule.window + 1) break;
      if (b === a || (b.first === a.first && b.last === a.last && b.lex === a.lex)) continue;
      if (rule.scope === 'sentence' && tokens[b.first]!.sentence !== tokens[a.first]!.sentence) continue;
      if (rule.sameLanguage && !langsCompatible(a.lang, b.lang)) continue;
      const overlap = b.first <= a.last && a.first <= b.last;
      if (!overlap) {
        if (rule.order === 'ab' && b.first <= a.last) continue;
        if (rule.order === 'ba' && b.last >= a.first) continue;
      }
      const dist = overlap ? 0 : b.first > a.last ? b.first - a.last - 1 : a.first - b.last - 1;
      if (dist > rule.window) continue;
      // Keep the MAX_PARTNERS nearest, nearest first (stable: the earlier of
      // two at one distance), by insertion: usually there are one or two.
      let at = Math.min(n, MAX_PARTNERS);
      while (at > 0 && dists[at - 1]! > dist) at--;
      if (at >= MAX_PARTNERS) continue;
      for (let q = Math.min(n, MAX_PARTNERS - 1); q > at; q--) { partners[q] = partners[q - 1]!; dists[q] = dists[q - 1]!; }
      partners[at] = b;
      dists[at] = dist;
      if (n < MAX_PARTNERS) n++;
    }
    if (!n) continue;
    // The others are chained behind the nearest, so that a filter silencing
    // it (a negation just before it) does not silence the match altogether.
    let chain: Hit | undefined;
    for (let k = n - 1; k >= 0; k--) {
      const b = partners[k]!;
      chain = { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last), a, b, next: chain };
    }
    hits.push(chain!);
  }
  return hits.sort((x, y) => x.first - y.first);
}

function lowerBound(list: LexMatch[], first: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.first < first) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Admin patterns (untrusted, from policy) run on re2js: linear time whatever
 * the pattern. Pack patterns are reviewed data that also compile as RE2 (so
 * they cannot rely on backtracking features); they run on the native engine,
 * which is much faster for the simple patterns packs use.
 */
type Pattern = { re2: Re2 } | { native: RegExp };

// Unicode mode only where a pattern needs it (\p{…}, \u{…}, non-ASCII): V8
// runs assertions such as \B some 30 times slower in it.
const NEEDS_UNICODE = /\\[pPu]\{|[^\x00-\x7f]/;

function packPattern(source: string): Pattern {
  // validatePack has checked that the pattern is valid RE2 too.
  const ci = source.startsWith('(?i)');
  const body = ci ? source.slice(4) : source;
  try {
    return { native: new RegExp(body, `g${ci ? 'i' : ''}${NEEDS_UNICODE.test(body) ? 'u' : ''}`) };
  } catch {
    return { re2: re2().compile(source) };
  }
}

function patternHits(p: Pattern, text: string): Hit[] {
  if ('native' in p) {
    const hits: Hit[] = [];
    p.native.lastIndex = 0;
    for (const m of text.matchAll(p.native)) {
      if (m[0].length) hits.push({ first: -1, last: -1, start: m.index!, end: m.index! + m[0].length });
      if (hits.length > 1000) break;
    }
    return hits;
  }
  const re = p.re2;
  const hits: Hit[] = [];
  const m = re.matcher(text);
  let from = 0;
  while (from <= text.length && m.find(from)) {
    const start = m.start();
    const end = m.end();
    if (end > start) hits.push({ first: -1, last: -1, start, end });
    from = end > start ? end : start + 1;
    if (hits.length > 1000) break;
  }
  return hits;
}

/** Token range covered by a hit (detectors/patterns: tokens inside the character span). */
function hitTokens(h: Hit, tokens: Token[]): [number, number] {
  if (h.first >= 0) return [h.first, h.last];
  let first = -1;
  let last = -1;
  // Tokens are sorted by offset: jump to the first that can overlap.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= h.start!) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end > h.start! && t.start < h.end!) { if (first < 0) first = i; last = i; }
    else if (t.start >= h.end!) break;
  }
  return [first, last];
}

/** Does one condition (of `unless` or `requires`) hold for a hit? */
function holds(u: CompiledUnless, h: Hit, matches: Matches, tokens: Token[], text: string): boolean {
  if (u.kind === 'quoted') {
    const start = h.start ?? tokens[h.first]!.start;
    const end = h.end ?? tokens[h.last]!.end;
    return quotedRanges(text).some(([a, b]) => a <= start && end <= b);
  }
  const found = matches.of(u.lex);
  if (!found.length) return false;
  if (u.kind === 'post') return true;
  const [hf, hl] = hitTokens(h, tokens);
  if (hf < 0) return false;
  if (u.kind === 'sentence') {
    // `of: a|b`: only that part's sentence (a post-scope match may span several).
    const part = u.of === 'a' ? h.a : u.of === 'b' ? h.b : undefined;
    const s1 = tokens[part ? part.first : hf]!.sentence;
    const s2 = tokens[part ? part.last : hl]!.sentence;
    // Matches are sorted by token, and sentences grow with tokens: search, don't scan.
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[found[mid]!.first]!.sentence < s1) lo = mid + 1;
      else hi = mid;
    }
    return lo < found.length && tokens[found[lo]!.first]!.sentence <= s2;
  }
  const part = u.of === 'a' ? h.a : u.of === 'b' ? h.b : undefined;
  const first = part ? part.first : hf;
  const last = part ? part.last : hl;
  const sentence = tokens[first]!.sentence;
  const from = lowerBound(found, Math.min(first, hf) - u.window - MAX_PHRASE);
  const until = Math.max(last, hl) + u.window;
  for (let i = from; i < found.length; i++) {
    const m = found[i]!;
    if (m.first > until) break;
    if (tokens[m.first]!.sentence !== sentence) continue;
    const inside = m.first >= first && m.last <= last;
    if (u.side === 'inside') {
      // Inside the anchor (a negation swallowed by a `_` of a phrase), but not the anchor itself.
      if (inside && !(part && m.first === part.first && m.last === part.last)) return true;
      continue;
    }
    if (u.side === 'between') {
      // Strictly between the a and b parts of a near match ("stem TEGEN de N-VA").
      if (h.a && h.b) {
        const lo = Math.min(h.a.last, h.b.last);
        const hi = Math.max(h.a.first, h.b.first);
        if (m.first > lo && m.last < hi) return true;
      }
      continue;
    }
    if (inside) {
      // The anchor itself is not its own negation; but for the whole match a
      // negation between its two parts counts ("my boss is NOT an idiot").
      const inPart = (p?: LexMatch) => p && m.first <= p.last && p.first <= m.last;
      if (!part && !inPart(h.a) && !inPart(h.b)) return true;
      continue;
    }
    // Within `window` tokens: window 2 = one of the two tokens next to it.
    const before = m.last < first && first - m.last - 1 < u.window;
    const after = m.first > last && m.first - last - 1 < u.window;
    if ((u.side === 'before' && before) || (u.side === 'after' && after) || (u.side === 'any' && (before || after))) return true;
  }
  return false;
}

const QUOTES: [string, string][] = [['“', '”'], ['„', '“'], ['«', '»'], ['"', '"'], ['‘', '’'], ['‹', '›']];
/**
 * Straight single quotes double as apostrophes (don't, l'homme, 't is, Jones'),
 * so a quotation needs an opening quote at the start of a word, a closing one
 * at the end of a word, at least two words between, and apostrophes inside
 * only between letters.
 */
const SINGLE_QUOTED = /(?<=^|[\s(\[{:])'(?=[^\s'])((?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,300}?\s(?:[^'\n]|(?<=\p{L})'(?=\p{L})){0,300}?)(?<=\S)'(?=$|[\s.,!?;:)\]}…])/gu;
let quoteCache: { text: string; ranges: [number, number][] } | undefined;
/** Character ranges between matching quotation marks (computed once per post). */
function quotedRanges(text: string): [number, number][] {
  if (quoteCache?.text === text) return quoteCache.ranges;
  const ranges: [number, number][] = [];
  for (const [open, close] of QUOTES) {
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a < 0) break;
      const b = text.indexOf(close, a + 1);
      if (b < 0) break;
      ranges.push([a + 1, b]);
      from = b + 1;
    }
  }
  for (const m of text.matchAll(SINGLE_QUOTED)) ranges.push([m.index! + 1, m.index! + 1 + m[1]!.length]);
  quoteCache = { text, ranges };
  return ranges;
}
