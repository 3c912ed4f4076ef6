// The engine and the panel load on first use, not with the page: the content
// script stays a few KB on every X/Facebook/LinkedIn tab, and the ~0.9 MB of
// lexicons, language detection and Preact arrive when a composer gets focus.
//
// postcheck-engine.js is a WXT unlisted script, evaluated here with import()
// (a module import from a content script runs in our isolated world, not the
// page's) and handing its API over on a global of that world.
import { browser } from 'wxt/browser';
import type { CheckContext, CheckResult, Compiled, Finding, Policy } from '../../rules';
import type { PanelModule } from '../../components/api';
import { policyNeedsRe2, RE2_GLOBAL } from '../../rules/re2-on-demand';

export interface Lazy extends PanelModule {
  compilePolicy(policy?: unknown): Compiled;
  check(text: string, ctx: CheckContext): CheckResult;
  isWorkTime(at: Date, hours: NonNullable<Policy['workHours']>): boolean;
}

export const LAZY_GLOBAL = '__postcheckLazy';
const POLICY_KEY = 'effectivePolicy';
const SNOOZE_KEY = 'snoozeUntil';
/** storage.sync: the user's own settings; we only read their personal disclaimer. */
const USER_KEY = 'userSettings';
/**
 * storage.local: test-only fault injection ({checkThrows, loadFails, slowMs,
 * panelThrows}). Only the extension can write its storage.local (pages cannot
 * reach it), so a page cannot trigger these; absent, nothing changes.
 */
const FAULTS_KEY = 'debugFaults';

/** The check itself must answer within this; a slower one fails open. */
export const CHECK_BUDGET_MS = 200;
/** The first use also loads the engine module and compiles the policy (once per page). */
export const LOAD_BUDGET_MS = 4000;

export interface Faults {
  checkThrows?: boolean;
  loadFails?: boolean;
  /** The engine takes this long per check (busy, as a slow synchronous engine would). */
  slowMs?: number;
  panelThrows?: boolean;
}

/** Why checking is not available right now (null: it is). */
export type Unavailable = 'load' | 'error' | 'timeout' | 'invalidated';

let lazy: Lazy | null = null;
let loading: Promise<Lazy | null> | null = null;
let compiled: Compiled | null = null;
let rawPolicy: unknown;
let snoozeUntil = 0;
let failed = false;
let disclaimer = '';
let faults: Faults = {};
let unavailable: Unavailable | null = null;
const statusListeners = new Set<() => void>();

function readFaults(v: unknown): Faults {
  return v && typeof v === 'object' ? (v as Faults) : {};
}

export function debugFaults(): Faults {
  return faults;
}

/** Why the last attempt to check failed (load, error, timeout, invalidated), or null. */
export function checkingUnavailable(): Unavailable | null {
  return unavailable;
}

export function setUnavailable(reason: Unavailable | null): void {
  if (unavailable === reason) return;
  unavailable = reason;
  for (const cb of statusListeners) cb();
}

/** Called when checking becomes unavailable or available again; returns an unsubscribe. */
export function onStatusChange(cb: () => void): () => void {
  statusListeners.add(cb);
  return () => statusListeners.delete(cb);
}

function compile(): void {
  if (!lazy) return;
  try {
    compiled = lazy.compilePolicy(rawPolicy);
  } catch (error) {
    // The background validates before publishing, so this is a bug or a race;
    // the built-in defaults are better than no check at all.
    console.warn('[postcheck] policy rejected, using defaults', error);
    compiled = lazy.compilePolicy(undefined);
  }
}

/** RE2 (its own script, 150 KB) only for a policy with custom patterns; rules/re2-on-demand.ts. */
async function ensureRe2(policy: unknown): Promise<void> {
  if (!policyNeedsRe2(policy) || (globalThis as Record<string, unknown>)[RE2_GLOBAL]) return;
  await import(/* @vite-ignore */ browser.runtime.getURL('/postcheck-re2.js'));
}

/** Starts loading once; resolves null when the engine cannot load (we then fail open). */
export function loadEngine(signal: AbortSignal): Promise<Lazy | null> {
  loading ??= (async () => {
    try {
      failed = false;
      // User Timing marks (seen by DevTools and by bench/browser.mjs): load start, module in, policy compiled.
      performance.mark('postcheck:engine-start');
      const local = browser.storage.local.get([POLICY_KEY, SNOOZE_KEY, FAULTS_KEY]);
      const [stored, user] = await Promise.all([
        local,
        browser.storage.sync.get(USER_KEY).catch(() => ({}) as Record<string, unknown>),
        import(/* @vite-ignore */ browser.runtime.getURL('/postcheck-engine.js')),
        local.then((s) => ensureRe2(s[POLICY_KEY])),
      ]);
      faults = readFaults(stored[FAULTS_KEY]);
      if (faults.loadFails) throw new Error('debugFaults.loadFails');
      rawPolicy = stored[POLICY_KEY] ?? undefined;
      snoozeUntil = typeof stored[SNOOZE_KEY] === 'number' ? stored[SNOOZE_KEY] : 0;
      disclaimer = readDisclaimer((user as Record<string, unknown>)[USER_KEY]);
      lazy = (globalThis as Record<string, unknown>)[LAZY_GLOBAL] as Lazy;
      performance.mark('postcheck:engine-loaded');
      compile();
      performance.mark('postcheck:engine-ready');
      // A first check warms the engine's code for the user's first one, in
      // the next task: a key pressed meanwhile is handled first.
      setTimeout(() => {
        warmUp();
        performance.mark('postcheck:engine-warm');
        warmClockWhenIdle();
      }, 0);
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'sync' && USER_KEY in changes) disclaimer = readDisclaimer(changes[USER_KEY]!.newValue);
        if (area !== 'local') return;
        if (FAULTS_KEY in changes) faults = readFaults(changes[FAULTS_KEY]!.newValue);
        if (POLICY_KEY in changes) {
          const next = changes[POLICY_KEY]!.newValue ?? undefined;
          // Compiled even if RE2 could not load: compile() then falls back to the defaults, loudly.
          void ensureRe2(next)
            .catch((error) => console.warn('[postcheck] RE2 failed to load', error))
            .then(() => {
              rawPolicy = next;
              compile();
            });
        }
        if (SNOOZE_KEY in changes) {
          const v = changes[SNOOZE_KEY]!.newValue;
          snoozeUntil = typeof v === 'number' ? v : 0;
        }
      };
      browser.storage.onChanged.addListener(onChanged);
      signal.addEventListener('abort', () => {
        try {
          browser.storage.onChanged.removeListener(onChanged);
        } catch {
          /* the extension context is already gone */
        }
      });
      return lazy;
    } catch (error) {
      console.warn('[postcheck] engine failed to load; posts go through unchecked', error);
      failed = true;
      setUnavailable('load');
      loading = null; // a later focus may try again
      return null;
    }
  })();
  return loading;
}

/**
 * One check on a short text right after loading: the first check on a page
 * pays for lazy initialisation and cold code, and it should not be the user's
 * (it counts against CHECK_BUDGET_MS).
 */
function warmUp(): void {
  if (!lazy || !compiled) return;
  try {
    lazy.check('Postcheck is ready. Mijn baas, my boss, mon patron, mein Chef.', { compiled, at: new Date(), lang: navigator.language });
  } catch {
    /* the real check will report it */
  }
}

/**
 * A policy with a time zone needs ICU's time-zone database at the first
 * political hit (~40 ms to start): start it while the page is idle instead.
 */
function warmClockWhenIdle(): void {
  const hours = compiled?.policy.workHours;
  if (!hours?.timeZone || typeof requestIdleCallback !== 'function') return;
  requestIdleCallback(() => {
    try {
      lazy?.isWorkTime(new Date(), hours);
    } catch {
      /* checked again, with its own fallback, at the first hit */
    }
  }, { timeout: 5000 });
}

function readDisclaimer(settings: unknown): string {
  let v = settings;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return '';
    }
  }
  const d = v && typeof v === 'object' ? (v as { disclaimer?: unknown }).disclaimer : undefined;
  return typeof d === 'string' ? d.trim().slice(0, 280) : '';
}

export function engine(): Lazy | null {
  return lazy && compiled ? lazy : null;
}

/** The last load failed: submits are not held for it (fail open) until a reload works. */
export function engineFailed(): boolean {
  return failed;
}

/** The user snoozed Postcheck: nothing is asked (the photo/video question included). */
export function snoozed(): boolean {
  return snoozeUntil > Date.now();
}

export function policy(): Policy | null {
  return compiled?.policy ?? null;
}

/** Where the post goes, for the policy's per-site settings (`sites.linkedin`…). */
export type SiteName = NonNullable<CheckContext['site']>;

/**
 * Synchronous check; null when the engine is not ready, threw, or took longer
 * than CHECK_BUDGET_MS (callers fail open: the post goes through, and the
 * indicator says checking is unavailable).
 */
export function checkNow(text: string, site?: SiteName): CheckResult | null {
  if (!lazy || !compiled) return null;
  if (snoozeUntil > Date.now()) return { language: 'en', findings: [] };
  const started = performance.now();
  try {
    if (faults.slowMs) while (performance.now() - started < faults.slowMs) { /* a slow engine (test fault) */ }
    if (faults.checkThrows) throw new Error('debugFaults.checkThrows');
    const result = lazy.check(text, { compiled, at: new Date(), lang: navigator.language, ...(site ? { site } : {}) });
    const ms = performance.now() - started;
    if (ms > CHECK_BUDGET_MS) {
      console.warn(`[postcheck] check took ${Math.round(ms)} ms (budget ${CHECK_BUDGET_MS} ms); letting the post through`);
      setUnavailable('timeout');
      return null;
    }
    setUnavailable(null);
    return result;
  } catch (error) {
    console.warn('[postcheck] check failed; letting the post through', error);
    setUnavailable('error');
    return null;
  }
}

/**
 * Loads if needed (within LOAD_BUDGET_MS: the first use fetches and compiles
 * the engine), then checks (within CHECK_BUDGET_MS, see checkNow); null on
 * failure or timeout (fail open).
 */
export async function checkSoon(
  text: string,
  site: SiteName | undefined,
  signal: AbortSignal,
  loadTimeoutMs = LOAD_BUDGET_MS,
): Promise<CheckResult | null> {
  let timer = 0;
  const timeout = new Promise<null>((resolve) => {
    timer = window.setTimeout(() => resolve(null), loadTimeoutMs);
  });
  const ready = await Promise.race([loadEngine(signal), timeout]);
  clearTimeout(timer);
  if (!ready) {
    setUnavailable('load');
    return null;
  }
  return checkNow(text, site);
}

/**
 * Findings that hold a post: warn and block. The user's own disclaimer (options
 * page) replaces the pack's generic one, and once it is in the post the packs
 * need not recognise its wording for the on-behalf finding to be settled.
 */
export function toHold(result: CheckResult | null, text: string): Finding[] {
  const findings = result ? result.findings.filter((f) => f.severity !== 'info') : [];
  if (!disclaimer) return findings;
  if (text.includes(disclaimer)) return findings.filter((f) => f.category !== 'on-behalf');
  return findings.map((f) =>
    f.category === 'on-behalf' && f.suggestion?.insert ? { ...f, suggestion: { ...f.suggestion, insert: disclaimer } } : f,
  );
}
