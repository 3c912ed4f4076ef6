import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LexiconIndex } from '../../rules/lexicon';
import { normalize } from '../../rules/text';
// @ts-expect-error: plain JS build script without types
import { inflect } from '../../scripts/inflect-packs.mjs';

describe('English inflections (compromise, at build time)', () => {
  it('inflects nouns and verbs, honouring hints', () => {
    expect(inflect('parasite', '')).toEqual(['parasite', 'parasites']);
    expect(inflect('thief', '')).toEqual(['thief', 'thieves']);
    expect(inflect('rat', 'n')).toEqual(['rat', 'rats']);
    expect(inflect('deport', 'v')).toEqual(['deport', 'deported', 'deporting', 'deports']);
  });
  it('rules/packs/inflections.json is up to date with the packs', () => {
    expect(() => execFileSync(process.execPath, ['scripts/inflect-packs.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
  it('the lexicon expands ~ entries from the table, and keeps the base form without one', () => {
    const idx = new LexiconIndex({ 'cockroach~': ['cockroach', 'cockroaches'] });
    idx.add('w', 'cockroach~', 'en');
    idx.add('w', 'vermin~', 'en');
    const hits = (s: string) => idx.match(normalize(s).tokens, 'en').flat().length;
    expect(hits('two cockroaches and a cockroach')).toBe(2);
    expect(hits('vermin')).toBe(1);
  });
});
