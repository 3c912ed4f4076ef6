// Background: keeps the effective policy up to date (storage.managed +
// storage.sync + built-in defaults -> storage.local.effectivePolicy).
// See lib/policy-store.ts for what it publishes.

import { defineBackground } from 'wxt/utils/define-background';
import { startPolicyStore } from '../lib/policy-store';

export default defineBackground(() => {
  startPolicyStore();
});
