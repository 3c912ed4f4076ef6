// The second half of `npm run demo` (see scripts/demo.sh): serve the fixture
// sites, map the real host names to them, and open Chromium with the built
// extension. Headed when there is a display; otherwise a scripted tour in
// headless Chromium that writes screenshots of the panel to .output/demo/.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { HOSTS, startFixtureServer } from '../tests/fixtures/server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve('.output/chrome-mv3');
const SHOTS = resolve('.output/demo');
const URLS = ['https://x.com/home', 'https://www.facebook.com/', 'https://www.linkedin.com/feed/'];
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const server = await startFixtureServer();
const rules = Object.keys(HOSTS).map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ');
const profile = mkdtempSync(join(tmpdir(), 'postcheck-demo-'));
const args = [
  `--disable-extensions-except=${EXTENSION}`,
  `--load-extension=${EXTENSION}`,
  `--host-resolver-rules=${rules}`,
  // The fixtures' certificate is self-signed (the real sites are HTTPS-only).
  '--ignore-certificate-errors',
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
const cleanup = async () => {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
};

if (!headless) {
  console.log(`Chromium opens X, Facebook and LinkedIn look-alikes with Postcheck loaded.
Try a post such as "My boss is a complete idiot." and press Post (or Ctrl+Enter on X,
Enter in a comment box), or "On behalf of my company, we are proud to announce…"
and use the panel's suggestion. Close the browser to stop the demo.`);
  const browser = spawn(CHROMIUM, [`--user-data-dir=${profile}`, ...args, ...URLS], { stdio: 'ignore' });
  const stop = () => browser.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise((done) => browser.on('exit', done));
  await cleanup();
  process.exit(0);
}

// ---- headless: a scripted tour with screenshots ----
console.log('No display: running a headless tour; screenshots go to .output/demo/');
mkdirSync(SHOTS, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  headless: true,
  executablePath: CHROMIUM,
  args,
  ignoreDefaultArgs: ['--disable-extensions'],
  ignoreHTTPSErrors: true,
  viewport: { width: 1280, height: 860 },
});
const panel = (page) => page.locator('postcheck-panel [role="alertdialog"]');
const shots = [];
async function shot(page, name) {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  shots.push(path);
}
async function ready(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-fixture-ready="true"]', { state: 'attached' });
}
async function type(page, selector, text) {
  await page.locator(selector).first().click();
  await page.keyboard.type(text);
}
const RISKY = 'My boss is a complete idiot.';
const ON_BEHALF = 'On behalf of my company, we are proud to announce our new warehouse.';

const tour = [
  {
    name: 'x',
    url: URLS[0],
    async compose(page) {
      await type(page, '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"][contenteditable="true"]', RISKY);
      await page.locator('[data-testid="tweetButtonInline"]').click();
    },
  },
  {
    name: 'facebook',
    url: URLS[1],
    async compose(page) {
      await page.locator('[role="main"] [role="button"]').first().click();
      await type(page, '[role="dialog"] [data-lexical-editor="true"]', ON_BEHALF);
      await page.locator('[role="dialog"] div[role="button"][aria-label="Post"]').click();
    },
  },
  {
    name: 'linkedin',
    url: URLS[2],
    async compose(page) {
      await page.locator('.share-box-feed-entry__trigger').click();
      await type(page, '.share-creation-state .ql-editor', RISKY);
      await page.locator('button.share-actions__primary-action').click();
    },
  },
];

let failed = false;
const page = context.pages()[0] ?? (await context.newPage());
for (const step of tour) {
  try {
    await ready(page, step.url);
    await step.compose(page);
    await panel(page).waitFor({ timeout: 10_000 });
    await shot(page, `${step.name}-panel`);
    console.log(`  ${step.name}: held, panel shown`);
  } catch (error) {
    failed = true;
    console.error(`  ${step.name}: ${error.message.split('\n')[0]}`);
    await shot(page, `${step.name}-error`).catch(() => {});
  }
}
await context.close();
await cleanup();
console.log(`\nScreenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
console.log(`\nTo try it yourself, run on a machine with a display: npm run demo
(or start the fixture server with "node tests/fixtures/server.mjs" and load
.output/chrome-mv3 as an unpacked extension, mapping the hosts as it prints).`);
process.exit(failed ? 1 : 0);
