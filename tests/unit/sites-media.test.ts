import { describe, expect, it } from 'vitest';
import { check, compilePolicy, describeMedia, mediaNudge, validatePolicy } from '../../rules';
import examplePolicy from '../../rules/example-policy.json';

const at = new Date('2026-03-04T10:00:00+01:00');
const insult = 'Mijn baas is een eikel.';
const sev = (policy: object, site?: 'x' | 'facebook' | 'linkedin', text = insult) =>
  check(text, { compiled: compilePolicy(policy), at, site }).findings.map((f) => f.severity);

describe('per-site settings and employerInProfile', () => {
  it('LinkedIn is stricter by default: employer-insult rises one step, with the reason', () => {
    expect(sev(examplePolicy, 'x')).toEqual(['warn']);
    const r = check(insult, { compiled: compilePolicy(examplePolicy), at, site: 'linkedin' });
    expect(r.findings.map((f) => [f.severity, f.raised])).toEqual([['block', true]]);
    expect(r.stricter?.reason).toMatch(/LinkedIn/);
    expect(r.stricter?.reason).toMatch(/werkgever/); // in the post's language
  });
  it('employerInProfile can be switched per site', () => {
    const p = { ...examplePolicy, sites: { x: { employerInProfile: true }, linkedin: { employerInProfile: false } } };
    expect(sev(p, 'x')).toEqual(['block']);
    expect(sev(p, 'linkedin')).toEqual(['warn']);
  });
  it('hate and political do not rise; a severity the admin set for the site is final', () => {
    const p = { ...examplePolicy, sites: { linkedin: { categories: { 'employer-insult': { severity: 'info' } } } } };
    expect(sev(p, 'linkedin')).toEqual(['info']);
    const hate = 'Alle vluchtelingen zijn ratten die uitgeroeid moeten worden.';
    expect(sev(examplePolicy, 'linkedin', hate)).toEqual(sev(examplePolicy, 'x', hate));
  });
  it('a site can switch a category off', () => {
    expect(sev({ ...examplePolicy, sites: { facebook: { categories: { 'employer-insult': { enabled: false } } } } }, 'facebook')).toEqual([]);
  });
  it('the schema validates sites and media, by JSON path', () => {
    expect(validatePolicy({ sites: { linkedin: { employerInProfile: true } }, media: { severity: 'warn' } }).ok).toBe(true);
    expect(validatePolicy({ sites: { myspace: {} }, media: { severity: 'loud' } }).errors.map((e) => e.path).sort()).toEqual(['$.media.severity', '$.sites.myspace']);
  });
});

describe('media nudge', () => {
  it('asks calmly, with the count in the post language', () => {
    expect(mediaNudge({ images: 1, videos: 0, gifs: 0 }, {}, 'nl')).toEqual({ severity: 'info', count: '1 foto', message: 'Zou je dit ook aan al je collega’s laten zien? (1 foto)' });
    expect(describeMedia({ images: 2, videos: 1, gifs: 1 }, 'en')).toBe('2 photos, 1 video and 1 GIF');
    expect(describeMedia({ images: 0, videos: 2, gifs: 0 }, 'fr')).toBe('2 vidéos');
  });
  it('follows policy: off, or a severity that holds the post', () => {
    expect(mediaNudge({ images: 1, videos: 0, gifs: 0 }, { media: { enabled: false } }, 'en')).toBeUndefined();
    expect(mediaNudge({ images: 0, videos: 1, gifs: 0 }, { media: { severity: 'warn' } }, 'de')?.severity).toBe('warn');
    expect(mediaNudge({ images: 0, videos: 0, gifs: 0 }, {}, 'en')).toBeUndefined();
  });
});
