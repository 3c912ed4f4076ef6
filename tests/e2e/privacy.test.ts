// Issue 6, privacy: the extension makes no network request at all. A full
// session on every fixture (typing, the indicator, the panel, "Edit post",
// "Post anyway", the disclaimer, a fast comment), the options page and the
// popup, with every request recorded three ways:
//   1. Playwright request events on the whole context: pages (the fixtures,
//      the options page, the popup), their frames, and the extension's
//      service worker (request.serviceWorker());
//   2. the same in the content script's own isolated world: a canary fetch
//      made there through CDP proves such requests are seen;
//   3. Chromium's NetLog (--log-net-log): every URL request of the whole
//      browser, whoever made it.
// The only requests allowed are the fixture pages' own (their HTML and script)
// and the extension's own package files (chrome-extension://<id>/…, never
// network). Each recorder is first shown to see a canary request, so the
// assertions can fail.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page, Request } from 'playwright-core';
import { FIXTURE_HOSTS, openLinkedIn, SEL, typeInComposer, waitForPosts, type Launched } from './harness';
import { EXTENSION_DIR, panel, panelButton, setUserSettings } from './extension-helpers';
import { CLEAN, ON_BEHALF } from './extension-texts';
import { ALWAYS, enter, indicatorState, launchSnapshot, TRUST_SITES } from './trust-helpers';

interface Recorded {
  url: string;
  type: string;
  /** The extension's service worker made it. */
  worker: boolean;
  /** URL of the page (frame) that made it, when a page did. */
  frame: string | null;
}

let browser: Launched;
let page: Page;
let netlogDir: string;
const recorded: Recorded[] = [];
const worker = () => browser.serviceWorker!;

function record(r: Request) {
  let frame: string | null = null;
  try {
    frame = r.frame().url();
  } catch {
    /* a worker's request has no frame */
  }
  recorded.push({ url: r.url(), type: r.resourceType(), worker: r.serviceWorker() !== null, frame });
}

beforeAll(async () => {
  netlogDir = mkdtempSync(join(tmpdir(), 'postcheck-netlog-'));
  browser = await launchSnapshot({ args: [`--log-net-log=${join(netlogDir, 'netlog.json')}`, '--net-log-capture-mode=Default'] });
  page = browser.page;
  browser.context.on('request', record);
  await setUserSettings(worker(), { workHours: ALWAYS }, (p) => p.workHours?.days?.length === 7);
});
afterAll(async () => {
  await browser?.close();
  rmSync(netlogDir, { recursive: true, force: true });
});

const isFixtureHost = (url: string) => {
  try {
    return FIXTURE_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
};
const isCanary = (url: string) => url.includes('__postcheck_canary');

/** A fixture page's own request: its HTML or its script, asked by that page (not a worker). */
function fixtureOwn(r: Recorded): boolean {
  // The package's own files (the engine module at its per-session use_dynamic_url
  // address, the options page's assets): served from the package, never network.
  if (r.url.startsWith('chrome-extension://')) return true;
  if (r.worker || !isFixtureHost(r.url) || !r.frame || !isFixtureHost(r.frame)) return false;
  const u = new URL(r.url);
  if (u.origin !== new URL(r.frame).origin && r.type !== 'document') return false;
  return r.type === 'document' || /\/(app\.js|favicon\.ico)$/.test(u.pathname);
}

/** The content script's isolated world in `page`, found through CDP. */
async function contentScriptWorld(p: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await browser.context.newCDPSession(p);
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: any) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`);
  if (!ours) throw new Error(`no isolated world of the extension: ${JSON.stringify(contexts)}`);
  return { cdp, contextId: ours.id };
}

async function fullSession() {
  for (const site of TRUST_SITES) {
    // Typing: the engine loads, the indicator shows.
    let editor = await site.open(page);
    await enter(page, editor, site.risky);
    await expect.poll(() => indicatorState(page), { timeout: 4_000 }).toBe('findings');
    // Held, "Edit post", held again, "Post anyway".
    await site.post(page);
    await panel(page).waitFor();
    await panelButton(page, 'Edit post').click();
    await site.post(page);
    await panelButton(page, 'Post anyway').click();
    await waitForPosts(page, 1);
    // The disclaimer suggestion.
    editor = await site.open(page);
    await enter(page, editor, ON_BEHALF);
    await site.post(page);
    await panel(page).locator('button.suggestion').first().click();
    await panelButton(page, /^Post( anyway)?$/).first().click();
    await waitForPosts(page, 1);
    // A clean post.
    editor = await site.open(page);
    await typeInComposer(page, editor, CLEAN);
    await site.post(page);
    await waitForPosts(page, 1);
  }
  // A comment faster than the engine (held, checked, replayed).
  await openLinkedIn(page);
  await page.locator(SEL.linkedin.commentEditor).evaluate(async (el: HTMLElement, t: string) => {
    el.focus();
    document.execCommand('insertText', false, t);
    await new Promise((r) => setTimeout(r, 0));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
  }, CLEAN);
  await waitForPosts(page, 1);
  // The options page (change a setting) and the popup.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForLoadState('networkidle');
  await options.locator('#post-anyway-requireReason').check().catch(() => {});
  await options.waitForTimeout(500);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForLoadState('networkidle');
  await popup.locator('[data-testid="snooze"]').click().catch(() => {});
  await popup.waitForTimeout(500);
  await popup.close();
  await options.close();
}

describe('no network', () => {
  test('the recorders see canary requests from the worker, an extension page and the content script', async () => {
    await worker().evaluate(() => fetch('https://x.com/__postcheck_canary_worker').catch(() => {}));
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(() => fetch('https://x.com/__postcheck_canary_page').catch(() => {}));
    await options.close();
    await TRUST_SITES[0]!.open(page);
    const { cdp, contextId } = await contentScriptWorld(page);
    await cdp.send('Runtime.evaluate', {
      expression: "fetch('https://x.com/__postcheck_canary_content').catch(() => {})",
      contextId,
      awaitPromise: true,
    });
    await cdp.detach();
    await expect.poll(() => recorded.filter((r) => isCanary(r.url)).map((r) => r.url.split('canary_')[1])).toEqual(
      expect.arrayContaining(['worker', 'page', 'content']),
    );
    expect(recorded.find((r) => r.url.endsWith('canary_worker'))!.worker).toBe(true);
  });

  test('a full session on every fixture, the options page and the popup makes no request but the pages\' own', async () => {
    const before = recorded.length;
    await fullSession();
    const session = recorded.slice(before);
    // The session did load pages and the engine (the recorder was running)…
    expect(session.some((r) => r.type === 'document' && isFixtureHost(r.url))).toBe(true);
    expect(session.some((r) => r.url.includes('postcheck-engine.js'))).toBe(true);
    // …and nothing else.
    const foreign = session.filter((r) => !fixtureOwn(r));
    expect(foreign).toEqual([]);
    expect(session.filter((r) => r.worker)).toEqual([]);
  }, 180_000);

  test('NetLog: the whole browser fetched nothing but the fixture pages (and the canaries)', async () => {
    await browser.close();
    const file = join(netlogDir, 'netlog.json');
    expect(existsSync(file), readdirSync(netlogDir).join(',')).toBe(true);
    let text = readFileSync(file, 'utf8').trim();
    // Chromium may leave the file without its closing brackets.
    if (!text.endsWith('}')) text = text.replace(/,?\s*$/, '') + ']}';
    const log = JSON.parse(text) as { constants: { logEventTypes: Record<string, number> }; events: { type: number; params?: { url?: string } }[] };
    const START = log.constants.logEventTypes.URL_REQUEST_START_JOB;
    const starts = log.events.filter((e) => e.type === START && e.params?.url) as { params: { url: string; initiator?: string } }[];
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.some((e) => isCanary(e.params.url))).toBe(true);
    // A request made by a page, an extension page, the service worker or a content
    // script has an initiator (the page's or the extension's origin). Chromium's own
    // background requests (component updater, account check, spell-check dictionary)
    // have none (NetLog: "not an origin"): they are listed, not counted against the extension.
    const fromWeb = starts.filter((e) => e.params.initiator !== undefined && !['null', 'not an origin'].includes(e.params.initiator));
    expect(fromWeb.some((e) => e.params.initiator?.startsWith('chrome-extension://'))).toBe(true); // the canaries
    const foreign = fromWeb
      .filter((e) => !isFixtureHost(e.params.url) && !e.params.url.startsWith('chrome-extension://') && !e.params.url.startsWith('data:'))
      .map((e) => `${e.params.initiator} -> ${e.params.url}`);
    expect(foreign).toEqual([]);
    const browserOwn = starts.filter((e) => !fromWeb.includes(e) && !isFixtureHost(e.params.url)).map((e) => e.params.url.split('?')[0]);
    if (browserOwn.length) console.log(`Chromium's own requests (no initiator, not the extension's): ${[...new Set(browserOwn)].join(', ')}`);
    // Nothing from the extension's origin went anywhere but the canaries.
    const fromExtension = fromWeb.filter((e) => e.params.initiator?.startsWith('chrome-extension://') && !isCanary(e.params.url));
    expect(fromExtension.map((e) => e.params.url)).toEqual([]);
  });
});

describe('manifest: no remote code, least privilege', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  test('the content security policy allows scripts from the package only', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc.split(/\s+/).slice(1)).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  test('permissions: storage only; the content script on the three sites only; nothing optional', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    for (const cs of manifest.content_scripts) {
      for (const m of cs.matches) expect(m).toMatch(/^\*:\/\/(www\.|mobile\.|web\.|m\.)?(x|twitter|facebook|linkedin)\.com\/\*$/);
    }
  });

  test('the built code has no network API calls of its own and loads no remote script', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(js|html)$/.test(e.name)) files.push(p);
      }
    };
    walk(EXTENSION_DIR);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts/);
      expect(src, f).not.toMatch(/<script[^>]+src=["']?https?:/i);
      expect(src, f).not.toMatch(/import\(\s*["'`]https?:/);
      // fetch() exists only in library code that reads the package's own files (WXT's
      // shadow-root CSS loader, Vite's modulepreload polyfill), never with a remote URL literal.
      expect(src, f).not.toMatch(/fetch\(\s*["'`]https?:/);
    }
  });
});
