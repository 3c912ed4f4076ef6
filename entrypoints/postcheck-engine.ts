// Everything heavy, loaded by the content script on first use (see
// entrypoints/content/engine.ts): the rule engine and the Preact panel.
// Built as a plain script; import() evaluates it in the content script's
// isolated world, and it hands its API over on a global of that world
// (the page's own scripts cannot see it).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { check, compilePolicy, isWorkTime } from '../rules';
import { panelModule } from '../components/mount';
import { LAZY_GLOBAL, type Lazy } from './content/engine';

export default defineUnlistedScript(() => {
  const api: Lazy = {
    // The background validated the policy before publishing it; re-checking its
    // time zone here would start ICU's time-zone database (~40 ms) in every tab.
    compilePolicy: (policy) => compilePolicy(policy, undefined, { timeZones: false }),
    check,
    isWorkTime,
    ...panelModule,
  };
  (globalThis as Record<string, unknown>)[LAZY_GLOBAL] = api;
});
