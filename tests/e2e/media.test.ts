// End-to-end (issue 9): the photo/video question and the per-site step-up, in
// the built extension on the three fixture sites. The fixtures draw attachment
// previews marked up like the real composers' and record each post's media
// counts (`media` in window.__posts) from their own state.
//
// Policies are written to storage.local `effectivePolicy` (what the content
// script reads) through the extension's service worker and pinned there for
// this browser profile: no machine-wide /etc/chromium/policies file, so other
// test files cannot be disturbed.
//
// Run: npx vitest run --config vitest.e2e.config.ts tests/e2e/media.test.ts
// Screenshots: tests/e2e/screenshots/media-*.png
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page, Worker } from 'playwright-core';
import { openFacebook, openLinkedIn, openX, postsOf, SEL, typeInComposer, waitForPosts, type Launched } from './harness';
import { launchWithExtension, panel, panelButton, screenshot, waitForEffectivePolicy } from './extension-helpers';
import { CLEAN, RISKY } from './extension-texts';

interface Media {
  images: number;
  videos: number;
  gifs: number;
}
interface PostedWithMedia {
  site: string;
  composer: string;
  text: string;
  media?: Media;
}

type Kind = 'photo' | 'video' | 'gif';

interface Site {
  name: 'x' | 'facebook' | 'linkedin';
  compose(page: Page): Promise<Locator>;
  attach(page: Page, kind: Kind): Promise<void>;
  post(page: Page): Promise<void>;
  /** Removes the attachments the way the site's own control does (works under our panel's backdrop too). */
  removeMedia(page: Page): Promise<void>;
}

const X: Site = {
  name: 'x',
  async compose(page) {
    await openX(page);
    return page.locator(SEL.x.inlineEditor);
  },
  async attach(page, kind) {
    const id = { photo: 'fixtureAddPhoto', video: 'fixtureAddVideo', gif: 'gifSearchButton' }[kind];
    await page.locator(`[data-testid="primaryColumn"] [data-testid="${id}"]`).click();
  },
  post: (page) => page.locator(SEL.x.inlineButton).click(),
  removeMedia: (page) =>
    page.evaluate(() => {
      for (const b of document.querySelectorAll<HTMLElement>('[data-testid="primaryColumn"] [data-testid="removeMedia"]')) b.click();
    }),
};

const FACEBOOK: Site = {
  name: 'facebook',
  async compose(page) {
    await openFacebook(page);
    await page.locator(SEL.facebook.trigger).first().click();
    return page.locator(SEL.facebook.editor);
  },
  async attach(page, kind) {
    const label = { photo: 'Photo/video', video: 'Video', gif: 'GIF' }[kind];
    await page.locator(`[role="dialog"] [role="button"][aria-label="${label}"]`).click();
  },
  post: (page) => page.locator(SEL.facebook.postButton()).click(),
  removeMedia: (page) =>
    page.evaluate(() => document.querySelector<HTMLElement>('[role="dialog"] [aria-label="Remove post attachment"]')?.click()),
};

const LINKEDIN: Site = {
  name: 'linkedin',
  async compose(page) {
    await openLinkedIn(page);
    await page.locator(SEL.linkedin.trigger).click();
    return page.locator(SEL.linkedin.editor);
  },
  async attach(page, kind) {
    const label = kind === 'video' ? 'Add a video' : 'Add media';
    await page.locator(`.share-box button[aria-label="${label}"]`).click();
  },
  post: (page) => page.locator(SEL.linkedin.postButton).click(),
  removeMedia: (page) =>
    page.evaluate(() => document.querySelector<HTMLElement>('.share-creation-state__preview-container-btn')?.click()),
};

const SITES = [X, FACEBOOK, LINKEDIN];

/** The policy every test starts from: built-in behaviour, political never in the way. */
const BASE = { postAnyway: { warn: true, block: false, requireReason: false }, language: 'auto' };

/** Generous: these machines also run benchmarks and other suites. */
const POLL = { timeout: 5_000 };

let browser: Launched;
let page: Page;
let worker: Worker;

/**
 * Puts `policy` in force for this profile: written where the content script
 * reads it and pinned there (the background recomputes the effective policy
 * once more after a start-up grace period; the pin writes ours back).
 */
async function setPolicy(policy: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (p) => {
    const g = globalThis as any;
    // storage hands objects back with their keys sorted: compare canonically.
    const canon = (v: unknown): string =>
      JSON.stringify(v, (_k, x) =>
        x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
      );
    g.__postcheckTestPolicy = p;
    if (!g.__postcheckTestPin) {
      g.__postcheckTestPin = true;
      g.chrome.storage.onChanged.addListener((changes: any, area: string) => {
        const want = g.__postcheckTestPolicy;
        if (area === 'local' && changes.effectivePolicy && canon(changes.effectivePolicy.newValue) !== canon(want)) {
          void g.chrome.storage.local.set({ effectivePolicy: want });
        }
      });
    }
    await g.chrome.storage.local.set({ effectivePolicy: p });
  }, policy);
  await waitForEffectivePolicy(worker, (p) => canon(p) === canon(policy));
}

const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

function reminder(p: Page): Locator {
  return p.locator('postcheck-reminder .reminder');
}

async function posts(): Promise<PostedWithMedia[]> {
  return (await postsOf(page)) as PostedWithMedia[];
}

/** Nothing more gets posted for a while. */
async function expectPostCountStays(count: number, ms = 700) {
  await page.waitForTimeout(ms);
  expect(await posts()).toHaveLength(count);
}

beforeAll(async () => {
  browser = await launchWithExtension();
  page = browser.page;
  worker = browser.serviceWorker!;
  // The background's own first publication, before ours replaces it.
  await waitForEffectivePolicy(worker, (p) => !!p.postAnyway);
});
afterAll(async () => {
  await browser?.close();
});

describe.each(SITES)('media on $name', (site) => {
  test('info (the default): a calm reminder with the count, and the post goes through with its media', async () => {
    await setPolicy(BASE);
    const editor = await site.compose(page);
    await typeInComposer(page, editor, CLEAN);
    await site.attach(page, 'photo');
    await site.post(page);
    const [posted] = (await waitForPosts(page, 1)) as PostedWithMedia[];
    expect(posted).toMatchObject({ text: CLEAN, media: { images: 1, videos: 0, gifs: 0 } });
    await expect.poll(() => reminder(page).isVisible(), POLL).toBe(true);
    expect(await reminder(page).innerText()).toContain('Would you show this to all your colleagues? (1 photo)');
    expect(await panel(page).count()).toBe(0);
    await screenshot(page, `media-${site.name}-info-reminder`);
    await expectPostCountStays(1);
    // Dismissable, and it never took focus.
    await reminder(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.locator('postcheck-reminder').count(), POLL).toBe(0);
  });

  test('warn: the post is held in the panel with the count; "Post anyway" posts once, media included', async () => {
    await setPolicy({ ...BASE, media: { severity: 'warn' } });
    const editor = await site.compose(page);
    await typeInComposer(page, editor, CLEAN);
    await site.attach(page, 'photo');
    await site.attach(page, 'photo');
    await site.attach(page, 'video');
    await screenshot(page, `media-${site.name}-composer-attachments`);
    await site.post(page);
    await panel(page).waitFor();
    const text = await panel(page).innerText();
    expect(text).toMatch(/Photo or video/i);
    expect(text).toContain('Would you show this to all your colleagues? (2 photos and 1 video)');
    await screenshot(page, `media-${site.name}-warn-panel`);
    await expectPostCountStays(0);
    await panelButton(page, 'Post anyway').click();
    const [posted] = (await waitForPosts(page, 1)) as PostedWithMedia[];
    expect(posted).toMatchObject({ text: CLEAN, media: { images: 2, videos: 1, gifs: 0 } });
    await expectPostCountStays(1, 1_000);
  });

  test('switched off (media.enabled: false): nothing is asked, the post goes through', async () => {
    await setPolicy({ ...BASE, media: { enabled: false, severity: 'warn' } });
    const editor = await site.compose(page);
    await typeInComposer(page, editor, CLEAN);
    await site.attach(page, 'video');
    await site.post(page);
    const [posted] = (await waitForPosts(page, 1)) as PostedWithMedia[];
    expect(posted!.media).toEqual({ images: 0, videos: 1, gifs: 0 });
    await page.waitForTimeout(500);
    expect(await panel(page).count()).toBe(0);
    expect(await page.locator('postcheck-reminder').count()).toBe(0);
  });
});

describe('media: asked once per draft, following the media', () => {
  test('after "Edit post" the same draft is not asked again; adding a photo makes it a new draft', async () => {
    await setPolicy({ ...BASE, media: { severity: 'warn' } });
    const editor = await X.compose(page);
    await typeInComposer(page, editor, CLEAN);
    await X.attach(page, 'photo');
    await X.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toContain('(1 photo)');
    await panelButton(page, 'Edit post').click();
    await expect.poll(() => panel(page).count(), POLL).toBe(0);

    // A second photo: a new draft, asked again with the new count.
    await X.attach(page, 'photo');
    await X.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toContain('(2 photos)');
    await panelButton(page, 'Edit post').click();
    await expect.poll(() => panel(page).count(), POLL).toBe(0);
    await expectPostCountStays(0);

    // The same draft again: not asked twice, it posts.
    await X.post(page);
    const [posted] = (await waitForPosts(page, 1)) as PostedWithMedia[];
    expect(posted).toMatchObject({ text: CLEAN, media: { images: 2, videos: 0, gifs: 0 } });
    expect(await panel(page).count()).toBe(0);
  });

  test('removing the media while the panel is open updates it: nothing left, "Post" posts without media', async () => {
    await setPolicy({ ...BASE, media: { severity: 'warn' } });
    const editor = await LINKEDIN.compose(page);
    await typeInComposer(page, editor, CLEAN);
    await LINKEDIN.attach(page, 'video');
    await LINKEDIN.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toContain('(1 video)');
    await LINKEDIN.removeMedia(page);
    await expect.poll(() => panel(page).innerText(), POLL).toMatch(/Looks good now/);
    expect(await panel(page).innerText()).not.toContain('video)');
    await panelButton(page, /^Post$/).click();
    const [posted] = (await waitForPosts(page, 1)) as PostedWithMedia[];
    expect(posted!.text).toBe(CLEAN);
    expect(posted!.media).toBeUndefined();
  });

  test('a post with only a GIF (no text) is asked about too', async () => {
    await setPolicy({ ...BASE, media: { severity: 'warn' } });
    await X.compose(page);
    await X.attach(page, 'gif');
    await X.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toContain('(1 GIF)');
    await panelButton(page, 'Post anyway').click();
    const [posted] = (await waitForPosts(page, 1)) as PostedWithMedia[];
    expect(posted).toMatchObject({ text: '', media: { images: 0, videos: 0, gifs: 1 } });
  });

  test('snoozed: the question is silent too', async () => {
    await setPolicy({ ...BASE, media: { severity: 'warn' } });
    await worker.evaluate(() => (globalThis as any).chrome.storage.local.set({ snoozeUntil: Date.now() + 60_000 }));
    try {
      const editor = await LINKEDIN.compose(page);
      await typeInComposer(page, editor, CLEAN);
      await LINKEDIN.attach(page, 'photo');
      await LINKEDIN.post(page);
      expect((await waitForPosts(page, 1))[0]).toMatchObject({ text: CLEAN, media: { images: 1 } });
      expect(await panel(page).count()).toBe(0);
    } finally {
      await worker.evaluate(() => (globalThis as any).chrome.storage.local.remove('snoozeUntil'));
    }
  });

  test('block: no "Post anyway", and pressing Post again is held again', async () => {
    await setPolicy({ ...BASE, media: { severity: 'block' } });
    const editor = await FACEBOOK.compose(page);
    await typeInComposer(page, editor, CLEAN);
    await FACEBOOK.attach(page, 'photo');
    await FACEBOOK.post(page);
    await panel(page).waitFor();
    expect(await panelButton(page, 'Post anyway').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count(), POLL).toBe(0);
    await FACEBOOK.post(page);
    await panel(page).waitFor();
    await expectPostCountStays(0);
  });

  test('with a text finding, the panel asks both; the question is in the post\'s language (Dutch)', async () => {
    await setPolicy({ ...BASE, media: { severity: 'info' } });
    const editor = await FACEBOOK.compose(page);
    await typeInComposer(page, editor, 'Mijn baas is een complete idioot.');
    await FACEBOOK.attach(page, 'photo');
    await FACEBOOK.post(page);
    await panel(page).waitFor();
    const text = await panel(page).innerText();
    expect(text).toMatch(/About your work/i);
    expect(text).toContain('Zou je dit ook aan al je collega’s laten zien? (1 foto)');
    await screenshot(page, 'media-facebook-finding-and-question-nl');
    await panelButton(page, 'Post anyway').click();
    expect((await waitForPosts(page, 1))[0]).toMatchObject({ text: 'Mijn baas is een complete idioot.', media: { images: 1 } });
    // Asked in the panel already: no reminder on top.
    await page.waitForTimeout(300);
    expect(await page.locator('postcheck-reminder').count()).toBe(0);
  });
});

describe('the same policy, stricter where the profile names the employer', () => {
  test('default policy: on X the boss insult is a warning with "Post anyway"; on LinkedIn it is a block, and the panel says why', async () => {
    await setPolicy(BASE);
    let editor = await X.compose(page);
    await typeInComposer(page, editor, RISKY);
    await X.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).not.toMatch(/names your employer/);
    await panelButton(page, 'Post anyway').click();
    expect((await waitForPosts(page, 1))[0]!.text).toBe(RISKY);
    await expectPostCountStays(1);

    editor = await LINKEDIN.compose(page);
    await typeInComposer(page, editor, RISKY);
    await LINKEDIN.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toMatch(/Your profile on LinkedIn names your employer/);
    expect(await panelButton(page, 'Post anyway').count()).toBe(0);
    await screenshot(page, 'media-linkedin-stricter-block');
    await expectPostCountStays(0);
  });

  test('employer-insult as a hint: it passes with a reminder on X and is held on LinkedIn', async () => {
    await setPolicy({ ...BASE, categories: { 'employer-insult': { severity: 'info' } } });
    let editor = await X.compose(page);
    await typeInComposer(page, editor, RISKY);
    await X.post(page);
    expect((await waitForPosts(page, 1))[0]!.text).toBe(RISKY);
    await expect.poll(() => reminder(page).isVisible(), POLL).toBe(true);
    expect(await panel(page).count()).toBe(0);
    await screenshot(page, 'media-x-hint-reminder');

    editor = await LINKEDIN.compose(page);
    await typeInComposer(page, editor, RISKY);
    await LINKEDIN.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toMatch(/Your profile on LinkedIn names your employer/);
    expect(await panelButton(page, 'Post anyway').count()).toBe(1);
    await screenshot(page, 'media-linkedin-hint-raised');
    await expectPostCountStays(0);
  });

  test('sites.x.employerInProfile: true makes X as strict as LinkedIn', async () => {
    await setPolicy({ ...BASE, sites: { x: { employerInProfile: true } } });
    const editor = await X.compose(page);
    await typeInComposer(page, editor, RISKY);
    await X.post(page);
    await panel(page).waitFor();
    expect(await panel(page).innerText()).toMatch(/Your profile on X names your employer/);
    expect(await panelButton(page, 'Post anyway').count()).toBe(0);
    await expectPostCountStays(0);
  });
});

describe('options page', () => {
  test('shows the media setting and the per-site settings', async () => {
    await setPolicy({ ...BASE, media: { severity: 'warn' }, sites: { x: { employerInProfile: true }, facebook: { categories: { confidential: { severity: 'block' } } } } });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const media = page.getByTestId('media-setting');
    await media.waitFor();
    expect(await media.getAttribute('data-severity')).toBe('warn');
    expect(await media.innerText()).toMatch(/On, as a warning/i);
    expect(await page.getByTestId('site-x').getAttribute('data-employer-in-profile')).toBe('true');
    expect(await page.getByTestId('site-facebook').getAttribute('data-employer-in-profile')).toBe('false');
    expect(await page.getByTestId('site-linkedin').getAttribute('data-employer-in-profile')).toBe('true');
    expect(await page.getByTestId('site-linkedin').innerText()).toMatch(/default/);
    expect(await page.getByTestId('site-facebook').innerText()).toMatch(/Confidential[^:]*: Block/);
    await page.locator('#media-sites').scrollIntoViewIfNeeded();
    await screenshot(page, 'media-options');
  });
});
