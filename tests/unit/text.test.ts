import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../rules/text';

const toks = (s: string) => normalize(s).tokens.map((t) => t.t);
const spans = (s: string) => normalize(s).tokens.map((t) => s.slice(t.start, t.end));

describe('normalize', () => {
  it('folds case, diacritics, ß and compatibility forms', () => {
    expect(toks('Élève STRAẞE ﬁn Ｗｏｒｋ')).toEqual(['eleve', 'strasse', 'fin', 'work']);
  });
  it('drops zero-width and invisible characters but keeps offsets on the original', () => {
    const s = 'een ei\u200bkel\u00ad!';
    expect(toks(s)).toEqual(['een', 'eikel']);
    expect(spans(s)[1]).toBe('ei\u200bkel');
  });
  it('undoes leetspeak only inside words', () => {
    expect(toks('e1kel h0mo $hit sh!t 2026 @acme')).toEqual(['eikel', 'homo', 'shit', 'shit', '2026', 'acme']);
  });
  it('keeps digits in number+unit and name+number tokens', () => {
    expect(toks('om 10pm op de 3de dag, 50plus en D66, covid19 maar 1d10t en e1kel')).toEqual(['om', '10pm', 'op', 'de', '3de', 'dag', '50plus', 'en', 'd66', 'covid19', 'maar', 'idiot', 'en', 'eikel']);
  });
  it('reads runs of leet symbols inside words and a final $', () => {
    expect(toks('a$$hole Arab$ cost $5 wow!! j00den')).toEqual(['asshole', 'arabs', 'cost', '5', 'wow', 'jooden']);
    expect(normalize('j00den').tokens[0]!.stretched).toBe(true); // leet doubles are matched like stretched letters
  });
  it('joins spaced-out letters', () => {
    expect(toks('je bent een k l o o t z a k echt')).toEqual(['je', 'bent', 'een', 'klootzak', 'echt']);
    expect(toks('k.l.o.o.t.z.a.k')).toEqual(['klootzak']);
    expect(toks('il y a un')).toEqual(['il', 'y', 'a', 'un']); // only two single letters in a row
  });
  it('marks masked letters and stretched words', () => {
    const n = normalize('f*ck idioooot');
    expect(n.tokens[0]).toMatchObject({ t: 'f*ck', masked: true });
    expect(n.tokens[1]).toMatchObject({ t: 'idioooot', stretched: true });
  });
  it('splits sentences at sentence marks and line breaks', () => {
    const n = normalize('Ik zag ze. Ze waren daar!\nNieuw 3.5 punt');
    expect(n.tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
  });
  it('maps astral characters and emoji to correct UTF-16 ranges', () => {
    const s = '😀 baas 𝐞𝐢𝐤𝐞𝐥';
    const n = normalize(s);
    expect(n.tokens.map((t) => t.t)).toEqual(['baas', 'eikel']);
    expect(s.slice(n.tokens[1]!.start, n.tokens[1]!.end)).toBe('𝐞𝐢𝐤𝐞𝐥');
  });
  it('folds accents added to letters', () => {
    expect(toks('mùslims jüden Nôirs Arâber')).toEqual(['muslims', 'juden', 'noirs', 'araber']);
  });
});

describe('normalize: leet among spaced-out letters', () => {
  it('reads digits and lone @ $ € as letters inside a run of spaced-out letters', () => {
    expect(toks('Z w @ r t e n horen')).toEqual(['zwarten', 'horen']);
    expect(toks('m 0 s l i m s')).toEqual(['moslims']);
    expect(toks('j 3 w s')).toEqual(['jews']);
    expect(toks('$ h i t')).toEqual(['shit']);
    expect(toks('h o m 0')).toEqual(['homo']);
    expect(spans('de Z w @ r t e n')).toEqual(['de', 'Z w @ r t e n']);
    expect(normalize('j 0 0 d e n').tokens[0]).toMatchObject({ t: 'jooden', stretched: true, joined: true });
  });
  it('keeps numbers, units and lists: digits are letters only among at least three letters, never first', () => {
    expect(toks('om 10 pm op de 3 de dag')).toEqual(['om', '10', 'pm', 'op', 'de', '3', 'de', 'dag']);
    expect(toks('1 2 3')).toEqual(['1', '2', '3']);
    expect(toks('5 x 3 m')).toEqual(['5', 'x', '3', 'm']);
    expect(toks('1 v 1 en a 1 b')).toEqual(['1', 'v', '1', 'en', 'a', '1', 'b']);
    expect(toks('1 a b c')).toEqual(['1', 'abc']);
    expect(toks('1 2 3 a b c d')).toEqual(['1', '2', '3', 'abcd']);
    expect(toks('cost $ 5 @ noon')).toEqual(['cost', '5', 'noon']);
    expect(toks('a b c')).toEqual(['abc']);
  });
  it('does not take a leading article into the spelled-out word', () => {
    expect(toks('you are a j e r k')).toEqual(['you', 'are', 'a', 'jerk']);
    expect(toks('I am a m o r o n')).toEqual(['i', 'am', 'a', 'moron']);
    expect(spans('a c u n t')).toEqual(['a', 'c u n t']);
    // …but "a" is the first letter where it cannot be an article.
    expect(toks('a s s h o l e')).toEqual(['asshole']); // no word starts with "ss"
    expect(toks('the a r a b s')).toEqual(['the', 'arabs']); // a plural, and after a determiner
    expect(toks('an a r a b')).toEqual(['an', 'arab']);
    expect(toks('die a p e n')).toEqual(['die', 'apen']);
    expect(toks('a l l o c h t o n e n')).toEqual(['allochtonen']);
    expect(toks('a u s l a e n d e r')).toEqual(['auslaender']);
    expect(toks('i m m i g r a n t s')).toEqual(['immigrants']);
  });
});

describe('normalize: a dot inside a word', () => {
  it('joins a word split by one dot', () => {
    expect(toks('Schw.ule sind Abschaum.')).toEqual(['schwule', 'sind', 'abschaum']);
    expect(toks('die mos.lims')).toEqual(['die', 'moslims']);
    expect(toks('SCHW.ULE')).toEqual(['schwule']);
    expect(toks('n.e.g.e.r')).toEqual(['neger']);
    const n = normalize('die mos.lims');
    expect(n.tokens[1]).toMatchObject({ orig: 'mos.lims', start: 4, end: 12, joined: true });
  });
  it('keeps domains, e-mail addresses, file names, abbreviations, numbers, code and sentences apart', () => {
    expect(toks('end.Next')).toEqual(['end', 'next']);
    expect(toks('Mr.Smith')).toEqual(['mr', 'smith']);
    expect(toks('www.x.com')).toEqual(['www', 'x', 'com']);
    expect(toks('postcheck.app acme.example bol.com nos.nl')).toEqual(['postcheck', 'app', 'acme', 'example', 'bol', 'com', 'nos', 'nl']);
    expect(toks('https://acme.brussels/jobs')).toEqual(['https', 'acme', 'brussels', 'jobs']);
    expect(toks('mail jan.peeters@acme.be')).toEqual(['mail', 'jan', 'peeters', 'acme', 'be']);
    expect(toks('plan.pdf main.ts')).toEqual(['plan', 'pdf', 'main', 'ts']);
    expect(toks('e.g. J.D. 3.5 z.B.')).toEqual(['e', 'g', 'j', 'd', '3', '5', 'z', 'b']);
    expect(toks('fs.readFile')).toEqual(['fs', 'readfile']);
    expect(toks('baas.vandaag')).toEqual(['baas', 'vandaag']); // two long words: a missing space
  });
});

describe('normalize: handles and hyphens', () => {
  it('reads @name as a handle and offers the @-as-a reading in `alt`', () => {
    const n = normalize('die @rabes en @postcheck');
    expect(n.tokens.map((t) => t.t)).toEqual(['die', 'rabes', 'en', 'postcheck']);
    expect(n.tokens[1]).toMatchObject({ orig: 'rabes', alt: 'arabes' });
    expect(n.tokens[3]!.alt).toBe('apostcheck');
    // Handles with digits, underscores or dots are handles only.
    const h = normalize('@jan_peeters @jan.peeters @acme2 Ar@bes');
    expect(h.tokens.map((t) => t.t)).toEqual(['jan', 'peeters', 'jan', 'peeters', 'acme2', 'arabes']);
    expect(h.tokens.every((t) => t.alt === undefined)).toBe(true);
  });
  it('marks a word attached to the previous one by a hyphen', () => {
    const n = normalize('kut-marokkanen, ex-baas, ex - baas, 2020-2021, Kut-t u r k e n');
    expect(n.tokens.map((t) => [t.t, t.afterHyphen ?? false])).toEqual([
      ['kut', false], ['marokkanen', true], ['ex', false], ['baas', true], ['ex', false], ['baas', false],
      ['2020', false], ['2021', false], ['kut', false], ['turken', true],
    ]);
  });
});

describe('normalize: offsets of joined tokens (property-based)', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.constantFrom('Z w @ r t e n', 'm 0 s l i m s', '@ ', '$', ' $ ', 'Schw.ule', 'mos.lims', '.', '@rabes', 'a j e r k', 'a', 'à',
      'kut-marokkanen', '-', '1 2 3', 'x 3 m', '😀', '\u200b', '\u0301', 'e.g.', 'www.x.com', 'k l o o t'),
  );
  it('every token quotes its own range of the original, in order', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).chain((p) => fc.constantFrom(p.join(''), p.join(' '))), (text) => {
        let prev = 0;
        for (const t of normalize(text).tokens) {
          expect(t.start).toBeGreaterThanOrEqual(prev);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.orig).toBe(text.slice(t.start, t.end));
          expect(t.t.length).toBeGreaterThan(0);
          prev = t.end;
        }
      }),
      { numRuns: 500 },
    );
  });
  it('stays linear on long runs of spaced letters, symbols and dots', () => {
    for (const text of ['a '.repeat(50_000), '@ '.repeat(50_000), 'a 1 '.repeat(25_000), 'ab.cde '.repeat(14_000), '1 a '.repeat(25_000)]) {
      const t0 = performance.now();
      normalize(text);
      expect(performance.now() - t0, text.slice(0, 8)).toBeLessThan(500);
    }
  });
});
