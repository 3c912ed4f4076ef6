// The pure part of the policy store: no browser API, so unit tests and the
// options page can call it directly.
//
//   built-in defaults  <  admin policy (storage.managed)  <  the user's own
//   settings (storage.sync), only where the admin has not locked them
//
// An invalid admin policy never breaks the extension. Errors are grouped by
// top-level key (`$.workHours.start` -> `workHours`): the keys without errors
// apply as sent; for a key with errors, the last good admin value of that key
// stays in force (or, with no last good value, the part the validator could
// keep). An error on the whole policy (`$`, e.g. a string that is not JSON)
// keeps the whole last good policy.

import { CATEGORIES, LANGS, SEVERITIES, type Category, type Lang, type Severity } from '../rules/types';

export type Json = Record<string, unknown>;

export interface PolicyError {
  path: string;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  policy?: unknown;
  errors: PolicyError[];
}

export type Validator = (input: unknown) => ValidationResult;

/** The user's own settings, stored in storage.sync under `userSettings`. */
export interface UserSettings {
  /** Panel language; 'auto' follows the post / browser. Ignored when the admin locks "language". */
  language?: 'auto' | Lang;
  /** Per-category choices, applied only to categories the admin has not locked. */
  categories?: Partial<Record<Category, { enabled?: boolean; severity?: Severity }>>;
  /** Own work hours. Ignored when the admin locks "workHours". */
  workHours?: Json;
  /** Own "post anyway" choices ({warn, block, requireReason}). Ignored when the admin locks "postAnyway". */
  postAnyway?: Json;
  /** Extra confidential terms of the user's own (added to the admin's; never lockable: it only adds checks). */
  confidentialTerms?: string[];
  /** A personal disclaimer ("I speak in my own name") the panel offers to add. Not part of the policy. */
  disclaimer?: string;
}

export type Origin = 'builtin' | 'admin' | 'user';

export interface Locks {
  /** Categories the user may not turn off or change (policy `locks`: "categories" = all of them). */
  categories: Category[];
  /** Other locked settings, as named in policy `locks` ("language", "workHours", "postAnyway", "snooze"...). */
  settings: string[];
  /** The user may not snooze Postcheck (`locks` contains "snooze"). */
  snooze: boolean;
}

export interface PolicyStatus {
  /** Whether an admin policy is in force. */
  source: 'builtin' | 'admin';
  /** Where each setting comes from: top-level keys and `categories.<id>`. */
  origins: Record<string, Origin>;
  locks: Locks;
  /** Errors in the admin policy (JSON paths into what the admin sent). */
  errors: PolicyError[];
  /** Errors in the user's own settings (ignored settings). */
  userErrors: PolicyError[];
  /** Top-level keys of the admin policy where the last good value is still in force. */
  keptLastGood: string[];
  /** The whole admin policy was unusable and the last good one is in force. */
  wholeLastGood: boolean;
  updatedAt: number;
}

export interface MergeInput {
  /** Raw storage.managed contents ({} when there is none). */
  managed: Json;
  /** The admin policy in force before (storage.local.lastGoodManaged). */
  lastGoodManaged?: Json | null;
  user?: UserSettings | null;
  defaults: Json;
  validate: Validator;
  now?: number;
}

export interface MergeOutput {
  effective: Json;
  status: PolicyStatus;
  /** What to store as storage.local.lastGoodManaged (null: remove it). */
  lastGoodManaged: Json | null;
}

// ---------------------------------------------------------------------------
// small helpers

export function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge of plain objects; arrays and scalars of `over` replace those of `base`. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return clone(base);
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Json = clone(base) as Json;
    for (const [k, v] of Object.entries(over)) {
      if (v === undefined) continue;
      out[k] = deepMerge(out[k], v);
    }
    return out;
  }
  return clone(over);
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** `$.workHours.start` -> `workHours`; `$["odd key"][0]` -> `odd key`; `$` -> null. */
export function topLevelKey(path: string): string | null {
  const m = /^\$(?:\.([^.[\]]+)|\[(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\])/.exec(path);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? null;
}

/** Drops keys whose value is undefined or null (Chrome/Firefox never send them, tests might). */
function compact(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------
// locks and categories, read tolerantly from a validated policy

export function readLocks(policy: Json | null | undefined): Locks {
  const locks: Locks = { categories: [], settings: [], snooze: false };
  const raw = policy?.locks;
  const list = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  for (const item of list) {
    if (item === 'categories') locks.categories = [...CATEGORIES];
    else if (isCategory(item)) {
      if (!locks.categories.includes(item)) locks.categories.push(item);
    } else if (item.startsWith('categories.') && isCategory(item.slice(11))) {
      const c = item.slice(11) as Category;
      if (!locks.categories.includes(c)) locks.categories.push(c);
    } else if (!locks.settings.includes(item)) {
      locks.settings.push(item);
    }
  }
  locks.snooze = locks.settings.includes('snooze');
  return locks;
}

export function isCategory(v: unknown): v is Category {
  return typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

export interface CategoryView {
  id: Category;
  enabled: boolean;
  severity: Severity | null;
}

/**
 * A category's state in a policy. Understands both `categories.<id>` objects
 * ({enabled, severity}) and the flat `disabledCategories` / `severity` maps.
 */
export function readCategory(policy: Json, id: Category): CategoryView {
  let enabled = true;
  let severity: Severity | null = null;
  const cats = policy.categories;
  if (isPlainObject(cats)) {
    const c = cats[id];
    if (isPlainObject(c)) {
      if (typeof c.enabled === 'boolean') enabled = c.enabled;
      if (isSeverity(c.severity)) severity = c.severity;
    } else if (typeof c === 'boolean') {
      enabled = c;
    } else if (isSeverity(c)) {
      severity = c;
    }
  }
  if (Array.isArray(policy.disabledCategories) && policy.disabledCategories.includes(id)) enabled = false;
  if (isPlainObject(policy.severity) && isSeverity(policy.severity[id])) severity = policy.severity[id] as Severity;
  return { id, enabled, severity };
}

// ---------------------------------------------------------------------------
// the admin side: validation with per-key last-good fallback

interface AdminResult {
  policy: Json | null;
  errors: PolicyError[];
  keptLastGood: string[];
  wholeLastGood: boolean;
  /** New value for lastGoodManaged: the admin policy now in force, if it validates. */
  lastGood: Json | null;
}

function validated(validate: Validator, input: Json): Json | null {
  const r = safeValidate(validate, input);
  return r.ok ? ((isPlainObject(r.policy) ? r.policy : input) as Json) : null;
}

function safeValidate(validate: Validator, input: unknown): ValidationResult {
  try {
    const r = validate(input);
    return { ok: !!r.ok, policy: r.policy, errors: Array.isArray(r.errors) ? r.errors : [] };
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `validator failed: ${String(e)}` }] };
  }
}

export function resolveAdmin(
  managedRaw: Json,
  lastGoodManaged: Json | null | undefined,
  validate: Validator,
): AdminResult {
  const lastGood = isPlainObject(lastGoodManaged) ? lastGoodManaged : null;
  const managed = compact(managedRaw);
  if (Object.keys(managed).length === 0) {
    return { policy: null, errors: [], keptLastGood: [], wholeLastGood: false, lastGood: null };
  }

  const first = safeValidate(validate, managed);
  if (first.ok) {
    const policy = (isPlainObject(first.policy) ? first.policy : managed) as Json;
    return { policy, errors: first.errors, keptLastGood: [], wholeLastGood: false, lastGood: policy };
  }

  const errors: PolicyError[] = first.errors.length ? [...first.errors] : [{ path: '$', message: 'invalid policy' }];
  const keepWhole = (): AdminResult => ({
    policy: lastGood,
    errors,
    keptLastGood: lastGood ? Object.keys(lastGood) : [],
    wholeLastGood: !!lastGood,
    lastGood,
  });

  const badKeys = new Set<string>();
  for (const e of errors) {
    const k = topLevelKey(e.path);
    if (k === null) return keepWhole();
    badKeys.add(k);
  }

  const partial = isPlainObject(first.policy) ? first.policy : null;
  // Try the candidate; if it still fails (an error that only shows once other
  // keys are gone, e.g. a cross-key check), drop the newly failing keys too.
  for (let round = 0; round < 4; round++) {
    const candidate: Json = {};
    const kept: string[] = [];
    for (const [k, v] of Object.entries(managed)) {
      if (!badKeys.has(k)) candidate[k] = v;
    }
    for (const k of badKeys) {
      if (lastGood && k in lastGood) {
        candidate[k] = lastGood[k];
        kept.push(k);
      } else if (partial && k in partial && partial[k] !== undefined) {
        candidate[k] = partial[k];
      }
    }
    const r = safeValidate(validate, candidate);
    if (r.ok) {
      const policy = (isPlainObject(r.policy) ? r.policy : candidate) as Json;
      return { policy, errors, keptLastGood: kept.sort(), wholeLastGood: false, lastGood: policy };
    }
    let grew = false;
    for (const e of r.errors) {
      // Errors that only show once others are gone (the validator stops at
      // schema errors before its semantic checks) are the admin's too.
      if (!errors.some((x) => x.path === e.path && x.message === e.message)) errors.push(e);
      const k = topLevelKey(e.path);
      if (k === null) return keepWhole();
      if (!badKeys.has(k)) {
        badKeys.add(k);
        grew = true;
      } else if (partial && k in partial && !(lastGood && k in lastGood)) {
        // the validator's partial value for this key is not valid on its own
        delete (partial as Json)[k];
        grew = true;
      }
    }
    if (!grew) break;
  }
  return keepWhole();
}

// ---------------------------------------------------------------------------
// the user side

function applyUser(
  base: Json,
  user: UserSettings,
  locks: Locks,
  origins: Record<string, Origin>,
): { policy: Json; ignored: PolicyError[] } {
  let policy = clone(base);
  const ignored: PolicyError[] = [];

  if (isPlainObject(user.categories)) {
    for (const [id, choice] of Object.entries(user.categories)) {
      if (!isCategory(id)) {
        ignored.push({ path: `$.categories.${id}`, message: 'unknown category' });
        continue;
      }
      if (!isPlainObject(choice)) continue;
      if (locks.categories.includes(id)) continue; // the admin decides
      const current = readCategory(policy, id);
      const next: Json = {};
      let changed = false;
      if (typeof choice.enabled === 'boolean' && choice.enabled !== current.enabled) {
        next.enabled = choice.enabled;
        changed = true;
      }
      if (isSeverity(choice.severity) && choice.severity !== current.severity) {
        next.severity = choice.severity;
        changed = true;
      }
      if (!changed) continue;
      writeCategory(policy, id, next);
      origins[`categories.${id}`] = 'user';
    }
  }

  if (user.language !== undefined && !locks.settings.includes('language')) {
    if (user.language === 'auto' || isLang(user.language)) {
      if (policy.language !== user.language) {
        policy.language = user.language;
        origins.language = 'user';
      }
    } else {
      ignored.push({ path: '$.language', message: 'unknown language' });
    }
  }

  if (isPlainObject(user.workHours) && !locks.settings.includes('workHours')) {
    policy = { ...policy, workHours: deepMerge(policy.workHours ?? {}, user.workHours) };
    origins.workHours = 'user';
  }

  if (isPlainObject(user.postAnyway) && !locks.settings.includes('postAnyway')) {
    policy = { ...policy, postAnyway: deepMerge(policy.postAnyway ?? {}, user.postAnyway) };
    origins.postAnyway = 'user';
  }

  const terms = Array.isArray(user.confidentialTerms)
    ? user.confidentialTerms.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim())
    : [];
  if (terms.length) {
    const conf = isPlainObject(policy.confidential) ? policy.confidential : {};
    const existing = Array.isArray(conf.terms) ? (conf.terms as unknown[]) : [];
    const merged = [...existing];
    for (const t of terms) if (!merged.includes(t)) merged.push(t);
    policy.confidential = { ...conf, terms: merged };
    origins['confidential.user'] = 'user';
  }
  return { policy, ignored };
}

/** Writes a category choice in the policy's own shape (`categories.<id>` objects). */
function writeCategory(policy: Json, id: Category, next: Json): void {
  if (Array.isArray(policy.disabledCategories) && next.enabled === true) {
    policy.disabledCategories = policy.disabledCategories.filter((c) => c !== id);
  }
  if (isPlainObject(policy.severity) && next.severity !== undefined) {
    policy.severity = { ...policy.severity, [id]: next.severity };
  }
  const cats = isPlainObject(policy.categories) ? { ...policy.categories } : {};
  const cur = cats[id];
  cats[id] = { ...(isPlainObject(cur) ? cur : {}), ...next };
  policy.categories = cats;
}

// ---------------------------------------------------------------------------
// the whole computation

export function computeEffective(input: MergeInput): MergeOutput {
  const now = input.now ?? Date.now();
  const admin = resolveAdmin(input.managed ?? {}, input.lastGoodManaged, input.validate);
  const defaults = isPlainObject(input.defaults) ? input.defaults : {};

  const origins: Record<string, Origin> = {};
  const adminPolicy = admin.policy ?? {};
  for (const k of Object.keys(defaults)) origins[k] = 'builtin';
  for (const k of Object.keys(adminPolicy)) origins[k] = 'admin';
  for (const id of CATEGORIES) {
    const set =
      (isPlainObject(adminPolicy.categories) && id in adminPolicy.categories) ||
      (Array.isArray(adminPolicy.disabledCategories) && adminPolicy.disabledCategories.includes(id)) ||
      (isPlainObject(adminPolicy.severity) && id in adminPolicy.severity);
    origins[`categories.${id}`] = set ? 'admin' : 'builtin';
  }

  let base = deepMerge(defaults, adminPolicy) as Json;
  // The merged policy must still be valid; if defaults and admin disagree in
  // a way the validator rejects, the admin policy alone (or defaults) wins.
  const baseOk = validated(input.validate, base);
  if (baseOk) base = baseOk;
  else if (admin.policy) base = admin.policy;
  else base = clone(defaults);

  const locks = readLocks(base);
  let effective = base;
  let userErrors: PolicyError[] = [];
  if (input.user && isPlainObject(input.user)) {
    // Each part of the user's settings is applied and validated on its own,
    // so one bad value (e.g. an end time before the start) costs that part only.
    const user: UserSettings = input.user;
    const parts: UserSettings[] = [
      { categories: user.categories },
      { language: user.language },
      { workHours: user.workHours },
      { postAnyway: user.postAnyway },
      { confidentialTerms: user.confidentialTerms },
    ];
    for (const part of parts) {
      if (Object.values(part).every((v) => v === undefined)) continue;
      const partOrigins = { ...origins };
      const applied = applyUser(effective, part, locks, partOrigins);
      userErrors.push(...applied.ignored);
      const r = safeValidate(input.validate, applied.policy);
      if (r.ok) {
        effective = (isPlainObject(r.policy) ? r.policy : applied.policy) as Json;
        Object.assign(origins, partOrigins);
      } else {
        userErrors.push(...r.errors);
      }
    }
  }

  return {
    effective,
    lastGoodManaged: admin.lastGood,
    status: {
      source: admin.policy ? 'admin' : 'builtin',
      origins,
      locks,
      errors: admin.errors,
      userErrors,
      keptLastGood: admin.keptLastGood,
      wholeLastGood: admin.wholeLastGood,
      updatedAt: now,
    },
  };
}

/** A `policyUrl` is shown only when it is an https link; `javascript:`, `data:` and the like are refused. */
export function safePolicyUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
