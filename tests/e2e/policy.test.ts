// Admin policy end to end, in Debian's Chromium with the built extension:
// a policy file under /etc/chromium/policies/managed/ for the extension's id
// reaches the service worker's chrome.storage.managed, the background
// publishes the effective policy, the options page shows it (employer,
// locked categories), an invalid policy shows its JSON-path errors while the
// last good values keep guarding posts, and a policy change reaches a tab
// that was already open. Screenshots of the options page and the popup.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import {
  SEL,
  launchBrowser,
  openX,
  postsOf,
  removeManagedPolicy,
  typeInComposer,
  waitForManagedPolicy,
  writeManagedPolicy,
} from './harness';
import { EXTENSION_ID } from '../../lib/extension-id';
import { SCREENSHOT_DIR, launchWithExtension, panel, screenshot, waitForEffectivePolicy } from './extension-helpers';
import type { Launched } from './harness';

const GOOD = {
  employer: { names: ['Acme Logistics', 'Acme'], handles: ['@acme'], domains: ['acme.example'] },
  confidential: { terms: ['Project Falcon'] },
  workHours: { timeZone: 'Europe/Brussels', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:00' },
  categories: { hate: { severity: 'block' } },
  customRules: [
    { id: 'bluebird', category: 'confidential', terms: ['Bluebird'], severity: 'warn' },
    // A pattern: the tab loads RE2 (postcheck-re2.js) on demand to compile it.
    { id: 'ticket-ids', category: 'confidential', pattern: 'TCK-[0-9]{6}' },
  ],
  policyUrl: 'https://intranet.acme.example/social-media',
  locks: ['categories'],
};

// Chrome's permissive managed_schema lets these through; the extension's own
// validation refuses them by JSON path. The new confidential term is valid
// and must apply; the broken keys keep their last good values.
const BROKEN = {
  ...GOOD,
  confidential: { terms: ['Project Falcon', 'Nightjar'] },
  workHours: { ...GOOD.workHours, start: '25:00' },
  customRules: [...GOOD.customRules, { id: 'bad-rule', category: 'confidential', pattern: '(unclosed' }],
};

let b: Launched;
let worker: Worker;
let id: string;

async function localGet(key: string): Promise<any> {
  return worker.evaluate(async (k) => (await (globalThis as any).chrome.storage.local.get(k))[k], key);
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 25_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await fn();
  }
  return last;
}

/** Types into X's inline composer, clicks Post, and says whether Postcheck held it. */
async function heldOnX(page: Page, text: string): Promise<boolean> {
  await page.bringToFront(); // background tabs get no animation frames
  const before = (await postsOf(page)).length;
  await typeInComposer(page, SEL.x.inlineEditor, text);
  await page.click(SEL.x.inlineButton);
  const held = await panel(page)
    .waitFor({ timeout: 4000 })
    .then(() => true)
    .catch(() => false);
  if (held) {
    // "Edit post" closes the panel and keeps the text
    const edit = panel(page).getByRole('button', { name: /edit post/i });
    if (await edit.count()) await edit.first().click();
    else await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached', timeout: 4000 });
    // clear the composer for the next try
    await page.locator(SEL.x.inlineEditor).first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
  } else {
    expect((await postsOf(page)).length).toBe(before + 1);
  }
  return held;
}

async function fullPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  // POSTCHECK_EXTENSION_DIR: a build of one's own (the shared .output/ may be
  // rebuilt by someone else in the middle of a run).
  const dir = process.env.POSTCHECK_EXTENSION_DIR;
  b = dir ? await launchBrowser({ extensionPath: dir, policy: GOOD }) : await launchWithExtension({ policy: GOOD });
  worker = b.serviceWorker!;
  id = b.extensionId!;
  expect(id).toBe(EXTENSION_ID);
}, 120_000);

afterAll(async () => {
  await b?.close();
  removeManagedPolicy();
});

describe('admin policy through /etc/chromium/policies/managed', () => {
  let options: Page;
  let xTab: Page;

  it('reaches chrome.storage.managed in the service worker and becomes the effective policy', async () => {
    const managed = await waitForManagedPolicy(worker, (m) => Array.isArray((m.employer as any)?.names));
    expect((managed.employer as any).names).toEqual(GOOD.employer.names);
    const effective = await waitForEffectivePolicy(worker, (p) => p.employer?.names?.includes('Acme Logistics'));
    expect(effective.customRules).toHaveLength(2);
    expect(effective.postAnyway).toEqual({ warn: true, block: false, requireReason: false }); // built-in default
    const status = await localGet('policyStatus');
    expect(status.source).toBe('admin');
    expect(status.locks.categories).toHaveLength(5);
    expect(await localGet('policyErrors')).toBeUndefined();
  });

  it('the options page shows the employer, where settings come from, and the policy link', async () => {
    options = await b.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await expect.poll(() => options.getByTestId('employer-names').innerText()).toContain('Acme Logistics');
    expect(await options.getByTestId('employer-handles').innerText()).toContain('@acme');
    expect(await options.getByTestId('policy-source').innerText()).toMatch(/organisation/i);
    expect(await options.getByTestId('custom-rules-count').innerText()).toMatch(/2/);
    expect(await options.getByTestId('work-hours').innerText()).toContain('08:30');
    expect(await options.getByTestId('policy-link').getAttribute('href')).toBe(GOOD.policyUrl);
    expect(await options.getByTestId('policy-errors').count()).toBe(0);
  });

  it('a locked category cannot be turned off in the options page', async () => {
    const hate = options.locator('#cat-hate-enabled');
    expect(await hate.isChecked()).toBe(true);
    expect(await hate.isDisabled()).toBe(true);
    expect(await options.getByTestId('category-hate').getAttribute('data-locked')).toBe('true');
    await hate.click({ force: true }).catch(() => {});
    await options.waitForTimeout(300);
    expect(await hate.isChecked()).toBe(true);
    const effective = await localGet('effectivePolicy');
    expect(effective.categories?.hate?.enabled).not.toBe(false);
    expect(effective.categories?.hate?.severity).toBe('block');
    // even a user setting written behind the page's back does not unlock it
    await worker.evaluate(() =>
      (globalThis as any).chrome.storage.sync.set({ userSettings: { categories: { hate: { enabled: false } } } }),
    );
    await options.waitForTimeout(500);
    expect((await localGet('effectivePolicy')).categories?.hate?.enabled).not.toBe(false);
    await worker.evaluate(() => (globalThis as any).chrome.storage.sync.remove('userSettings'));
  });

  it('the "try a post" box checks a sample locally with the admin’s rules', async () => {
    await options.locator('#try-text').fill('Big news: Bluebird ships on Monday!');
    const result = options.getByTestId('try-result');
    await expect.poll(() => result.innerText(), { timeout: 10_000 }).toMatch(/Bluebird/);
    expect(await options.locator('[data-testid="try-preview"] mark').first().innerText()).toBe('Bluebird');
    await fullPage(options, 'options-admin-policy');
  });

  it('the admin’s employer name, confidential term and custom rule hold posts in a fixture composer', async () => {
    xTab = await b.context.newPage();
    await openX(xTab);
    expect(await heldOnX(xTab, 'Acme Logistics are idiots')).toBe(true); // employer name from the policy
    expect(await heldOnX(xTab, 'Project Falcon launches next week')).toBe(true); // confidential term
    expect(await heldOnX(xTab, 'Big news: Bluebird ships on Monday!')).toBe(true); // custom rule
    expect(await heldOnX(xTab, 'Fixed in TCK-204518 this morning, thanks all')).toBe(true); // custom pattern (RE2 on demand)
    expect(await heldOnX(xTab, 'Fixed in TCK-2045 this morning, thanks all')).toBe(false);
    expect(await heldOnX(xTab, 'Nightjar is coming')).toBe(false);
  });

  it('an invalid policy shows its errors by JSON path; the last good values stay in force; the valid part reaches the open tab', async () => {
    writeManagedPolicy(id, BROKEN);
    await waitForManagedPolicy(worker, (m) => (m.workHours as any)?.start === '25:00', 30_000);
    const errors = await until(
      () => localGet('policyErrors'),
      (v) => !!v?.errors?.length,
    );
    const paths = errors.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['$.customRules[2].pattern', '$.workHours.start']);

    const effective = await waitForEffectivePolicy(worker, (p) => p.confidential?.terms?.includes('Nightjar'));
    expect(effective.workHours.start).toBe('08:30'); // last good
    expect(effective.customRules).toEqual(GOOD.customRules); // last good
    expect(effective.employer).toEqual(GOOD.employer);

    // a "!" on the toolbar icon
    await expect.poll(() => worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe('!');

    // the options page (open all along) updates by itself
    const errorItems = options.getByTestId('policy-error');
    await expect.poll(() => errorItems.count()).toBe(2);
    const text = await options.getByTestId('policy-errors').innerText();
    expect(text).toContain('$.workHours.start');
    expect(text).toContain('$.customRules[2].pattern');
    expect(await options.getByTestId('kept-last-good').innerText()).toMatch(/customRules.*workHours|workHours.*customRules/);
    expect(await options.getByTestId('employer-names').innerText()).toContain('Acme Logistics');
    expect(await options.getByTestId('work-hours').innerText()).toContain('08:30');
    await options.bringToFront();
    await options.evaluate(() => window.scrollTo(0, 0));
    await fullPage(options, 'options-policy-errors');

    // the tab opened before the change: last good rule still guards, the new term applies without reload
    expect(await heldOnX(xTab, 'Big news: Bluebird ships on Monday!')).toBe(true);
    expect(await heldOnX(xTab, 'Nightjar is coming')).toBe(true);
  });

  it('the popup shows the policy source and the error indicator', async () => {
    const popup = await b.context.newPage();
    await popup.setViewportSize({ width: 360, height: 420 });
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await expect.poll(() => popup.getByTestId('popup-policy').innerText()).toMatch(/organisation/i);
    expect(await popup.getByTestId('popup-errors').innerText()).toMatch(/2/);
    await screenshot(popup, 'popup');
    await popup.close();
  });

  it('fixing the policy clears the errors', async () => {
    writeManagedPolicy(id, { ...GOOD, workHours: { ...GOOD.workHours, start: '08:00' } });
    await waitForEffectivePolicy(worker, (p) => p.workHours?.start === '08:00', 30_000);
    await until(
      () => localGet('policyErrors'),
      (v) => v === undefined,
    );
    await expect.poll(() => options.getByTestId('policy-errors').count()).toBe(0);
    expect(await options.getByTestId('work-hours').innerText()).toContain('08:00');
    await expect.poll(() => worker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe('');
  });

  it('the user’s language choice (not locked here) switches the page to Dutch; dark mode looks right', async () => {
    await options.bringToFront();
    await options.selectOption('#language', 'nl');
    await expect.poll(() => options.locator('h1').innerText()).toBe('Instellingen van Postcheck');
    expect((await localGet('effectivePolicy')).language).toBe('nl');
    expect((await localGet('policyStatus')).origins.language).toBe('user');
    await options.emulateMedia({ colorScheme: 'dark' });
    await fullPage(options, 'options-nl-dark');
    await options.emulateMedia({ colorScheme: 'light' });
    await options.selectOption('#language', 'auto');
  });

  it('removing the policy file goes back to built-in settings, in the open tab too', async () => {
    removeManagedPolicy();
    await until(
      () => localGet('policyStatus'),
      (v) => v?.source === 'builtin',
      30_000,
    );
    expect((await localGet('effectivePolicy')).employer).toBeUndefined();
    expect(await localGet('lastGoodManaged')).toBeUndefined();
    await expect.poll(() => options.getByTestId('policy-source').innerText()).toMatch(/built-in/i);
    // without the policy, "Acme" is just a word: the same post goes through
    expect(await heldOnX(xTab, 'Acme Logistics are idiots')).toBe(false);
  });
});
