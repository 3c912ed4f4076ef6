import { describe, expect, it } from 'vitest';
import { check, compilePolicy } from '../../rules';
import type { Pack } from '../../rules/pack';
import { freezePacks, thawPacks } from '../../rules/packs-snapshot';
import { oneTypo } from '../../rules/typos';

// One typo away (rules/typos.ts): words of a pack's `fuzzy` lexicons also
// match with one letter missing, one extra or two neighbours swapped.
describe('oneTypo', () => {
  it('accepts one missing, one extra or two swapped neighbouring letters', () => {
    expect(oneTypo('moslms', 'moslims')).toBe(true);
    expect(oneTypo('mosliims', 'moslims')).toBe(true);
    expect(oneTypo('mosilms', 'moslims')).toBe(true);
    expect(oneTypo('moslism', 'moslims')).toBe(true);
  });
  it('refuses substitutions, a wrong first letter, two typos and the word itself', () => {
    expect(oneTypo('moslimz', 'moslims')).toBe(false);
    expect(oneTypo('boslims', 'moslims')).toBe(false);
    expect(oneTypo('omslims', 'moslims')).toBe(false);
    expect(oneTypo('mslms', 'moslims')).toBe(false);
    expect(oneTypo('msoilms', 'moslims')).toBe(false);
    expect(oneTypo('moslims', 'moslims')).toBe(false);
  });
});

const ex = { match: ['x', 'y'], noMatch: ['x', 'y'] };
const pack: Pack = {
  id: 'hate', category: 'hate', message: { en: 'Hate?' },
  fuzzy: ['t-group'],
  lexicons: {
    't-group': { en: ['refugees', 'immigrants', 'arabs'], nl: ['vluchtelingen', 'marokkanen'], fr: ['mongols'] },
    't-slur': { nl: ['kutmarokkanen', 'mongool'] },
    't-adj': { en: ['dirty', 'lazy'], nl: ['vies', 'lui', 'tuig'] },
  },
  rules: [
    { id: 'attr', type: 'near', a: 't-group', b: 't-adj', window: 3, examples: ex },
    { id: 'slur', type: 'term', lexicon: 't-slur', examples: ex },
  ],
};
const compiled = compilePolicy({}, [pack]);
const found = (text: string, c = compiled) => check(text, { compiled: c, keepOverlaps: true }).findings.map((f) => `${f.ruleId.split('/')[1]}:${text.slice(f.start, f.end)}`);

describe('typo matching in the engine', () => {
  it('reads a group word with one typo as the group', () => {
    expect(found('Refguees are dirty')).toEqual(['attr:Refguees are dirty']);
    expect(found('immigrnts are lazy')).toEqual(['attr:immigrnts are lazy']);
    expect(found('Die marokanen zijn tuig')).toEqual(['attr:marokanen zijn tuig']);
  });
  it('only in the post’s own language, and only for the lexicons that allow it', () => {
    // "Mongools" (Dutch: Mongolian) is one letter from French "mongols" and Dutch "mongool".
    expect(found('Het Mongools eten hier is vies lekker, echt een aanrader voor iedereen')).toEqual([]);
    expect(found('Die kutmarokanen weer')).toEqual([]); // t-slur is not fuzzy
    expect(found('Die kutmarokkanen weer')).toEqual(['slur:kutmarokkanen']);
  });
  it('reads a hyphenated compound as one word, and @ at the start of a word as a', () => {
    expect(found('Die kut-marokkanen weer')).toEqual(['slur:kut-marokkanen']);
    expect(found('@rabs are dirty')).toEqual(['attr:rabs are dirty']); // the handle's letters
    expect(found('@acme is dirty')).toEqual([]);
  });
  it('behaves the same from the build-time snapshot', () => {
    const thawed = thawPacks(JSON.parse(JSON.stringify(freezePacks([pack]))));
    const c = compilePolicy({}, thawed);
    for (const t of ['Refguees are dirty', 'Die marokanen zijn tuig', 'Het Mongools eten hier is vies lekker', 'Die kut-marokkanen weer']) {
      expect(found(t, c)).toEqual(found(t));
    }
  });
});
