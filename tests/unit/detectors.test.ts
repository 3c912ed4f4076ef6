import { describe, expect, it } from 'vitest';
import { detect, isValidBeRrn, isValidBsn, isValidIban, isValidLuhn } from '../../rules/detectors';

describe('validated detectors', () => {
  it('IBAN mod-97', () => {
    expect(isValidIban('BE71 0961 2345 6769')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 606')).toBe(true);
    expect(isValidIban('BE71 0961 2345 6768')).toBe(false);
  });
  it('payment cards (Luhn)', () => {
    expect(isValidLuhn('4111 1111 1111 1111')).toBe(true);
    expect(isValidLuhn('5555555555554444')).toBe(true);
    expect(isValidLuhn('4111 1111 1111 1112')).toBe(false);
  });
  it('Belgian national register number, both century rules', () => {
    // 85.07.30-033.28: 97 - (850730033 mod 97) = 28
    expect(isValidBeRrn('85.07.30-033.28')).toBe(true);
    // born in 2000s: 97 - (2000101001 mod 97)
    const body = '000101001';
    const cc = String(97 - (Number('2' + body) % 97)).padStart(2, '0');
    expect(isValidBeRrn(body + cc)).toBe(true);
    expect(isValidBeRrn('85073003329')).toBe(false);
  });
  it('Dutch BSN 11-check', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
  });
  it('finds numbers in text with their offsets, not inside longer numbers', () => {
    const text = 'Stort op BE71 0961 2345 6769 aub, ref 98765432109876543210';
    const [span] = detect('iban', text);
    expect(text.slice(span!.start, span!.end)).toBe('BE71 0961 2345 6769');
    expect(detect('card', 'order 41111111111111110')).toEqual([]);
  });
});
