// The extension's fixed Chromium id, for tests. It is derived from the
// manifest `key` (lib/extension-id.ts, wired in wxt.config.ts); the e2e tests
// check that the loaded build really has this id.
export { EXTENSION_ID, EXTENSION_KEY, GECKO_ID } from '../../lib/extension-id';
