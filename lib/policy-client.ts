// The storage side of the options page and popup: reading what the
// background published, saving the user's settings. No engine import, so the
// popup stays small.

import { browser } from 'wxt/browser';
import { isPlainObject, type Json, type PolicyError, type PolicyStatus, type UserSettings } from './policy-merge';

export const KEYS = {
  effective: 'effectivePolicy',
  status: 'policyStatus',
  errors: 'policyErrors',
  lastGood: 'lastGoodManaged',
  user: 'userSettings',
  snooze: 'snoozeUntil',
} as const;

export interface PolicyErrorsRecord {
  errors: PolicyError[];
  /** When the errors were found (ms since epoch). */
  at: number;
}


export async function readUser(): Promise<UserSettings | null> {
  try {
    const v = await browser.storage.sync.get(KEYS.user);
    const u = v[KEYS.user];
    if (typeof u === 'string') {
      try {
        return JSON.parse(u) as UserSettings;
      } catch {
        return null;
      }
    }
    return isPlainObject(u) ? (u as UserSettings) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// helpers for the options page and popup

export async function loadUserSettings(): Promise<UserSettings> {
  return (await readUser()) ?? {};
}

export async function saveUserSettings(settings: UserSettings): Promise<void> {
  await browser.storage.sync.set({ [KEYS.user]: JSON.parse(JSON.stringify(settings)) });
}

export interface PublishedState {
  effective: Json | null;
  status: PolicyStatus | null;
  errors: PolicyErrorsRecord | null;
  snoozeUntil: number | null;
}

export async function loadPublished(): Promise<PublishedState> {
  const v = await browser.storage.local.get([KEYS.effective, KEYS.status, KEYS.errors, KEYS.snooze]);
  return {
    effective: isPlainObject(v[KEYS.effective]) ? (v[KEYS.effective] as Json) : null,
    status: isPlainObject(v[KEYS.status]) ? (v[KEYS.status] as unknown as PolicyStatus) : null,
    errors: isPlainObject(v[KEYS.errors]) ? (v[KEYS.errors] as unknown as PolicyErrorsRecord) : null,
    snoozeUntil: typeof v[KEYS.snooze] === 'number' ? (v[KEYS.snooze] as number) : null,
  };
}

/** Calls `cb` whenever the published state changes. Returns an unsubscribe function. */
export function watchPublished(cb: () => void): () => void {
  const l = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (KEYS.effective in changes || KEYS.status in changes || KEYS.errors in changes || KEYS.snooze in changes) cb();
  };
  browser.storage.onChanged.addListener(l);
  return () => browser.storage.onChanged.removeListener(l);
}
