import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, runPackExamples, validatePacks } from '../../rules';

describe('built-in packs', () => {
  it('are valid (schema, lexicon references, examples present)', () => {
    expect(() => validatePacks(BUILTIN_PACKS)).not.toThrow();
  });
  it('pass all their own examples', () => {
    const { total, failures } = runPackExamples(BUILTIN_PACKS);
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(0);
  });
});
