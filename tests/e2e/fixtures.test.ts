// The fixture sites, WITHOUT the extension: they must behave like the real sites when
// driven like a user, and record exactly what their editor model holds.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  SEL,
  caretToEnd,
  execInsertText,
  insertAtEnd,
  launchBrowser,
  openFacebook,
  openLinkedIn,
  openX,
  pasteInto,
  postsOf,
  typeInComposer,
  waitForPosts,
  type Launched,
} from './harness';

let browser: Launched;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  pageErrors.length = 0;
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});
afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
});

/**
 * What the extension's guard does: a capture-phase listener on window that holds the
 * next submit (click or key) before the site's own handler; returns how many it held.
 */
function holdNextSubmit(p: Page, type: 'click' | 'keydown') {
  return p.evaluate((t) => {
    (window as any).__held = 0;
    const hold = (e: Event) => {
      if (t === 'keydown' && (e as KeyboardEvent).key !== 'Enter') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      (window as any).__held++;
      window.removeEventListener(t, hold, true);
    };
    window.addEventListener(t, hold, true);
  }, type);
}

/** The "post anyway" re-submit: a programmatic click() on the submit control. */
function clickProgrammatically(p: Page, selector: string) {
  return p.locator(selector).first().evaluate((el: HTMLElement) => el.click());
}

/** Moves the DOM caret to the end and pastes IN THE SAME TASK (no chance for selectionchange). */
function pasteAtEndSameTask(editor: Locator, text: string) {
  return editor.evaluate((el: HTMLElement, t: string) => {
    el.focus();
    const root = el.getRootNode() as Document | ShadowRoot;
    const sel = ((root as any).getSelection?.() ?? document.getSelection()) as Selection;
    sel.selectAllChildren(el);
    sel.collapseToEnd();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The editor model is empty again (the fixtures clear after posting). */
async function domText(selector: string) {
  return (await page.locator(selector).first().innerText()).replace(/\u200b|\ufeff/g, '').trim();
}

describe('X fixture (Draft.js)', () => {
  it('serves x.com and twitter.com with the X markers', async () => {
    await openX(page);
    expect(new URL(page.url()).host).toBe('x.com');
    await expect(page.locator(SEL.x.inlineEditor).count()).resolves.toBe(1);
    expect(await page.locator(SEL.x.inlineEditor).getAttribute('role')).toBe('textbox');
    expect(await page.locator(SEL.x.inlineButton).getAttribute('role')).toBe('button');
    expect(await page.locator(SEL.x.inlineButton).evaluate((e) => e.tagName)).toBe('DIV');
    await page.goto('https://twitter.com/home');
    await page.waitForSelector(SEL.x.inlineEditor);
  });

  it('inline composer: typed text is posted by clicking Post; button disabled while empty', async () => {
    await openX(page);
    const button = page.locator(SEL.x.inlineButton);
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    await button.click({ force: true }); // aria-disabled: nothing happens
    await typeInComposer(page, SEL.x.inlineEditor, 'Hello from the timeline');
    expect(await button.getAttribute('aria-disabled')).toBeNull();
    await button.click();
    expect(await waitForPosts(page, 1)).toEqual([{ site: 'x', composer: 'inline', text: 'Hello from the timeline' }]);
    // cleared afterwards, button disabled again
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await domText(SEL.x.inlineEditor)).toBe('');
    await expect(page.locator('#fixture-feed li').first().innerText()).resolves.toBe('Hello from the timeline');
  });

  it('multi-line text (Enter and Shift+Enter) keeps its line breaks', async () => {
    await openX(page);
    await typeInComposer(page, SEL.x.inlineEditor, 'first line\nsecond line', { newline: 'Enter' });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('third line');
    await page.locator(SEL.x.inlineButton).click();
    const [post] = await waitForPosts(page, 1);
    expect(post?.text).toBe('first line\nsecond line\nthird line');
  });

  it('Ctrl+Enter and Cmd+Enter in the editor post', async () => {
    await openX(page);
    await typeInComposer(page, SEL.x.inlineEditor, 'posted with ctrl enter');
    await page.keyboard.press('Control+Enter');
    await typeInComposer(page, SEL.x.inlineEditor, 'posted with cmd enter');
    await page.keyboard.press('Meta+Enter');
    const posts = await waitForPosts(page, 2);
    expect(posts.map((p) => p.text)).toEqual(['posted with ctrl enter', 'posted with cmd enter']);
  });

  it('compose modal in #layers: opened later from the sidebar, posts through button[data-testid=tweetButton]', async () => {
    await openX(page);
    expect(await page.locator(SEL.x.modalEditor).count()).toBe(0);
    await typeInComposer(page, SEL.x.inlineEditor, 'draft left in the timeline');
    await page.locator(SEL.x.openModal).click();
    await page.waitForSelector(SEL.x.modalEditor);
    // both composers are live at once, both tweetTextarea_0
    expect(await page.locator(SEL.x.editor).count()).toBe(2);
    const modalButton = page.locator(SEL.x.modalButton);
    expect(await modalButton.evaluate((e) => e.tagName)).toBe('BUTTON');
    expect(await modalButton.getAttribute('aria-disabled')).toBe('true');
    await typeInComposer(page, SEL.x.modalEditor, 'from the modal\nwith two lines');
    await modalButton.click();
    expect(await waitForPosts(page, 1)).toEqual([{ site: 'x', composer: 'modal', text: 'from the modal\nwith two lines' }]);
    await page.waitForSelector('#layers [role="dialog"]', { state: 'detached' });
    // the inline draft is untouched
    await page.locator(SEL.x.inlineButton).click();
    expect((await waitForPosts(page, 2))[1]).toEqual({ site: 'x', composer: 'inline', text: 'draft left in the timeline' });
  });

  it('a capture listener on window holds the click and Ctrl+Enter before React; click() re-submits once', async () => {
    await openX(page);
    await typeInComposer(page, SEL.x.inlineEditor, 'held then posted');
    await holdNextSubmit(page, 'click');
    await page.locator(SEL.x.inlineButton).click();
    await holdNextSubmit(page, 'keydown');
    await page.locator(SEL.x.inlineEditor).press('Control+Enter');
    await page.waitForTimeout(200);
    expect(await postsOf(page)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__held)).toBe(1);
    await clickProgrammatically(page, SEL.x.inlineButton);
    expect(await waitForPosts(page, 1)).toEqual([{ site: 'x', composer: 'inline', text: 'held then posted' }]);
    await page.waitForTimeout(200);
    expect((await postsOf(page)).length).toBe(1);
  });

  it('SPA navigation: composers go and come back without a page load; /compose/post opens the modal', async () => {
    await openX(page);
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await page.locator('[data-testid="AppTabBar_Explore_Link"]').click();
    await page.waitForSelector(SEL.x.editor, { state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/explore');
    await page.locator(SEL.x.openModal).click();
    await page.waitForSelector(SEL.x.modalEditor);
    expect(new URL(page.url()).pathname).toBe('/compose/post');
    await page.locator('[data-testid="app-bar-close"]').click();
    expect(new URL(page.url()).pathname).toBe('/explore');
    await page.goBack(); // popstate back to /compose/post ...
    await page.waitForSelector(SEL.x.modalEditor);
    await page.goBack(); // ... and back to /explore
    await page.waitForSelector(SEL.x.modalEditor, { state: 'detached' });
    await page.locator('[data-testid="AppTabBar_Home_Link"]').click();
    await page.waitForSelector(SEL.x.inlineEditor);
    expect(await page.locator(SEL.x.modalEditor).count()).toBe(0);
    await typeInComposer(page, SEL.x.inlineEditor, 'after navigating');
    await page.locator(SEL.x.inlineButton).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('after navigating');
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    // a direct load of /compose/post shows the modal over /home
    await openX(page, '/compose/post');
    await page.waitForSelector(SEL.x.modalEditor);
    expect(await page.locator(SEL.x.inlineEditor).count()).toBe(1);
  });

  it('a synthetic paste (DataTransfer text/plain) reaches the Draft.js model, multi-line too', async () => {
    await openX(page);
    const editor = page.locator(SEL.x.inlineEditor);
    await typeInComposer(page, editor, 'Typed first.');
    expect(await pasteInto(editor, ' Pasted line one\nPasted line two')).toBe(true);
    await page.keyboard.type(' then typed');
    await page.locator(SEL.x.inlineButton).click();
    const [post] = await waitForPosts(page, 1);
    expect(post?.text).toBe('Typed first. Pasted line one\nPasted line two then typed');
  });

  it('appending at the end: Draft.js needs a selectionchange between moving the caret and pasting', async () => {
    await openX(page);
    const editor = page.locator(SEL.x.inlineEditor);
    await typeInComposer(page, editor, 'Hello world\nsecond line');
    await page.keyboard.press('Control+Home');
    // Same task: Draft still has its old (start) selection, the text lands at the start.
    await pasteAtEndSameTask(editor, '[same task] ');
    await page.keyboard.press('Control+Home');
    // The recipe: set the caret, await selectionchange, then paste.
    expect(await insertAtEnd(editor, '\nI speak in my own name.')).toBe(true);
    await page.locator(SEL.x.inlineButton).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('[same task] Hello world\nsecond line\nI speak in my own name.');
  });

  it('paste into an empty editor enables the button', async () => {
    await openX(page);
    const editor = page.locator(SEL.x.inlineEditor);
    await pasteInto(editor, 'only pasted');
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-disabled') == null, SEL.x.inlineButton);
    await page.locator(SEL.x.inlineButton).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('only pasted');
  });
});

describe('Facebook fixture (Lexical)', () => {
  it('the Create post dialog appears on demand and posts through div[role=button][aria-label=Post]', async () => {
    await openFacebook(page);
    expect(await page.locator(SEL.facebook.dialog).count()).toBe(0);
    await page.locator(SEL.facebook.trigger).click();
    await page.waitForSelector(SEL.facebook.editor);
    const post = page.locator(SEL.facebook.postButton());
    expect(await post.getAttribute('aria-disabled')).toBe('true');
    await post.click({ force: true }); // disabled: nothing happens
    await typeInComposer(page, SEL.facebook.editor, 'Weekend plans: hiking!');
    expect(await post.getAttribute('aria-disabled')).toBeNull();
    await post.click();
    expect(await waitForPosts(page, 1)).toEqual([{ site: 'facebook', composer: 'dialog', text: 'Weekend plans: hiking!' }]);
    await page.waitForSelector(SEL.facebook.dialog, { state: 'detached' });
  });

  it('multi-line text (Enter and Shift+Enter are line breaks in the dialog)', async () => {
    await openFacebook(page);
    await page.locator(SEL.facebook.trigger).click();
    await typeInComposer(page, SEL.facebook.editor, 'line one\nline two', { newline: 'Enter' });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line three');
    await page.locator(SEL.facebook.postButton()).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('line one\nline two\nline three');
  });

  it('?lang=nl translates the Post control to "Plaatsen"', async () => {
    await openFacebook(page, { lang: 'nl' });
    await page.locator(SEL.facebook.trigger).click();
    await typeInComposer(page, SEL.facebook.editor, 'Hallo allemaal');
    expect(await page.locator(SEL.facebook.postButton()).count()).toBe(0);
    await page.locator(SEL.facebook.postButton('Plaatsen')).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('Hallo allemaal');
  });

  it('the Post handler listens on document (a capture listener on window runs first)', async () => {
    await openFacebook(page);
    await page.locator(SEL.facebook.trigger).click();
    await typeInComposer(page, SEL.facebook.editor, 'held?');
    // A capture-phase listener on window that stops the event keeps the post from happening.
    await page.evaluate(() =>
      window.addEventListener('click', (e) => e.stopPropagation(), { capture: true, once: true }),
    );
    await page.locator(SEL.facebook.postButton()).click();
    await page.waitForTimeout(200);
    expect(await postsOf(page)).toEqual([]);
    await page.locator(SEL.facebook.postButton()).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('held?');
  });

  it('a synthetic paste reaches the Lexical model, multi-line too', async () => {
    await openFacebook(page);
    await page.locator(SEL.facebook.trigger).click();
    const editor = page.locator(SEL.facebook.editor);
    await typeInComposer(page, editor, 'Typed.');
    expect(await pasteInto(editor, ' Pasted one\nPasted two')).toBe(true);
    await page.keyboard.type(' End.');
    await page.locator(SEL.facebook.postButton()).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('Typed. Pasted one\nPasted two End.');
  });

  it('appending at the end: move the caret, await selectionchange, paste', async () => {
    // (Pasting in the same task as the caret move is unreliable in Lexical too: its paste
    // handler may use the selection it last synced, i.e. the old caret.)
    await openFacebook(page);
    await page.locator(SEL.facebook.trigger).click();
    const editor = page.locator(SEL.facebook.editor);
    await typeInComposer(page, editor, 'Hello world\nsecond line');
    await page.keyboard.press('Control+Home');
    expect(await insertAtEnd(editor, '\nI speak in my own name.')).toBe(true);
    await page.locator(SEL.facebook.postButton()).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('Hello world\nsecond line\nI speak in my own name.');
  });

  it('comment box: Enter posts the comment, Shift+Enter is a line break, the box is cleared', async () => {
    await openFacebook(page);
    await typeInComposer(page, SEL.facebook.commentEditor, 'Nice one\nreally');
    await page.keyboard.press('Enter');
    expect(await waitForPosts(page, 1)).toEqual([{ site: 'facebook', composer: 'comment', text: 'Nice one\nreally' }]);
    await page.waitForFunction((s) => document.querySelector(s)!.textContent === '', SEL.facebook.commentEditor);
    // Enter on an empty comment does nothing
    await page.keyboard.press('Enter');
    await typeInComposer(page, SEL.facebook.commentEditor, 'second comment');
    await page.keyboard.press('Enter');
    expect((await waitForPosts(page, 2)).map((p) => p.text)).toEqual(['Nice one\nreally', 'second comment']);
  });

  it('comment box: a capture keydown listener on window holds Enter before Lexical', async () => {
    await openFacebook(page);
    await typeInComposer(page, SEL.facebook.commentEditor, 'not yet');
    await holdNextSubmit(page, 'keydown');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(await postsOf(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect((await waitForPosts(page, 1))[0]?.text).toBe('not yet');
  });

  it('comment box: pasted text is in the comment posted by Enter', async () => {
    await openFacebook(page);
    const editor = page.locator(SEL.facebook.commentEditor);
    await typeInComposer(page, editor, 'Agreed.');
    await pasteInto(editor, ' (my own opinion)');
    await page.keyboard.press('Enter');
    expect((await waitForPosts(page, 1))[0]?.text).toBe('Agreed. (my own opinion)');
  });
});

describe.each([
  { name: 'LinkedIn fixture (Quill)', shadow: false },
  { name: 'LinkedIn fixture (Quill) in the #interop-outlet shadow root', shadow: true },
])('$name', ({ shadow }) => {
  it('the share box appears on demand and posts through button.share-actions__primary-action', async () => {
    await openLinkedIn(page, { shadow });
    expect(await page.locator(SEL.linkedin.shareBox).count()).toBe(0);
    await page.locator(SEL.linkedin.trigger).click();
    await page.waitForSelector(SEL.linkedin.editor);
    const inShadow = await page.locator(SEL.linkedin.editor).evaluate((e) => e.getRootNode() instanceof ShadowRoot);
    expect(inShadow).toBe(shadow);
    if (shadow) {
      const host = await page.locator(SEL.linkedin.editor).evaluate((e) => ((e.getRootNode() as ShadowRoot).host as HTMLElement).id);
      expect(host).toBe('interop-outlet');
      expect(await page.evaluate(() => document.querySelector('.share-box'))).toBeNull();
    }
    const button = page.locator(SEL.linkedin.postButton);
    expect(await button.isDisabled()).toBe(true);
    await typeInComposer(page, SEL.linkedin.editor, 'Thrilled to share our news');
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    expect(await waitForPosts(page, 1)).toEqual([{ site: 'linkedin', composer: 'share-box', text: 'Thrilled to share our news' }]);
    await page.waitForSelector(SEL.linkedin.shareBox, { state: 'detached' });
  });

  it('a capture click listener on window holds the post (composedPath finds the button); click() re-submits', async () => {
    await openLinkedIn(page, { shadow });
    await page.locator(SEL.linkedin.trigger).click();
    await typeInComposer(page, SEL.linkedin.editor, 'held then posted');
    await page.evaluate(() => {
      const hold = (e: Event) => {
        const button = e
          .composedPath()
          .find((n) => n instanceof Element && n.matches('button.share-actions__primary-action'));
        if (!button) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        (window as any).__heldTarget = (e.target as Element).tagName; // retargeted to the host in shadow DOM
        window.removeEventListener('click', hold, true);
      };
      window.addEventListener('click', hold, true);
    });
    await page.locator(SEL.linkedin.postButton).click();
    await page.waitForTimeout(200);
    expect(await postsOf(page)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__heldTarget)).toBe(shadow ? 'DIV' : 'SPAN');
    await clickProgrammatically(page, SEL.linkedin.postButton);
    expect((await waitForPosts(page, 1))[0]?.text).toBe('held then posted');
  });

  it('multi-line text (Enter and Shift+Enter)', async () => {
    await openLinkedIn(page, { shadow });
    await page.locator(SEL.linkedin.trigger).click();
    await typeInComposer(page, SEL.linkedin.editor, 'one\ntwo', { newline: 'Enter' });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('three');
    await page.locator(SEL.linkedin.postButton).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('one\ntwo\nthree');
  });

  it("document.execCommand('insertText') reaches Quill's model, multi-line too", async () => {
    await openLinkedIn(page, { shadow });
    await page.locator(SEL.linkedin.trigger).click();
    const editor = page.locator(SEL.linkedin.editor);
    await typeInComposer(page, editor, 'Typed.');
    await caretToEnd(editor);
    expect(await execInsertText(editor, ' Inserted one')).toBe(true);
    expect(await execInsertText(editor, '\nInserted two')).toBe(true);
    await page.locator(SEL.linkedin.postButton).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('Typed. Inserted one\nInserted two');
  });

  it("appending at the end with execCommand('insertText') after moving the caret", async () => {
    await openLinkedIn(page, { shadow });
    await page.locator(SEL.linkedin.trigger).click();
    const editor = page.locator(SEL.linkedin.editor);
    await typeInComposer(page, editor, 'Hello world\nsecond line');
    await page.keyboard.press('Control+Home');
    expect(await insertAtEnd(editor, '\nI speak in my own name.', 'execCommand')).toBe(true);
    await page.locator(SEL.linkedin.postButton).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('Hello world\nsecond line\nI speak in my own name.');
  });

  it('a synthetic paste reaches Quill too', async () => {
    await openLinkedIn(page, { shadow });
    await page.locator(SEL.linkedin.trigger).click();
    const editor = page.locator(SEL.linkedin.editor);
    await typeInComposer(page, editor, 'Typed.');
    await pasteInto(editor, ' Pasted one\nPasted two');
    await page.locator(SEL.linkedin.postButton).click();
    expect((await waitForPosts(page, 1))[0]?.text).toBe('Typed. Pasted one\nPasted two');
  });

  it('comment box: Enter posts the comment, Shift+Enter is a line break', async () => {
    await openLinkedIn(page, { shadow });
    await typeInComposer(page, SEL.linkedin.commentEditor, 'Congrats\nteam');
    await page.keyboard.press('Enter');
    expect(await waitForPosts(page, 1)).toEqual([{ site: 'linkedin', composer: 'comment', text: 'Congrats\nteam' }]);
  });
});
