// RE2 (re2js): linear-time regular expressions, for the patterns that admins
// write in a policy (untrusted input must not be able to hang a page). Every
// use of re2js goes through here: the extension's engine bundle swaps this
// module for rules/re2-on-demand.ts, which loads re2js (150 KB) only for a
// policy that has custom patterns.
import { RE2JS } from 're2js';

export type Re2Engine = typeof RE2JS;
export type Re2 = RE2JS;

export function re2(): Re2Engine {
  return RE2JS;
}
