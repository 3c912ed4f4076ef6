// Everything heavy, loaded by the content script on first use (see
// entrypoints/content/engine.ts): the rule engine and the Preact panel.
// Built as a plain script; import() evaluates it in the content script's
// isolated world, and it hands its API over on a global of that world
// (the page's own scripts cannot see it).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { check, compilePolicy } from '../rules';
import { panelModule } from '../components/mount';
import { LAZY_GLOBAL, type Lazy } from './content/engine';

export default defineUnlistedScript(() => {
  const api: Lazy = { compilePolicy, check, ...panelModule };
  (globalThis as Record<string, unknown>)[LAZY_GLOBAL] = api;
});
