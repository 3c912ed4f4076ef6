// The pure merge: defaults < admin < user (where not locked), last good
// policy per key, JSON strings, locks, error paths.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, validatePolicy, compilePolicy, check } from '../../rules/index';
import {
  computeEffective,
  readCategory,
  readLocks,
  resolveAdmin,
  safePolicyUrl,
  topLevelKey,
  type Json,
  type Validator,
} from '../../lib/policy-merge';

const validate = validatePolicy as unknown as Validator;
const defaults = DEFAULT_POLICY as unknown as Json;

const ACME: Json = {
  employer: { names: ['Acme Logistics', 'Acme'], handles: ['@acme'], domains: ['acme.example'] },
  confidential: { terms: ['Project Falcon'] },
  workHours: { timeZone: 'Europe/Brussels', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:00' },
};

function run(managed: Json, extra: Partial<Parameters<typeof computeEffective>[0]> = {}) {
  return computeEffective({ managed, defaults, validate, now: 1000, ...extra });
}

describe('topLevelKey', () => {
  it('reads the first key of a JSON path', () => {
    expect(topLevelKey('$.workHours.start')).toBe('workHours');
    expect(topLevelKey('$.customRules[3].pattern')).toBe('customRules');
    expect(topLevelKey('$.categories["employer-insult"].severity')).toBe('categories');
    expect(topLevelKey('$["odd key"].x')).toBe('odd key');
    expect(topLevelKey('$')).toBeNull();
  });
});

describe('computeEffective', () => {
  it('without any policy: built-in defaults, source builtin', () => {
    const out = run({});
    expect(out.status.source).toBe('builtin');
    expect(out.effective.workHours).toEqual(DEFAULT_POLICY.workHours);
    expect(out.status.origins.workHours).toBe('builtin');
    expect(out.status.errors).toEqual([]);
    expect(out.lastGoodManaged).toBeNull();
  });

  it('a valid admin policy applies over the defaults and becomes the last good one', () => {
    const out = run(ACME);
    expect(out.status.source).toBe('admin');
    expect(out.effective.employer).toEqual(ACME.employer);
    expect(out.effective.postAnyway).toEqual(DEFAULT_POLICY.postAnyway); // default kept
    expect(out.status.origins.employer).toBe('admin');
    expect(out.status.origins.postAnyway).toBe('builtin');
    expect(out.lastGoodManaged).toEqual(ACME);
    expect(validatePolicy(out.effective).ok).toBe(true);
  });

  it('accepts JSON strings where objects and arrays are expected (Firefox, GPO)', () => {
    const out = run({
      employer: JSON.stringify(ACME.employer),
      customRules: JSON.stringify([{ id: 'falcon', category: 'confidential', terms: ['Falcon'] }]),
      postAnyway: '{"warn": true, "block": false, "requireReason": "true"}',
      locks: '["categories"]',
    });
    expect(out.status.errors).toEqual([]);
    expect(out.effective.employer).toEqual(ACME.employer);
    expect((out.effective.customRules as unknown[]).length).toBe(1);
    expect((out.effective.postAnyway as Json).requireReason).toBe(true);
    expect(out.status.locks.categories).toHaveLength(5);
  });

  it('an invalid key keeps its last good value; the valid keys of the new policy apply', () => {
    const first = run(ACME);
    const broken = { ...ACME, employer: { names: ['Globex'] }, workHours: { ...(ACME.workHours as Json), start: '25:00' } };
    const out = run(broken, { lastGoodManaged: first.lastGoodManaged });
    expect(out.status.errors.map((e) => e.path)).toEqual(['$.workHours.start']);
    expect(out.status.keptLastGood).toEqual(['workHours']);
    expect(out.effective.workHours).toEqual(ACME.workHours); // last good
    expect(out.effective.employer).toEqual({ names: ['Globex'] }); // new, valid part
    expect(out.status.source).toBe('admin');
    expect(validatePolicy(out.effective).ok).toBe(true);
  });

  it('an invalid key without a last good value is left out; the rest applies', () => {
    const out = run({ ...ACME, policyUrl: 'javascript:alert(1)' });
    expect(out.status.errors[0]?.path).toBe('$.policyUrl');
    expect(out.effective.policyUrl).toBeUndefined();
    expect(out.effective.employer).toEqual(ACME.employer);
  });

  it('a policy that cannot be read at all keeps the whole last good policy', () => {
    const first = run(ACME);
    const out = computeEffective({
      managed: { employer: '{not json' },
      lastGoodManaged: first.lastGoodManaged,
      defaults,
      validate: () => ({ ok: false, errors: [{ path: '$', message: 'unreadable' }] }),
    });
    expect(out.status.wholeLastGood).toBe(true);
    expect(out.effective.employer).toEqual(ACME.employer);
    expect(out.lastGoodManaged).toEqual(first.lastGoodManaged);
  });

  it('a string that is not JSON is an error at its path, not a crash', () => {
    const first = run(ACME);
    const out = run({ ...ACME, employer: '{"names": ["Acme"' }, { lastGoodManaged: first.lastGoodManaged });
    expect(out.status.errors[0]?.path).toBe('$.employer');
    expect(out.status.errors[0]?.message).toMatch(/JSON/);
    expect(out.effective.employer).toEqual(ACME.employer);
  });

  it('one bad custom rule does not lose the other settings', () => {
    const out = run({
      ...ACME,
      customRules: [
        { id: 'ok', category: 'confidential', terms: ['Falcon'] },
        { id: 'bad', category: 'confidential', pattern: '(unclosed' },
      ],
    });
    expect(out.status.errors.map((e) => e.path)).toEqual(['$.customRules[1].pattern']);
    expect(out.effective.employer).toEqual(ACME.employer);
    expect(out.effective.confidential).toEqual(ACME.confidential);
  });

  it('a validator that throws never breaks the store', () => {
    const out = computeEffective({
      managed: ACME,
      defaults,
      validate: () => {
        throw new Error('boom');
      },
    });
    expect(out.status.errors[0]?.message).toMatch(/boom/);
    expect(out.effective).toBeDefined();
  });

  it('the user may turn off and re-grade categories the admin did not lock', () => {
    const out = run(
      { ...ACME, categories: { hate: { severity: 'block' } }, locks: ['categories'] },
      { user: { categories: { hate: { enabled: false } } } },
    );
    expect(readCategory(out.effective, 'hate')).toEqual({ id: 'hate', enabled: true, severity: 'block' });
    expect(out.status.origins['categories.hate']).toBe('admin');

    const free = run(
      { ...ACME, categories: { hate: { severity: 'block' } } },
      { user: { categories: { hate: { enabled: false }, political: { severity: 'info' } } } },
    );
    expect(readCategory(free.effective, 'hate').enabled).toBe(false);
    expect(readCategory(free.effective, 'political').severity).toBe('info');
    expect(free.status.origins['categories.hate']).toBe('user');
    expect(free.status.origins['categories.political']).toBe('user');
    expect(free.status.origins['categories.confidential']).toBe('builtin');
  });

  it('per-category locks ("hate" or "categories.hate" in locks) lock that category only', () => {
    const locks = readLocks({ locks: ['hate', 'categories.political', 'language', 'snooze'] });
    expect(locks.categories).toEqual(['hate', 'political']);
    expect(locks.settings).toEqual(['language', 'snooze']);
    expect(locks.snooze).toBe(true);
  });

  it('language and work hours follow the user unless locked', () => {
    const free = run(ACME, { user: { language: 'nl', workHours: { start: '09:00' } } });
    expect(free.effective.language).toBe('nl');
    expect((free.effective.workHours as Json).start).toBe('09:00');
    expect((free.effective.workHours as Json).timeZone).toBe('Europe/Brussels');
    expect(free.status.origins.workHours).toBe('user');

    const locked = run({ ...ACME, language: 'fr', locks: ['language', 'workHours'] }, { user: { language: 'nl', workHours: { start: '09:00' } } });
    expect(locked.effective.language).toBe('fr');
    expect((locked.effective.workHours as Json).start).toBe('08:30');
  });

  it('"post anyway" follows the user unless locked', () => {
    const free = run(ACME, { user: { postAnyway: { requireReason: true } } });
    expect(free.effective.postAnyway).toEqual({ warn: true, block: false, requireReason: true });
    expect(free.status.origins.postAnyway).toBe('user');
    const locked = run({ ...ACME, postAnyway: { block: false }, locks: ['postAnyway'] }, { user: { postAnyway: { block: true } } });
    expect((locked.effective.postAnyway as Json).block).toBe(false);
  });

  it('the user’s own confidential terms are added to the admin’s', () => {
    const out = run(ACME, { user: { confidentialTerms: ['Bluebird', ' ', 'Project Falcon'] } });
    expect((out.effective.confidential as Json).terms).toEqual(['Project Falcon', 'Bluebird']);
  });

  it('an invalid part of the user’s settings is ignored and reported; the other parts and the admin policy stay', () => {
    const out = run(ACME, { user: { workHours: { start: '18:00' }, language: 'de', categories: { political: { enabled: false } } } });
    expect(out.status.userErrors.map((e) => e.path)).toContain('$.workHours.end');
    expect(out.effective.workHours).toEqual(ACME.workHours);
    expect(out.effective.language).toBe('de');
    expect(readCategory(out.effective, 'political').enabled).toBe(false);
    expect(out.status.origins.workHours).toBe('admin');
  });

  it('the effective policy compiles and checks: an admin custom rule fires, a user-disabled category does not', () => {
    const admin = { ...ACME, customRules: [{ id: 'bluebird', category: 'confidential', terms: ['Bluebird'] }] };
    const compiled = compilePolicy(run(admin).effective);
    const r = check('Nice day at the office. Bluebird launches soon!', { compiled, at: new Date('2026-03-04T10:00:00+01:00') });
    expect(r.findings.some((f) => f.category === 'confidential')).toBe(true);

    const off = run(admin, { user: { categories: { confidential: { enabled: false } } } });
    const r2 = check('Bluebird launches soon!', { compiled: compilePolicy(off.effective) });
    expect(r2.findings).toEqual([]);
  });
});

describe('resolveAdmin', () => {
  it('drops keys the validator rejects only in combination, round by round', () => {
    // start/end each valid, but end before start is an error at $.workHours.end
    const r = resolveAdmin({ ...ACME, workHours: { start: '18:00', end: '09:00' } }, null, validate);
    expect(r.errors.map((e) => e.path)).toEqual(['$.workHours.end']);
    expect(r.policy?.workHours).toBeUndefined();
    expect(r.policy?.employer).toEqual(ACME.employer);
  });
});

describe('errors found in later rounds', () => {
  it('reports semantic errors hidden behind schema errors (the validator stops at the schema first)', () => {
    const first = run(ACME);
    const out = run(
      {
        ...ACME,
        workHours: { ...(ACME.workHours as Json), start: '25:00' },
        customRules: [{ id: 'bad', category: 'confidential', pattern: '(unclosed' }],
      },
      { lastGoodManaged: first.lastGoodManaged },
    );
    expect(out.status.errors.map((e) => e.path).sort()).toEqual(['$.customRules[0].pattern', '$.workHours.start']);
    expect(out.effective.customRules).toBeUndefined();
    expect(out.effective.workHours).toEqual(ACME.workHours);
  });
});

describe('safePolicyUrl', () => {
  it('shows https links and refuses javascript:, data: and garbage', () => {
    expect(safePolicyUrl('https://intranet.acme.example/social')).toBe('https://intranet.acme.example/social');
    expect(safePolicyUrl('javascript:alert(1)')).toBeNull();
    expect(safePolicyUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safePolicyUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safePolicyUrl('not a url')).toBeNull();
    expect(safePolicyUrl(42)).toBeNull();
  });
});
