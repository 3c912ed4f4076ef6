// Browser harness for the end-to-end tests: Debian Chromium driven by playwright-core,
// the fixture sites served locally and mapped to the real host names, optionally the
// built extension loaded and a managed policy installed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { buildFixtures } from '../fixtures/build.mjs';
import { startFixtureServer, type FixtureServer } from '../fixtures/server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const POLICY_DIR = '/etc/chromium/policies/managed';
export const POLICY_FILE = join(POLICY_DIR, 'postcheck-test.json');

/** Host names that are mapped to the fixture server. */
export const FIXTURE_HOSTS = [
  'x.com',
  'www.x.com',
  'twitter.com',
  'www.twitter.com',
  'facebook.com',
  'www.facebook.com',
  'web.facebook.com',
  'linkedin.com',
  'www.linkedin.com',
];

/** The markers the fixtures use (the same as the real sites). */
export const SEL = {
  x: {
    editor: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    inlineEditor: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][contenteditable="true"]',
    inlineButton: '[data-testid="tweetButtonInline"]',
    openModal: '[data-testid="SideNav_NewTweet_Button"]',
    modalEditor: '#layers [data-testid="tweetTextarea_0"][contenteditable="true"]',
    modalButton: '#layers [data-testid="tweetButton"]',
  },
  facebook: {
    trigger: '[role="main"] [role="button"]:has-text("What\'s on your mind"), [role="main"] [role="button"]:has-text("Waar denk je aan")',
    dialog: '[role="dialog"]',
    editor: '[role="dialog"] [role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
    postButton: (label = 'Post') => `[role="dialog"] div[role="button"][aria-label="${label}"]`,
    commentEditor: '[role="article"] [role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  },
  linkedin: {
    trigger: '.share-box-feed-entry__trigger',
    shareBox: '.share-box .share-creation-state',
    editor: '.share-creation-state .ql-editor',
    postButton: 'button.share-actions__primary-action',
    commentEditor: '.comments-comment-box .ql-editor',
  },
} as const;

export interface Posted {
  site: 'x' | 'facebook' | 'linkedin';
  composer: string;
  text: string;
}

export interface LaunchOptions {
  /** Unpacked extension directory (e.g. .output/chrome-mv3). */
  extensionPath?: string;
  /** Managed policy for the extension (written to /etc/chromium/policies/managed before launch, removed on close). */
  policy?: object;
  /** Policy file to use instead of POLICY_FILE (postcheck-test.json). */
  policyFile?: string;
  /** Reuse a running fixture server; otherwise one is started (and stopped on close). */
  server?: FixtureServer;
  /** Default true. */
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  /** Browser locale / Accept-Language, e.g. 'nl-NL'. */
  locale?: string;
  /**
   * Fake the page clock (Playwright clock API). CAUTION (checked): it only changes Date in
   * the page's MAIN world. A content script (isolated world) and the extension's service
   * worker still see the real time. For work-hours tests, put the policy's work hours
   * around (or away from) the real current time instead.
   */
  clockTime?: Date | string | number;
  /** Emulated time zone: reaches pages and content scripts, NOT the service worker (UTC here). */
  timezoneId?: string;
}

export interface Launched {
  context: BrowserContext;
  server: FixtureServer;
  /** The page Chromium opened at start (about:blank). */
  page: Page;
  extensionId?: string;
  /** The extension's service worker (MV3), when an extension was loaded. */
  serviceWorker?: Worker;
  close(): Promise<void>;
}

let built: Promise<string> | null = null;
/** Builds the fixture sites once per process (about half a second). */
export function ensureFixturesBuilt(): Promise<string> {
  built ??= buildFixtures({ quiet: true });
  return built;
}

/**
 * The id Chromium gives an unpacked extension: from the manifest's `key` when it has
 * one, otherwise from the extension directory's absolute (real) path.
 */
export function extensionIdFor(extensionPath: string): string {
  const dir = realpathSync(resolve(extensionPath));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const input = manifest.key ? Buffer.from(manifest.key, 'base64') : Buffer.from(dir, 'utf8');
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/**
 * Writes {"3rdparty":{"extensions":{ID: policy}}} where Chromium reads managed policy.
 * The directory is machine-wide: two test processes using the same file name clobber
 * each other (run e2e files one at a time, or give each its own `file`).
 * Editing the file while Chromium runs reaches the extension (storage.onChanged, area
 * 'managed') about 5 s later.
 */
export function writeManagedPolicy(extensionId: string, policy: object, file: string = POLICY_FILE): string {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  return file;
}

export function removeManagedPolicy(file: string = POLICY_FILE): void {
  rmSync(file, { force: true });
}

export function hostResolverRules(port: number): string {
  return FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  await ensureFixturesBuilt();
  const ownServer = !options.server;
  const server = options.server ?? (await startFixtureServer());

  let extensionPath: string | undefined;
  let extensionId: string | undefined;
  if (options.extensionPath) {
    extensionPath = realpathSync(resolve(options.extensionPath));
    extensionId = extensionIdFor(extensionPath);
  }
  const policyFile = options.policyFile ?? POLICY_FILE;
  if (options.policy) {
    if (!extensionId) throw new Error('policy needs extensionPath');
    writeManagedPolicy(extensionId, options.policy, policyFile);
  }

  const userDataDir = mkdtempSync(join(tmpdir(), 'postcheck-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${hostResolverRules(server.port)}`,
    ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    ...(options.args ?? []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      headless: options.headless ?? true,
      executablePath: CHROMIUM,
      args,
      // Playwright passes --disable-extensions by default; it must go for --load-extension.
      ignoreDefaultArgs: extensionPath ? ['--disable-extensions'] : undefined,
      ignoreHTTPSErrors: true,
      locale: options.locale,
      timezoneId: options.timezoneId,
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    if (options.policy) removeManagedPolicy(policyFile);
    if (ownServer) await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  if (options.clockTime !== undefined) await context.clock.install({ time: options.clockTime });

  let serviceWorker: Worker | undefined;
  if (extensionId) {
    serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`),
        timeout: 15_000,
      }));
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    server,
    page,
    extensionId,
    serviceWorker,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      if (options.policy) removeManagedPolicy(policyFile);
      if (ownServer) await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium hands managed policy to the extension a few seconds after its worker starts:
 * wait until chrome.storage.managed in the worker returns something (or `predicate` holds).
 */
export async function waitForManagedPolicy(
  worker: Worker,
  predicate: (managed: Record<string, unknown>) => boolean = (m) => Object.keys(m).length > 0,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, unknown> = {};
  while (Date.now() < deadline) {
    last = (await worker.evaluate(() => (globalThis as any).chrome.storage.managed.get(null))) as Record<string, unknown>;
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`managed policy did not arrive within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

// ---------- opening the fixture sites ----------

async function openSite(page: Page, url: string): Promise<Page> {
  await page.goto(url);
  await page.waitForSelector('html[data-fixture-ready="true"]');
  return page;
}

/** https://x.com/home (Draft.js). */
export function openX(page: Page, path = '/home'): Promise<Page> {
  return openSite(page, `https://x.com${path}`);
}

/** https://www.facebook.com/ (Lexical); lang 'nl' translates labels ("Plaatsen"). */
export function openFacebook(page: Page, opts: { lang?: 'en' | 'nl' } = {}): Promise<Page> {
  return openSite(page, `https://www.facebook.com/${opts.lang ? `?lang=${opts.lang}` : ''}`);
}

/** https://www.linkedin.com/feed/ (Quill); shadow: share box inside #interop-outlet's open shadow root. */
export function openLinkedIn(page: Page, opts: { shadow?: boolean } = {}): Promise<Page> {
  return openSite(page, `https://www.linkedin.com/feed/${opts.shadow ? '?shadow=1' : ''}`);
}

// ---------- driving composers ----------

/**
 * Clicks into the composer and types like a user (real key events), after the existing
 * text (Ctrl+End) unless at: 'click'. Newlines are typed with Shift+Enter by default (a
 * line break in every fixture, and never a submit); pass newline: 'Enter' for plain Enter.
 */
export async function typeInComposer(
  page: Page,
  editor: string | Locator,
  text: string,
  opts: { newline?: 'Enter' | 'Shift+Enter'; delay?: number; at?: 'end' | 'click' } = {},
): Promise<void> {
  const locator = typeof editor === 'string' ? page.locator(editor).first() : editor;
  await locator.click();
  if (opts.at !== 'click') await page.keyboard.press('Control+End');
  let first = true;
  for (const line of text.split('\n')) {
    if (!first) await page.keyboard.press(opts.newline ?? 'Shift+Enter');
    first = false;
    if (line) await page.keyboard.type(line, { delay: opts.delay });
  }
}

/** Everything the fixture on this page has "posted" (read from the editors' models). */
export function postsOf(page: Page): Promise<Posted[]> {
  return page.evaluate(() => (window as any).__posts as Posted[]);
}

/** Waits until the page has recorded at least `count` posts and returns them. */
export async function waitForPosts(page: Page, count: number, timeout = 5_000): Promise<Posted[]> {
  await page.waitForFunction((n) => ((window as any).__posts?.length ?? 0) >= n, count, { timeout });
  return postsOf(page);
}

/**
 * Inserts text the way the extension does for Draft.js and Lexical: a synthetic
 * `paste` event carrying a DataTransfer with text/plain, dispatched on the focused editor.
 * Returns whether the editor handled it (defaultPrevented).
 */
export function pasteInto(editor: Locator, text: string): Promise<boolean> {
  return editor.evaluate((el: HTMLElement, t: string) => {
    el.focus();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  }, text);
}

/** Inserts text at the caret with document.execCommand('insertText') (what Quill notices). */
export function execInsertText(editor: Locator, text: string): Promise<boolean> {
  return editor.evaluate((el: HTMLElement, t: string) => {
    el.focus();
    return document.execCommand('insertText', false, t);
  }, text);
}

/** Puts the caret at the end of the editor's content (via the DOM selection). */
export function caretToEnd(editor: Locator): Promise<void> {
  return editor.evaluate((el: HTMLElement) => {
    el.focus();
    const root = el.getRootNode() as Document | ShadowRoot;
    const sel = ((root as any).getSelection?.() ?? document.getSelection()) as Selection;
    sel.selectAllChildren(el);
    sel.collapseToEnd();
  });
}

/**
 * The recipe for appending text (e.g. a disclaimer) that every fixture's model picks up:
 * focus, put the DOM caret at the end, WAIT for the resulting `selectionchange` (Draft.js
 * only syncs its model selection from that event; pasting in the same task inserts at
 * Draft's previous caret), then a synthetic paste ('paste') or execCommand('insertText').
 * Runs inside the page, like a content script would.
 */
export function insertAtEnd(editor: Locator, text: string, how: 'paste' | 'execCommand' = 'paste'): Promise<boolean> {
  return editor.evaluate(
    async (el: HTMLElement, [t, mode]: string[]) => {
      el.focus();
      const root = el.getRootNode() as Document | ShadowRoot;
      const sel = ((root as any).getSelection?.() ?? document.getSelection()) as Selection;
      const changed = new Promise((r) => {
        document.addEventListener('selectionchange', r, { once: true });
        setTimeout(r, 100); // no event when the caret was already there
      });
      sel.selectAllChildren(el);
      sel.collapseToEnd();
      await changed;
      if (mode === 'execCommand') return document.execCommand('insertText', false, t);
      const data = new DataTransfer();
      data.setData('text/plain', t!);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
      el.dispatchEvent(event);
      return event.defaultPrevented;
    },
    [text, how],
  );
}
