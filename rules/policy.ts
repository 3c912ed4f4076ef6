// The policy an admin pushes (managed storage, policies.json, or the CLI's
// --policy file): its type, defaults and strict validation.

import { re2 } from './re2';
import schemaJson from './policy-schema.json';
import { validate, type PathError, type Schema } from './schema';
import type { Category, Lang, Localized, Severity } from './types';

export const policySchema = schemaJson as Schema;

export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface CustomRule {
  id: string;
  category: Category;
  terms?: string[];
  pattern?: string;
  severity?: Severity;
  message?: Localized;
}

export interface Policy {
  employer?: { names?: string[]; handles?: string[]; domains?: string[] };
  confidential?: { terms?: string[] };
  workHours?: { timeZone?: string; days?: Day[]; start?: string; end?: string };
  categories?: Partial<Record<Category, { enabled?: boolean; severity?: Severity }>>;
  customRules?: CustomRule[];
  postAnyway?: { warn?: boolean; block?: boolean; requireReason?: boolean };
  policyUrl?: string;
  language?: 'auto' | Lang;
  locks?: string[];
  media?: { enabled?: boolean; severity?: Severity };
  sites?: Partial<Record<Site, SiteSetting>>;
}

export const SITES = ['x', 'facebook', 'linkedin'] as const;
export type Site = (typeof SITES)[number];
export interface SiteSetting {
  employerInProfile?: boolean;
  categories?: Partial<Record<Category, { enabled?: boolean; severity?: Severity }>>;
}

/** What applies when nobody configured anything. */
export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  workHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Day[], start: '09:00', end: '17:00' },
  postAnyway: { warn: true, block: false, requireReason: false },
  language: 'auto' as const,
});

export type PolicyValidation = { ok: true; policy: Policy; errors: [] } | { ok: false; policy?: undefined; errors: PathError[] };

export class PolicyError extends Error {
  constructor(readonly errors: PathError[]) {
    super(`invalid policy:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
    this.name = 'PolicyError';
  }
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validate a policy: the schema, then what a schema cannot say (time zones
 * exist, patterns compile on the linear-time engine, rule ids are unique).
 * Accepts JSON strings wherever an object or array is expected.
 */
export interface ValidateOptions {
  /**
   * Check that the time zone exists (default true). The first use of the
   * time-zone database costs ~40 ms of ICU start-up; a tab compiling a policy
   * the background already validated skips it (workhours.ts falls back to
   * local time on a zone it cannot use).
   */
  timeZones?: boolean;
}

export function validatePolicy(input: unknown, opts: ValidateOptions = {}): PolicyValidation {
  if (input === undefined || input === null) return { ok: true, policy: {}, errors: [] };
  const { value, errors } = validate(policySchema, input);
  if (errors.length) return { ok: false, errors };
  const p = value as Policy;
  const more: PathError[] = [];
  if (opts.timeZones !== false && p.workHours?.timeZone && !validTimeZone(p.workHours.timeZone)) {
    more.push({ path: '$.workHours.timeZone', message: `"${p.workHours.timeZone}" is not a known IANA time zone (e.g. Europe/Brussels)` });
  }
  if (p.workHours?.start && p.workHours.end && p.workHours.start >= p.workHours.end) {
    more.push({ path: '$.workHours.end', message: `must be later than start (${p.workHours.start})` });
  }
  const ids = new Set<string>();
  p.customRules?.forEach((r, i) => {
    const at = `$.customRules[${i}]`;
    if (ids.has(r.id)) more.push({ path: `${at}.id`, message: `duplicate rule id "${r.id}"` });
    ids.add(r.id);
    if (!r.terms?.length && !r.pattern) more.push({ path: at, message: 'needs "terms" or "pattern"' });
    if (r.pattern !== undefined) {
      try {
        re2().compile(r.pattern);
      } catch (e) {
        more.push({ path: `${at}.pattern`, message: `not a valid RE2 pattern: ${(e as Error).message}` });
      }
    }
  });
  if (p.policyUrl !== undefined) {
    try {
      const u = new URL(p.policyUrl);
      if (u.protocol !== 'https:') more.push({ path: '$.policyUrl', message: 'must be an https:// link' });
    } catch {
      more.push({ path: '$.policyUrl', message: 'is not a valid URL' });
    }
  }
  if (more.length) return { ok: false, errors: more };
  return { ok: true, policy: p, errors: [] };
}
