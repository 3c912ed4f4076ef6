import { describe, expect, it } from 'vitest';
import { check, compilePolicy } from '../../rules/engine';
import type { Pack } from '../../rules/pack';
import common from '../../rules/packs/common.json';

// A small pack written for these tests, so the engine's mechanics are tested
// independently of the built-in packs' vocabulary.
const pack: Pack = {
  id: 'employer-insult',
  category: 'employer-insult',
  severity: 'warn',
  message: { en: 'Would you say this to your boss?', nl: 'Zou je dit tegen je baas zeggen?' },
  lexicons: {
    't-insult': { nl: ['eikel', 'klootzak{,ken}', 'idioot', '*idioot', 'kut*'], en: ['idiot{,s}'], fr: ['^con'], de: ['idiot', '*idiot'] },
    't-target': { nl: ['baas', '*baas', 'directie'], en: ['boss'], de: ['chef'] },
  },
  rules: [
    {
      id: 'near', type: 'near', a: 't-insult', b: ['t-target', '@employer'], window: 4,
      unless: [{ near: 'negation', of: 'match' }],
      examples: { match: ['x', 'y'], noMatch: ['x', 'y'] },
    },
  ],
};
const confidential: Pack = {
  id: 'confidential', category: 'confidential', severity: 'block',
  message: { en: 'Confidential?' },
  rules: [
    { id: 'terms', type: 'term', lexicon: '@confidential', examples: { match: [], noMatch: [] } },
    { id: 'iban', type: 'detector', detector: 'iban', examples: { match: [], noMatch: [] } },
  ],
};
const political: Pack = {
  id: 'political', category: 'political',
  message: { en: 'Not during work hours.' },
  lexicons: { 't-party': { any: ['=DENK', 'vvd'] }, 't-call': { nl: ['stem op', 'stem'] } },
  rules: [{ id: 'vote', type: 'near', a: 't-call', b: 't-party', window: 2, when: 'work-hours', examples: { match: [], noMatch: [] } }],
};
const packs = [common as unknown as Pack, pack, confidential, political];
const policy = {
  employer: { names: ['Acme Logistics', 'Acme'], handles: ['@acme'] },
  confidential: { terms: ['Project Falcon'] },
  workHours: { timeZone: 'Europe/Brussels', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:00' },
};
const compiled = compilePolicy(policy, packs);
const WED_10 = new Date('2026-03-04T10:00:00+01:00');
const SAT_11 = new Date('2026-03-07T11:00:00+01:00');
const run = (text: string, at = WED_10) => check(text, { compiled, at }).findings;
const quoted = (text: string) => run(text).map((f) => text.slice(f.start, f.end));

describe('check', () => {
  it('reports an insult near a target with offsets into the original text', () => {
    const text = 'Echt, mijn baas is een e1kel.';
    const [f] = run(text);
    expect(f).toMatchObject({ ruleId: 'employer-insult/near', category: 'employer-insult', severity: 'warn', message: 'Zou je dit tegen je baas zeggen?' });
    expect(text.slice(f!.start, f!.end)).toBe('baas is een e1kel');
  });
  it('needs both parts, in the same sentence, within the window', () => {
    expect(run('Ik vond een eikel in het park.')).toEqual([]);
    expect(run('De scheidsrechter is een eikel. Mijn baas is top.')).toEqual([]);
    expect(run('Mijn baas zei dat ik gisteren in het bos een eikel vond')).toEqual([]);
  });
  it('is silenced by a negation between or before the parts', () => {
    expect(run('Mijn baas is geen eikel')).toEqual([]);
  });
  it('matches compounds, stretched, spaced, masked and invisible-char obfuscations', () => {
    expect(quoted('kutbaas!')).toEqual(['kutbaas']);
    expect(quoted('mein Chef ist ein Vollidiot')).toEqual(['Chef ist ein Vollidiot']);
    expect(quoted('my boss is an idiooooot')).toEqual(['boss is an idiooooot']);
    expect(quoted('directie = k l o o t z a k')).toEqual(['directie = k l o o t z a k']);
    expect(quoted('mijn baas is een ei\u200bkel')).toEqual(['baas is een ei\u200bkel']);
    expect(quoted('mijn baas is een e*kel')).toEqual(['baas is een e*kel']);
  });
  it('fills @employer from the policy: names, multi-word names, handles', () => {
    expect(quoted('Acme Logistics = stelletje klootzakken')).toHaveLength(1);
    expect(quoted('@acme is een eikel')).toEqual(['acme is een eikel']);
  });
  it('applies language-strict entries only in that language', () => {
    expect(run('ce con de boss')).toHaveLength(1); // French post: "con" counts
    expect(run('the pros and con of my boss')).toHaveLength(0); // English post: "con" is not an insult
  });
  it('matches policy terms and validated numbers', () => {
    const text = 'Morgen lanceren we project falcon! Stort op BE71 0961 2345 6769.';
    expect(run(text).map((f) => [f.ruleId, text.slice(f.start, f.end)])).toEqual([
      ['confidential/terms', 'project falcon'],
      ['confidential/iban', 'BE71 0961 2345 6769'],
    ]);
  });
  it('political rules fire only inside work hours, in the policy time zone', () => {
    expect(run('Stem op DENK!')).toHaveLength(1);
    expect(run('Stem op DENK!', SAT_11)).toHaveLength(0);
    expect(run('Stem op DENK!', new Date('2026-03-04T16:30:00Z'))).toHaveLength(0); // 17:30 in Brussels
    expect(run('ik denk dat je moet stemmen')).toHaveLength(0); // =DENK is case-sensitive
  });
  it('lets the policy switch categories off and change severity', () => {
    const c2 = compilePolicy({ ...policy, categories: { 'employer-insult': { enabled: false }, confidential: { severity: 'info' } } }, packs);
    expect(check('mijn baas is een eikel', { compiled: c2, at: WED_10 }).findings).toEqual([]);
    expect(check('project falcon', { compiled: c2, at: WED_10 }).findings[0]!.severity).toBe('info');
  });
  it('runs custom rules from the policy: terms and linear-time patterns', () => {
    const c3 = compilePolicy({ customRules: [
      { id: 'codename', category: 'confidential', terms: ['Blue Heron'], severity: 'block', message: { en: 'Code name!' } },
      { id: 'ticket', category: 'confidential', pattern: 'TCK-[0-9]{5}' },
    ] }, packs);
    const text = 'blue heron ships TCK-12345';
    const fs = check(text, { compiled: c3, at: WED_10 }).findings;
    expect(fs.map((f) => [f.ruleId, text.slice(f.start, f.end), f.severity])).toEqual([
      ['custom/codename', 'blue heron', 'block'],
      ['custom/ticket', 'TCK-12345', 'warn'],
    ]);
  });
  it('never throws on hostile input and keeps offsets inside the text', () => {
    const inputs = ['', '\ud800', '\udc00abc\ud800', '\u0000\u0001\uffff', 'a'.repeat(100_000), '😀'.repeat(5000) + ' baas eikel', '\u0301\u0301e\u0301'];
    for (const s of inputs) {
      const r = check(s, { compiled, at: WED_10 });
      for (const f of r.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(s.length);
        expect(f.start).toBeLessThan(f.end);
      }
    }
  });
});
