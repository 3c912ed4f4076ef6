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
});
