// Validated number detectors. A number is reported only when its checksum
// holds, so order numbers, phone numbers and dates stay quiet.
// They run on the original text: offsets need no mapping.

export type DetectorName = 'iban' | 'card' | 'be-rrn' | 'nl-bsn';
export const DETECTORS: DetectorName[] = ['iban', 'card', 'be-rrn', 'nl-bsn'];

export interface Span { start: number; end: number }

// Lengths of IBANs per country (ISO 13616) for the countries users here meet most.
const IBAN_LENGTH: Record<string, number> = {
  BE: 16, NL: 18, FR: 27, DE: 22, LU: 20, GB: 22, ES: 24, IT: 27, AT: 20, CH: 21, IE: 22, PT: 25, PL: 28, DK: 18,
  SE: 24, FI: 18, NO: 15, MC: 27,
};

function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i += 7) r = Number(String(r) + digits.slice(i, i + 7)) % 97;
  return r;
}

export function isValidIban(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  const len = IBAN_LENGTH[s.slice(0, 2)];
  if (!len || s.length !== len || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let digits = '';
  for (const ch of moved) digits += /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
  return mod97(digits) === 1;
}

export function isValidLuhn(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(s) || /^(\d)\1+$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = s.charCodeAt(s.length - 1 - i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Belgian national register number: YYMMDD-SSS-CC, CC = 97 - (n mod 97), with a leading 2 for births from 2000. */
export function isValidBeRrn(raw: string): boolean {
  const s = raw.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(s)) return false;
  const body = s.slice(0, 9);
  const check = Number(s.slice(9));
  const mm = Number(s.slice(2, 4));
  const dd = Number(s.slice(4, 6));
  // Month may be 0 (unknown birth date) or shifted by 20/40 (bis numbers).
  if (mm % 20 > 12 || dd > 31) return false;
  return 97 - (Number(body) % 97) === check || 97 - (Number('2' + body) % 97) === check;
}

/** Dutch citizen service number: 9 digits, 11-check with weights 9..2 and -1. */
export function isValidBsn(raw: string): boolean {
  const s = raw.replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(s) || /^0+$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (s.charCodeAt(i) - 48);
  sum -= s.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

// Candidate shapes; the validators decide. Lookarounds are avoided (linear, simple):
// boundaries are checked by hand.
const SHAPES: Record<DetectorName, RegExp> = {
  iban: /[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/g,
  card: /\d(?:[ -]?\d){12,18}/g,
  'be-rrn': /\d{2}[.]?\d{2}[.]?\d{2}[ -]?\d{3}[.]?\d{2}/g,
  'nl-bsn': /\d{4}[.]?\d{2}[.]?\d{3}|\d{9}/g,
};
const VALID: Record<DetectorName, (s: string) => boolean> = {
  iban: isValidIban,
  card: isValidLuhn,
  'be-rrn': isValidBeRrn,
  'nl-bsn': isValidBsn,
};

const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

export function detect(name: DetectorName, text: string): Span[] {
  const re = new RegExp(SHAPES[name].source, 'g');
  const out: Span[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let s = m[0];
    // An IBAN candidate may run into the next word; trim to the longest valid prefix.
    if (name === 'iban') {
      const found = longestValidIban(s);
      if (found) {
        if (!isAlnum(text[m.index - 1])) out.push({ start: m.index, end: m.index + found });
        re.lastIndex = m.index + (found || 1);
        continue;
      }
      re.lastIndex = m.index + 1;
      continue;
    }
    s = s.replace(/[ -]+$/, '');
    const start = m.index;
    const end = start + s.length;
    if (isAlnum(text[start - 1]) || isAlnum(text[end])) continue;
    if (VALID[name](s)) out.push({ start, end });
  }
  return out;
}

function longestValidIban(s: string): number {
  for (let end = s.length; end >= 15; end--) {
    const c = s.slice(0, end);
    if (/[ -]$/.test(c)) continue;
    if (isValidIban(c)) return end;
  }
  return 0;
}
