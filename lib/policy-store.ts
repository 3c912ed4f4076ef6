// The background's policy store: reads storage.managed (admin) and
// storage.sync (user), computes the effective policy with lib/policy-merge,
// and publishes it in storage.local for the content script, options page and
// popup:
//
//   storage.local.effectivePolicy   the validated policy every check uses
//   storage.local.policyStatus      where settings come from, locks, errors
//   storage.local.policyErrors      { errors: {path, message}[], at } | removed
//   storage.local.lastGoodManaged   the admin policy in force (for fallback)
//
// It follows storage.onChanged for the `managed` and `sync` areas, so policy
// changes reach open tabs (which listen to storage.local) without a reload.

import { browser } from 'wxt/browser';
export { KEYS, loadPublished, loadUserSettings, saveUserSettings, watchPublished } from './policy-client';
export type { PolicyErrorsRecord, PublishedState } from './policy-client';
import { DEFAULT_POLICY, validatePolicy } from '../rules/policy';
import { KEYS, readUser, type PolicyErrorsRecord } from './policy-client';
import {
  computeEffective,
  isPlainObject,
  type Json,
  type PolicyStatus,
  type Validator,
} from './policy-merge';

/** Messages the options page and popup send to the background. */
export type PolicyMessage = { type: 'postcheck:refresh-policy' };

export interface StoreDeps {
  validate?: Validator;
  defaults?: Json;
  /** How long an empty storage.managed at start-up is taken as "not loaded yet". */
  graceMs?: number;
  now?: () => number;
}

/** Reads storage.managed; Firefox throws when no policy exists for the add-on. */
export async function readManaged(): Promise<Json> {
  try {
    const v = await browser.storage.managed.get(null);
    return isPlainObject(v) ? v : {};
  } catch {
    return {};
  }
}

export interface RecomputeOptions {
  /**
   * At browser start Chromium hands the managed policy to the extension a few
   * seconds after the service worker starts: until then storage.managed is
   * empty. With `startup`, an empty managed area keeps the last good admin
   * policy instead of dropping it.
   */
  startup?: boolean;
}

/** Computes and publishes the effective policy once. Returns what it stored. */
export async function recompute(
  deps: StoreDeps = {},
  opts: RecomputeOptions = {},
): Promise<{ effective: Json; status: PolicyStatus }> {
  const validate = deps.validate ?? (validatePolicy as unknown as Validator);
  const defaults = deps.defaults ?? (DEFAULT_POLICY as unknown as Json);
  const now = deps.now?.() ?? Date.now();

  const [managed, user, local] = await Promise.all([
    readManaged(),
    readUser(),
    browser.storage.local.get([KEYS.lastGood, KEYS.errors]),
  ]);
  const lastGood = isPlainObject(local[KEYS.lastGood]) ? (local[KEYS.lastGood] as Json) : null;

  const waiting = opts.startup && Object.keys(managed).length === 0 && lastGood !== null;
  const out = computeEffective({
    managed: waiting ? lastGood : managed,
    lastGoodManaged: lastGood,
    user,
    defaults,
    validate,
    now,
  });

  const set: Record<string, unknown> = {
    [KEYS.effective]: out.effective,
    [KEYS.status]: out.status,
  };
  const remove: string[] = [];
  if (out.lastGoodManaged) set[KEYS.lastGood] = out.lastGoodManaged;
  else if (!waiting) remove.push(KEYS.lastGood);

  if (out.status.errors.length) {
    const prev = local[KEYS.errors] as PolicyErrorsRecord | undefined;
    const same = prev && JSON.stringify(prev.errors) === JSON.stringify(out.status.errors);
    set[KEYS.errors] = { errors: out.status.errors, at: same ? prev.at : now } satisfies PolicyErrorsRecord;
  } else if (!waiting) {
    remove.push(KEYS.errors);
  }

  // A snooze the admin has since locked out ends now.
  if (out.status.locks.snooze) remove.push(KEYS.snooze);

  // Remove first: whoever sees the new status also sees the stale keys gone.
  if (remove.length) await browser.storage.local.remove(remove);
  await browser.storage.local.set(set);
  return { effective: out.effective, status: out.status };
}

/**
 * A "!" on the toolbar icon while the organisation policy has errors (the
 * popup and options page say which). MV3 `action`, MV2 `browserAction`.
 */
export async function updateBadge(status: PolicyStatus): Promise<void> {
  const api = (browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi }).action ??
    (browser as unknown as { browserAction?: BadgeApi }).browserAction;
  if (!api) return;
  const n = status.errors.length;
  try {
    await api.setBadgeText({ text: n ? '!' : '' });
    if (n) {
      await api.setBadgeBackgroundColor({ color: '#b42318' });
      await api.setTitle?.({ title: `Postcheck: ${n} problem(s) in the organisation policy` });
    } else {
      await api.setTitle?.({ title: 'Postcheck' });
    }
  } catch {
    /* no toolbar button (tests, some platforms) */
  }
}

interface BadgeApi {
  setBadgeText(d: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(d: { color: string }): Promise<void> | void;
  setTitle?(d: { title: string }): Promise<void> | void;
}

/**
 * Starts the store in the background: computes the policy now, again when
 * storage.managed or the user's settings change, and once more after the
 * start-up grace period (a policy removed while the browser was closed).
 */
export function startPolicyStore(deps: StoreDeps = {}): { ready: Promise<unknown>; stop: () => void } {
  let chain: Promise<unknown> = Promise.resolve();
  const run = (opts: RecomputeOptions = {}) => {
    chain = chain
      .then(() => recompute(deps, opts))
      .then((r) => updateBadge(r.status))
      .catch((e) => console.error('[postcheck] policy', e));
    return chain;
  };

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'sync' && KEYS.user in changes)) void run();
  };
  browser.storage.onChanged.addListener(onChanged);

  // sendResponse + `return true` works in every browser (a returned promise
  // only in some).
  const onMessage = (msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    if (isPlainObject(msg) && msg.type === 'postcheck:refresh-policy') {
      void run().then(() => sendResponse({ ok: true }));
      return true;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  const ready = run({ startup: true });
  const grace = setTimeout(() => void run(), deps.graceMs ?? 15_000);

  return {
    ready,
    stop() {
      clearTimeout(grace);
      browser.storage.onChanged.removeListener(onChanged);
      browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}

