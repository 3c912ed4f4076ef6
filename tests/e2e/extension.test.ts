// End-to-end: the built extension (.output/chrome-mv3) in Debian's Chromium on
// the three fixture sites (real Draft.js, Lexical and Quill editors). Every
// post is read by the fixture from the editor's MODEL, so "posted text" below
// is what the site would really have published.
//
// Run: npx wxt build && npx vitest run --config vitest.e2e.config.ts tests/e2e/extension.test.ts
// Screenshots of the panel: tests/e2e/screenshots/ (POSTCHECK_SCREENSHOTS to change).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  openFacebook,
  openLinkedIn,
  openX,
  postsOf,
  SEL,
  typeInComposer,
  waitForPosts,
  type Launched,
} from './harness';
import { editorText, indicator, setUserSettings, utcDay, launchWithExtension, panel, panelButton, screenshot } from './extension-helpers';
import { CLEAN, DISCLAIMER, ON_BEHALF, POLITICAL, RISKY, RISKY_NL } from './extension-texts';

interface Site {
  name: 'x' | 'facebook' | 'linkedin';
  /** A draft held with a `warn` finding (so "Post anyway" is offered) and its category's label. */
  risky: string;
  category: RegExp;
  /** Opens the site and the main composer; returns its editor. */
  compose(page: Page): Promise<Locator>;
  post(page: Page): Promise<void>;
  /** The keyboard path: X's Ctrl+Enter, the comment box's Enter elsewhere. */
  keyboard: { open: (page: Page) => Promise<unknown>; editor: string; press: string; composer: string };
  /** A composer that only appears later (modal / dialog / shadow-root share box). */
  later(page: Page): Promise<{ editor: Locator; post: () => Promise<void> }>;
}

const SITES: Site[] = [
  {
    name: 'x',
    risky: RISKY,
    category: /About your work/i,
    async compose(page) {
      await openX(page);
      return page.locator(SEL.x.inlineEditor);
    },
    post: (page) => page.locator(SEL.x.inlineButton).click(),
    keyboard: { open: (page) => openX(page), editor: SEL.x.inlineEditor, press: 'Control+Enter', composer: 'inline' },
    async later(page) {
      await openX(page);
      await page.locator(SEL.x.openModal).click();
      return { editor: page.locator(SEL.x.modalEditor), post: () => page.locator(SEL.x.modalButton).click() };
    },
  },
  {
    name: 'facebook',
    risky: RISKY,
    category: /About your work/i,
    async compose(page) {
      await openFacebook(page);
      await page.locator(SEL.facebook.trigger).first().click();
      return page.locator(SEL.facebook.editor);
    },
    post: (page) => page.locator(SEL.facebook.postButton()).click(),
    keyboard: { open: (page) => openFacebook(page), editor: SEL.facebook.commentEditor, press: 'Enter', composer: 'comment' },
    async later(page) {
      // Dutch UI: the Post control is "Plaatsen", the dialog is created on demand.
      await openFacebook(page, { lang: 'nl' });
      await page.locator(SEL.facebook.trigger).first().click();
      return {
        editor: page.locator(SEL.facebook.editor),
        post: () => page.locator(SEL.facebook.postButton('Plaatsen')).click(),
      };
    },
  },
  {
    name: 'linkedin',
    // A LinkedIn profile names the employer, so by default an insult toward the boss
    // is raised to `block` there (tested below); a political call stays `warn`.
    risky: POLITICAL,
    category: /Political/i,
    async compose(page) {
      await openLinkedIn(page);
      await page.locator(SEL.linkedin.trigger).click();
      return page.locator(SEL.linkedin.editor);
    },
    post: (page) => page.locator(SEL.linkedin.postButton).click(),
    keyboard: { open: (page) => openLinkedIn(page), editor: SEL.linkedin.commentEditor, press: 'Enter', composer: 'comment' },
    async later(page) {
      // The share box inside #interop-outlet's open shadow root.
      await openLinkedIn(page, { shadow: true });
      await page.locator(SEL.linkedin.trigger).click();
      return { editor: page.locator(SEL.linkedin.editor), post: () => page.locator(SEL.linkedin.postButton).click() };
    },
  },
];

const ALWAYS = { timeZone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' };
let browser: Launched;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = browser.page;
  // Work hours all day, every day: political posts are held whenever the tests run.
  await setUserSettings(browser.serviceWorker!, { workHours: ALWAYS }, (p) => p.workHours?.days?.length === 7);

});
afterAll(async () => {
  await browser?.close();
});

/** Nothing more gets posted for a while (a held post stays held; a re-submit is not doubled). */
async function expectPostCountStays(count: number, ms = 700) {
  await page.waitForTimeout(ms);
  expect(await postsOf(page)).toHaveLength(count);
}

describe.each(SITES)('$name', (site) => {
  test('a clean draft posts at once, with no panel', async () => {
    const editor = await site.compose(page);
    await typeInComposer(page, editor, CLEAN);
    await site.post(page);
    const posts = await waitForPosts(page, 1, 3_000);
    expect(posts[0]!.text).toBe(CLEAN);
    expect(await panel(page).count()).toBe(0);
  });

  test('a risky draft is held and the panel names the category', async () => {
    const editor = await site.compose(page);
    await typeInComposer(page, editor, site.risky);
    await site.post(page);
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    await expect.poll(() => panel(page).innerText()).toMatch(site.category);
    expect(await panel(page).getAttribute('aria-modal')).toBe('true');
    await screenshot(page, `${site.name}-panel`);
    await expectPostCountStays(0);
  });

  test('"Edit post" closes the panel and keeps the text intact', async () => {
    const editor = await site.compose(page);
    await typeInComposer(page, editor, site.risky);
    await site.post(page);
    await panelButton(page, 'Edit post').click();
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await editorText(editor)).toBe(site.risky);
    // The composer has focus again and the flagged words are selected.
    expect(await editor.evaluate((el) => el.contains(document.activeElement) || el === document.activeElement)).toBe(true);
    expect((await page.evaluate(() => String(document.getSelection()))).length).toBeGreaterThan(0);
    await expectPostCountStays(0);
  });

  test('Esc is "Edit post" too, and Tab stays inside the panel', async () => {
    const editor = await site.compose(page);
    await typeInComposer(page, editor, site.risky);
    await site.post(page);
    await panel(page).waitFor();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('postcheck-panel');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await editorText(editor)).toBe(site.risky);
    await expectPostCountStays(0);
  });

  test('"Post anyway" posts exactly once, with the text unchanged', async () => {
    const editor = await site.compose(page);
    await typeInComposer(page, editor, site.risky);
    await site.post(page);
    await panelButton(page, 'Post anyway').click();
    const posts = await waitForPosts(page, 1);
    expect(posts[0]!.text).toBe(site.risky);
    await expectPostCountStays(1, 1_000);
    expect(await panel(page).count()).toBe(0);
  });

  test(`the keyboard path (${site.keyboard.press}) is held too`, async () => {
    await site.keyboard.open(page);
    const editor = page.locator(site.keyboard.editor);
    await typeInComposer(page, editor, site.risky);
    await page.keyboard.press(site.keyboard.press);
    await panel(page).waitFor();
    await expectPostCountStays(0);
    await panelButton(page, 'Post anyway').click();
    const posts = await waitForPosts(page, 1);
    expect(posts[0]).toMatchObject({ composer: site.keyboard.composer, text: site.risky });
    await expectPostCountStays(1);
  });

  test('an Enter that confirms an IME composition is not a submit', async () => {
    await site.keyboard.open(page);
    const editor = page.locator(site.keyboard.editor);
    await typeInComposer(page, editor, site.risky);
    // What Chromium sends when Enter confirms a Japanese/Chinese/Korean composition.
    await editor.evaluate((el, press) => {
      const init = { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true, composed: true };
      el.dispatchEvent(new KeyboardEvent('keydown', { ...init, ctrlKey: press.startsWith('Control') }));
    }, site.keyboard.press);
    await page.waitForTimeout(500);
    expect(await panel(page).count()).toBe(0);
  });

  test('a composer that appears later (dialog, modal, shadow root) is guarded', async () => {
    const later = await site.later(page);
    await typeInComposer(page, later.editor, site.risky);
    await later.post();
    await panel(page).waitFor();
    await expectPostCountStays(0);
    await screenshot(page, `${site.name}-later-panel`);
    await panelButton(page, 'Post anyway').click();
    const posts = await waitForPosts(page, 1);
    expect(posts[0]!.text).toBe(site.risky);
    await expectPostCountStays(1);
  });

  test('the disclaimer suggestion goes into the editor model and is posted', async () => {
    const editor = await site.compose(page);
    await typeInComposer(page, editor, ON_BEHALF);
    await site.post(page);
    await panel(page).waitFor();
    await panel(page).getByRole('button', { name: /own/i }).click();
    // Once the disclaimer is in, nothing is left to hold: the panel offers "Post".
    await panelButton(page, /^Post$/).click();
    const posts = await waitForPosts(page, 1);
    expect(posts[0]!.text.startsWith(ON_BEHALF)).toBe(true);
    expect(posts[0]!.text.slice(ON_BEHALF.length)).toMatch(DISCLAIMER);
    await expectPostCountStays(1);
  });

  test('while typing, a calm indicator counts what would be held', async () => {
    const editor = await site.compose(page);
    await typeInComposer(page, editor, site.risky);
    await expect.poll(() => indicator(page).isVisible(), { timeout: 3_000 }).toBe(true);
    expect(await indicator(page).innerText()).toMatch(/^\d+$/);
    // It never took focus or touched the editor.
    expect(await editorText(editor)).toBe(site.risky);
    expect(await editor.evaluate((el) => el.contains(document.activeElement) || el === document.activeElement)).toBe(true);
  });
});

describe('policy and language', () => {
  const worker = () => browser.serviceWorker!;
  afterAll(async () => {
    await setUserSettings(worker(), {}, (p) => !p.categories && p.language === 'auto');
  });

  test('a block finding offers no "Post anyway"', async () => {
    await setUserSettings(
      worker(),
      { categories: { 'employer-insult': { severity: 'block' } } },
      (p) => p.categories?.['employer-insult']?.severity === 'block',
    );
    const editor = await SITES[1]!.compose(page);
    await typeInComposer(page, editor, RISKY);
    await SITES[1]!.post(page);
    await panel(page).waitFor();
    expect(await panelButton(page, 'Post anyway').count()).toBe(0);
    expect(await panelButton(page, 'Edit post').count()).toBe(1);
    await screenshot(page, 'facebook-block-panel');
    await page.keyboard.press('Escape');
    await expectPostCountStays(0);
    // Pressing Post again is held again: a block cannot be clicked through.
    await SITES[1]!.post(page);
    await panel(page).waitFor();
    await expectPostCountStays(0);
  });

  test('a political post is held inside work hours and not outside', async () => {
    const now = new Date();
    const hours = (day: string) => ({ timeZone: 'UTC', days: [day], start: '00:00', end: '23:59' });
    await setUserSettings(worker(), { workHours: hours(utcDay(now)) }, (p) => p.workHours?.days?.[0] === utcDay(now));
    let editor = await SITES[0]!.compose(page);
    await typeInComposer(page, editor, POLITICAL);
    await SITES[0]!.post(page);
    await expect.poll(() => panel(page).innerText()).toMatch(/Political/i);
    await expectPostCountStays(0);

    await setUserSettings(worker(), { workHours: hours(utcDay(now, 1)) }, (p) => p.workHours?.days?.[0] === utcDay(now, 1));
    editor = await SITES[0]!.compose(page);
    await typeInComposer(page, editor, POLITICAL);
    await SITES[0]!.post(page);
    const posts = await waitForPosts(page, 1);
    expect(posts[0]!.text).toBe(POLITICAL);
    expect(await panel(page).count()).toBe(0);
  });

  test('the panel speaks Dutch when the language is Dutch', async () => {
    await setUserSettings(worker(), { language: 'nl' }, (p) => p.language === 'nl');
    const editor = await SITES[1]!.compose(page);
    await typeInComposer(page, editor, RISKY_NL);
    await SITES[1]!.post(page);
    await panel(page).waitFor();
    expect(await panelButton(page, 'Bericht bewerken').count()).toBe(1);
    expect(await panelButton(page, 'Toch plaatsen').count()).toBe(1);
    await screenshot(page, 'facebook-panel-nl');
    await panelButton(page, 'Toch plaatsen').click();
    const posts = await waitForPosts(page, 1);
    expect(posts[0]!.text).toBe(RISKY_NL);
  });

  test('a policy asking for a reason keeps "Post anyway" off until one is written', async () => {
    await setUserSettings(
      worker(),
      { postAnyway: { warn: true, block: false, requireReason: true } },
      (p) => p.postAnyway?.requireReason === true,
    );
    const editor = await SITES[0]!.compose(page);
    await typeInComposer(page, editor, RISKY);
    await SITES[0]!.post(page);
    await panel(page).waitFor();
    expect(await panelButton(page, 'Post anyway').isDisabled()).toBe(true);
    await panel(page).getByRole('textbox').fill('It is satire, and my boss knows.');
    expect(await panelButton(page, 'Post anyway').isDisabled()).toBe(false);
    await panelButton(page, 'Post anyway').click();
    expect((await waitForPosts(page, 1))[0]!.text).toBe(RISKY);
  });

  test('the user\'s own disclaimer is the one inserted', async () => {
    await setUserSettings(worker(), { disclaimer: 'I speak in my own name.' }, (p) => p.language === 'auto');
    const editor = await SITES[0]!.compose(page);
    await typeInComposer(page, editor, ON_BEHALF);
    await SITES[0]!.post(page);
    await panel(page).getByRole('button', { name: /own/i }).click();
    await panelButton(page, /^Post$/).click();
    const posts = await waitForPosts(page, 1);
    expect(posts[0]!.text).toContain('I speak in my own name.');
  });
});

describe('a post faster than the engine', () => {
  // A fresh page has no engine yet; focus starts loading it, and the submit
  // comes in the same task. The post is held, checked, then replayed or shown.
  async function fastComment(text: string) {
    await openLinkedIn(page);
    await page.locator(SEL.linkedin.commentEditor).evaluate(async (el: HTMLElement, t: string) => {
      el.focus();
      document.execCommand('insertText', false, t);
      await new Promise((r) => setTimeout(r, 0)); // Quill reads the DOM change into its model
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true }));
    }, text);
  }

  test('a clean one is replayed once after the check', async () => {
    await fastComment(CLEAN);
    const posts = await waitForPosts(page, 1);
    expect(posts[0]!.text).toBe(CLEAN);
    await expectPostCountStays(1);
  });

  test('a risky one opens the panel', async () => {
    await fastComment(RISKY);
    await panel(page).waitFor();
    await expectPostCountStays(0);
  });
});

describe('robustness', () => {
  test('a page cannot probe for Postcheck at its fixed extension URL', async () => {
    await openX(page);
    const reachable = await page.evaluate(async (id) => {
      try {
        await fetch(`chrome-extension://${id}/postcheck-engine.js`);
        return true;
      } catch {
        return false;
      }
    }, browser.extensionId!);
    expect(reachable).toBe(false);
  });

  test('LinkedIn names the employer in the profile: the same insult is a block there, and the panel says why', async () => {
    const editor = await SITES[2]!.compose(page);
    await typeInComposer(page, editor, RISKY);
    await SITES[2]!.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toMatch(/profile on LinkedIn names your employer/i);
    expect(await panelButton(page, 'Post anyway').count()).toBe(0);
    await screenshot(page, 'linkedin-block-stricter');
    await expectPostCountStays(0);
  });

  test('X: Cmd+Enter (macOS) is held like Ctrl+Enter', async () => {
    await openX(page);
    const editor = page.locator(SEL.x.inlineEditor);
    await typeInComposer(page, editor, RISKY);
    await page.keyboard.press('Meta+Enter');
    await panel(page).waitFor();
    await expectPostCountStays(0);
  });

  test('X: with the timeline box and the modal both live, only the composer that posts is checked', async () => {
    await openX(page);
    await typeInComposer(page, page.locator(SEL.x.inlineEditor), RISKY);
    await page.locator(SEL.x.openModal).click();
    await typeInComposer(page, page.locator(SEL.x.modalEditor), CLEAN);
    await page.locator(SEL.x.modalButton).click();
    const posts = await waitForPosts(page, 1);
    expect(posts[0]).toMatchObject({ composer: 'modal', text: CLEAN });
    expect(await panel(page).count()).toBe(0);
  });

  test('the generic fallback still holds a post when the site renames its markers', async () => {
    await openX(page);
    // A redesign: the data-testid markers are gone; a textbox and a "Post" button remain.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-testid="primaryColumn"] [data-testid]')) el.removeAttribute('data-testid');
    });
    const editor = page.locator('[data-testid="primaryColumn"] [contenteditable="true"][role="textbox"]');
    await typeInComposer(page, editor, RISKY);
    await page.locator('[data-testid="primaryColumn"] [role="button"]', { hasText: 'Post' }).click();
    await panel(page).waitFor();
    await expectPostCountStays(0);
    await panelButton(page, 'Post anyway').click();
    expect((await waitForPosts(page, 1))[0]!.text).toBe(RISKY);
  });

  test('the panel goes away with its composer (dialog closed by the site, SPA navigation)', async () => {
    const editor = await SITES[1]!.compose(page);
    await typeInComposer(page, editor, RISKY);
    await SITES[1]!.post(page);
    await panel(page).waitFor();
    await page.evaluate(() => document.querySelector('.fb-layer')?.remove());
    await expect.poll(() => page.locator('postcheck-panel').count()).toBe(0);
    await expectPostCountStays(0);
  });
});
