// The options page and popup strings: four complete languages with the same
// placeholders, and the browser's language picked (English otherwise).
import { describe, expect, it } from 'vitest';
import { ALL_DICTS, browserLang, makeT } from '../../lib/ui-i18n';

describe('options/popup strings', () => {
  const en = ALL_DICTS.en;
  for (const lang of ['nl', 'fr', 'de'] as const) {
    it(`${lang}: every string exists, is not empty, and has the same {placeholders} as English`, () => {
      const dict = ALL_DICTS[lang];
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(dict)) {
        expect(v.trim(), `${lang}.${k}`).not.toBe('');
        const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(vars(v), `${lang}.${k}`).toEqual(vars(en[k as keyof typeof en]));
      }
    });
  }

  it('follows the browser language, English otherwise', () => {
    expect(browserLang('nl-BE')).toBe('nl');
    expect(browserLang('fr_CA')).toBe('fr');
    expect(browserLang('de')).toBe('de');
    expect(browserLang('es-ES')).toBe('en');
  });

  it('fills placeholders and never interprets markup (plain strings)', () => {
    const t = makeT('en');
    expect(t('popupErrors', { n: 2 })).toBe('2 problem(s) in the organisation policy');
    expect(t('remove', { item: '<b>x</b>' })).toBe('Remove <b>x</b>');
  });
});
