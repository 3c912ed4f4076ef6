import { describe, expect, it } from 'vitest';
import { check, compilePolicy, PolicyError, validatePolicy } from '../../rules';

describe('validatePolicy', () => {
  it('accepts the documented example policy', () => {
    const r = validatePolicy({
      employer: { names: ['Acme Logistics', 'Acme'], handles: ['@acme'], domains: ['acme.example'] },
      confidential: { terms: ['Project Falcon'] },
      workHours: { timeZone: 'Europe/Brussels', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:00' },
    });
    expect(r).toMatchObject({ ok: true, errors: [] });
  });
  it('names every error by JSON path', () => {
    const r = validatePolicy({
      employer: { names: 'Acme' },
      workHours: { timeZone: 'Europe/Brussels', days: ['mon', 'funday'], start: '8:30' },
      categories: { hate: { severity: 'loud' } },
      surprise: 1,
    });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.path).sort()).toEqual([
      '$.categories.hate.severity',
      '$.employer.names',
      '$.surprise',
      '$.workHours.days[1]',
      '$.workHours.start',
    ]);
  });
  it('accepts JSON strings where objects or arrays are expected (Firefox / GPO)', () => {
    const r = validatePolicy({ employer: '{"names": ["Acme"]}', confidential: { terms: '["Falcon"]' } });
    expect(r.ok).toBe(true);
    expect(r.policy).toEqual({ employer: { names: ['Acme'] }, confidential: { terms: ['Falcon'] } });
    expect(validatePolicy({ employer: '{"names": [' }).errors[0]!.path).toBe('$.employer');
  });
  it('checks what the schema cannot: time zones, RE2 patterns, https links, duplicate ids', () => {
    const r = validatePolicy({
      workHours: { timeZone: 'Europe/Atlantis' },
      customRules: [
        { id: 'a', category: 'confidential', pattern: '(a+' },
        { id: 'a', category: 'confidential', terms: ['x'] },
        { id: 'b', category: 'hate' },
        { id: 'c', category: 'confidential', pattern: '(?=lookahead)' },
      ],
      policyUrl: 'https://intranet.example/policy',
    });
    expect(r.errors.map((e) => e.path)).toEqual([
      '$.workHours.timeZone', '$.customRules[0].pattern', '$.customRules[1].id', '$.customRules[2]', '$.customRules[3].pattern',
    ]);
    expect(validatePolicy({ policyUrl: 'javascript:alert(1)' }).ok).toBe(false);
  });
  it('compilePolicy refuses an invalid policy with a PolicyError', () => {
    expect(() => compilePolicy({ workHours: { end: 'late' } })).toThrow(PolicyError);
  });
  it('runs an admin pattern that is catastrophic for backtracking engines in linear time', () => {
    const compiled = compilePolicy({ customRules: [{ id: 'evil', category: 'confidential', pattern: '(a+)+$' }] });
    const text = 'a'.repeat(5000) + '!';
    const r = check(text, { compiled });
    expect(r.findings).toEqual([]); // no match because of the '!', and it returned at all
  });
});
