// Shared by the reliability, privacy and security e2e tests (issue 6): the
// three fixture composers driven the same way, fault injection, and drafts.
import type { Locator, Page, Worker } from 'playwright-core';
import { insertAtEnd, openFacebook, openLinkedIn, openX, postsOf, SEL } from './harness';
import { launchWithExtension, panel } from './extension-helpers';
import { POLITICAL, RISKY } from './extension-texts';

export interface TrustSite {
  name: 'x' | 'facebook' | 'linkedin';
  /** A draft that is held with a `warn` finding ("Post anyway" offered). */
  risky: string;
  /** Opens the site and its main composer; returns the editor. */
  open(page: Page): Promise<Locator>;
  post(page: Page): Promise<void>;
  /** The composer's name in window.__posts. */
  composer: string;
}

export const TRUST_SITES: TrustSite[] = [
  {
    name: 'x',
    risky: RISKY,
    async open(page) {
      await openX(page);
      return page.locator(SEL.x.inlineEditor);
    },
    post: (page) => page.locator(SEL.x.inlineButton).click(),
    composer: 'inline',
  },
  {
    name: 'facebook',
    risky: RISKY,
    async open(page) {
      await openFacebook(page);
      await page.locator(SEL.facebook.trigger).first().click();
      return page.locator(SEL.facebook.editor);
    },
    post: (page) => page.locator(SEL.facebook.postButton()).click(),
    composer: 'dialog',
  },
  {
    name: 'linkedin',
    // On LinkedIn an insult toward the boss is a block (employer in profile); political stays warn.
    risky: POLITICAL,
    async open(page) {
      await openLinkedIn(page);
      await page.locator(SEL.linkedin.trigger).click();
      return page.locator(SEL.linkedin.editor);
    },
    post: (page) => page.locator(SEL.linkedin.postButton).click(),
    composer: 'share-box',
  },
];

/** Work hours all day, every day: political posts are held whenever the tests run. */
export const ALWAYS = { timeZone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' };

/** What the user "typed": inserted the way the user's paste would be, into the editor's model. */
export async function enter(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  const ok = await insertAtEnd(editor, text, 'paste');
  if (!ok) throw new Error('the editor did not take the paste');
  // Draft.js renders after React's commit, Quill reads its DOM in a mutation callback.
  await page.waitForTimeout(60);
}

/** Test-only fault injection: storage.local.debugFaults (only the extension can write it). */
export async function setFaults(worker: Worker, faults: Record<string, unknown> | null): Promise<void> {
  await worker.evaluate(
    (f) => (f ? (globalThis as any).chrome.storage.local.set({ debugFaults: f }) : (globalThis as any).chrome.storage.local.remove('debugFaults')),
    faults,
  );
}

/** Nothing more gets posted for a while. */
export async function expectPostCount(page: Page, count: number, ms = 600): Promise<number> {
  await page.waitForTimeout(ms);
  return (await postsOf(page)).length;
}

export async function panelVisible(page: Page): Promise<boolean> {
  return (await panel(page).count()) > 0 && (await panel(page).isVisible());
}

/** The indicator's state: 'findings', 'unavailable', or null when it is hidden / absent. */
export function indicatorState(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const dot = document.querySelector('postcheck-indicator')?.shadowRoot?.querySelector<HTMLElement>('.dot');
    return dot && !dot.hidden ? (dot.dataset.state ?? null) : null;
  });
}

// ---------- random drafts ----------

/** Pieces of text that break text code: emoji (ZWJ, flags, skin tones), combining marks, RTL, astral, CJK. */
export const TRICKY = [
  'hello', 'world', 'café', 'naïve', 'Straße', 'déjà', '😀', '👩‍👩‍👧', '🇧🇪', '👍🏽', 'e\u0301', 'a\u0308\u0323', 'ñ',
  'مرحبا بالعالم', 'שלום עולם', '\u202bRTL\u202c', '𝒳𝓎𝓏', '𠜎𠜱', '日本語', '한국어', '🏳️‍🌈', '#tag', '@someone', '1,5 %',
];

/** The built extension from a private copy (see launchWithExtension). */
export const launchSnapshot = launchWithExtension;
