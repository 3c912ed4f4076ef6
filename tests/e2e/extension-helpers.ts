// Helpers for the extension's end-to-end tests, on top of the shared harness
// (tests/e2e/harness.ts): the built extension, its panel, and policies.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page, Worker } from 'playwright-core';
import { launchBrowser, type LaunchOptions, type Launched } from './harness';
import { EXTENSION_ID } from './extension-id';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const SCREENSHOT_DIR = resolve(process.env.POSTCHECK_SCREENSHOTS ?? 'tests/e2e/screenshots');

const SOURCES = ['entrypoints', 'components', 'rules', 'lib', 'public', 'wxt.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds the extension when there is no build or a source is newer than it
 * (POSTCHECK_E2E_BUILD=1 always rebuilds), so a test never runs a stale build.
 */
export function ensureExtensionBuilt(): string {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const stale = SOURCES.some((s) => newestMtime(resolve(s)) > builtAt);
  if (process.env.POSTCHECK_E2E_BUILD === '1' || stale) {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  }
  return EXTENSION_DIR;
}

/**
 * Launches Chromium with a private copy of the build: another process may
 * rebuild .output/chrome-mv3 while a long test file runs, and the lazily
 * imported engine would then be missing mid-session. Same manifest key, so
 * the same extension id.
 */
export async function launchWithExtension(options: Omit<LaunchOptions, 'extensionPath'> = {}): Promise<Launched> {
  const source = ensureExtensionBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'postcheck-ext-'));
  const needed = ['manifest.json', 'postcheck-engine.js', 'background.js', 'content-scripts/content.js'];
  for (let attempt = 0; ; attempt++) {
    cpSync(source, dir, { recursive: true });
    if (needed.every((f) => existsSync(join(dir, f)))) break;
    rmSync(dir, { recursive: true, force: true });
    if (attempt > 20) throw new Error(`incomplete build in ${source}`);
    mkdirSync(dir);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  let launched: Launched;
  try {
    launched = await launchBrowser({ ...options, extensionPath: dir });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const close = launched.close;
  launched = {
    ...launched,
    async close() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (launched.extensionId !== EXTENSION_ID) {
    await launched.close();
    throw new Error(`extension id ${launched.extensionId} is not the fixed ${EXTENSION_ID}: manifest key changed?`);
  }
  return launched;
}

/** The panel (inside its open shadow root; Playwright locators pierce it). */
export function panel(page: Page): Locator {
  return page.locator('postcheck-panel [role="alertdialog"]');
}

export function panelButton(page: Page, name: RegExp | string): Locator {
  return panel(page).getByRole('button', { name });
}

/** The typing indicator's dot. */
export function indicator(page: Page): Locator {
  return page.locator('postcheck-indicator .dot');
}

/**
 * Waits until the background has published an effective policy for which
 * `predicate` holds (managed policy reaches the extension seconds after start).
 */
export async function waitForEffectivePolicy(
  worker: Worker,
  predicate: (policy: Record<string, any>) => boolean,
  timeoutMs = 25_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, any> = {};
  while (Date.now() < deadline) {
    last = (await worker.evaluate(async () => {
      const v = await (globalThis as any).chrome.storage.local.get('effectivePolicy');
      return v.effectivePolicy ?? {};
    })) as Record<string, any>;
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`effective policy not as expected within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

/** The text the editor shows, read in the page (what the user sees). */
export function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((el) => (el as HTMLElement).innerText.replace(/\n$/, ''));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

/** Three-letter day of the week for `date` in UTC, as policies name days. */
export function utcDay(date: Date, offsetDays = 0): string {
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(date.getUTCDay() + offsetDays + 7) % 7]!;
}

/**
 * Sets the user's own settings (storage.sync `userSettings`, what the options
 * page writes) and waits until the background has published the resulting
 * effective policy. Unlike a managed policy file this is per browser profile,
 * so parallel test runs cannot disturb each other.
 */
export async function setUserSettings(
  worker: Worker,
  settings: Record<string, unknown>,
  predicate: (policy: Record<string, any>) => boolean,
): Promise<Record<string, any>> {
  await worker.evaluate((s) => (globalThis as any).chrome.storage.sync.set({ userSettings: s }), settings);
  return waitForEffectivePolicy(worker, predicate);
}
