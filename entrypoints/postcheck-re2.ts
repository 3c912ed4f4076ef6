// re2js on its own, loaded by the content script only before compiling a
// policy with custom patterns (see rules/re2-on-demand.ts): hands the engine
// over on a global of the content script's isolated world.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { RE2JS } from 're2js';
import { RE2_GLOBAL } from '../rules/re2-on-demand';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[RE2_GLOBAL] = RE2JS;
});
