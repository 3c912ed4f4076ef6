import { describe, expect, it } from 'vitest';
import { check, compilePolicy, validatePacks } from '../../rules';
import type { Pack } from '../../rules/pack';

const ex = { match: ['x', 'y'], noMatch: ['x', 'y'] };
const pack: Pack = {
  id: 'hate', category: 'hate', message: { en: 'Hate?' },
  lexicons: {
    'f-group': { en: ['refugees', 'migrants'], nl: ['vluchtelingen'] },
    'f-copula': { en: ['are', 'were'], nl: ['zijn'] },
    'f-adj': { en: ['dirty', 'lazy'], nl: ['vies', 'lui'] },
    'f-neg': { en: ['not', 'never'], nl: ['niet'] },
    'f-pred': { seq: ['f-copula', '_{0,2}', 'f-adj'] },
    'f-all': { seq: ['f-group', 'f-pred'] },
    'f-phrase': { en: ['are _ dirty'] },
  },
  rules: [
    { id: 'seq', type: 'term', lexicon: 'f-all', unless: [{ near: 'f-neg', side: 'inside', of: 'a' }, { quoted: true }], examples: ex },
    { id: 'req', type: 'near', a: 'f-group', b: 'f-adj', window: 4, requires: [{ near: 'f-copula', of: 'b', side: 'before', window: 3 }], examples: ex },
    { id: 'post-scope', type: 'near', a: 'f-group', b: 'f-adj', window: 12, scope: 'post', unless: [{ sentence: 'f-neg', of: 'a' }], examples: ex },
    { id: 'near-neg', type: 'near', a: 'f-group', b: 'f-adj', window: 6, unless: [{ near: 'f-neg', of: 'b', side: 'before', window: 1 }], examples: ex },
  ],
};
const compiled = compilePolicy({}, [pack]);
const ids = (text: string, rule: string) => check(text, { compiled, keepOverlaps: true }).findings.filter((f) => f.ruleId === `hate/${rule}`).map((f) => text.slice(f.start, f.end));

describe('pack features', () => {
  it('derived sequence lexicons with gaps, alternatives and nesting', () => {
    expect(ids('Refugees are dirty', 'seq')).toEqual(['Refugees are dirty']);
    expect(ids('migrants were really very lazy!', 'seq')).toEqual(['migrants were really very lazy']);
    expect(ids('migrants were not at all really lazy', 'seq')).toEqual([]); // gap of 4 > 2
    expect(ids('Vluchtelingen zijn vies', 'seq')).toEqual(['Vluchtelingen zijn vies']);
    expect(ids('Refugees. Are dirty', 'seq')).toEqual([]); // one sentence only
  });
  it('unless side "inside" sees a negation within the match; quoted matches are dropped', () => {
    expect(ids('Refugees are not dirty', 'seq')).toEqual([]);
    expect(ids('He said “refugees are dirty” and that is racist', 'seq')).toEqual([]);
    expect(ids("He said 'refugees are dirty' and that is racist", 'seq')).toEqual([]); // straight quotes too
    expect(ids("I don't care, refugees are dirty", 'seq')).toEqual(['refugees are dirty']); // an apostrophe is no quote
    expect(ids("Jones' view: refugees are dirty, that's it", 'seq')).toEqual(['refugees are dirty']);
  });
  it('requires: the rule fires only when every condition holds', () => {
    expect(ids('refugees are lazy', 'req')).toEqual(['refugees are lazy']);
    expect(ids('refugees, lazy', 'req')).toEqual([]);
  });
  it('near: when a filter silences the nearest partner, the next one is tried', () => {
    expect(ids('refugees are not lazy', 'near-neg')).toEqual([]);
    expect(ids('refugees are not lazy but dirty', 'near-neg')).toEqual(['refugees are not lazy but dirty']);
    expect(ids('refugees are not lazy, not dirty', 'near-neg')).toEqual([]);
  });
  it('a sentence filter with "of" looks only at that part’s sentence', () => {
    expect(ids('Refugees arrived. They never stop, so dirty', 'post-scope')).toEqual(['Refugees arrived. They never stop, so dirty']);
    expect(ids('Refugees never arrived. So dirty', 'post-scope')).toEqual([]);
  });
  it('validation refuses unknown parts, edge gaps and cycles', () => {
    const bad = (lexicons: Pack['lexicons']): Pack => ({ ...pack, lexicons: { ...pack.lexicons, ...lexicons } });
    expect(() => validatePacks([bad({ 'f-x': { seq: ['f-group', 'nope'] } })])).toThrow(/unknown lexicon "nope"/);
    expect(() => validatePacks([bad({ 'f-x': { seq: ['_', 'f-group'] } })])).toThrow(/gap cannot start/);
    expect(() => compilePolicy({}, [bad({ 'f-a': { seq: ['f-b', 'f-group'] }, 'f-b': { seq: ['f-a', 'f-group'] } })])).toThrow(/refers to itself/);
  });
});
