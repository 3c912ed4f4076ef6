// Postcheck's content script: a few KB at page load. Each feature is one file
// with an init(signal); aborting the signal (extension reload/update, WXT's
// context invalidation) removes every listener it added.
//
//   guard.ts      holds a submit (click, Ctrl/Cmd+Enter, Enter in comments),
//                 opens the panel, replays "Post anyway" exactly once
//   indicator.ts  the dot with a count while typing
//   engine.ts     loads engine + panel (postcheck-engine.js) on first composer focus
//   panel.ts      where the panel goes (its drawing is components/, loaded lazily)
//   text.ts       reads a composer's text, selects words, inserts text via the editor
//   watcher.ts    notices a composer we drew for leaving the page
//   sites/*.ts    everything site-specific (one file per site + the generic fallback)
//
// No per-composer listeners and no polling: composers that appear later
// (dialogs, replies, SPA navigation) are caught by delegation at the window.
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { TAB_STATUS, type TabStatus } from '../../lib/popup-protocol';
import { checkingUnavailable, engineFailed } from './engine';
import { initGuard } from './guard';
import { initIndicator, type Indicator } from './indicator';
import { SITE_MATCHES } from './matches';
import { adapterFor } from './sites';

export default defineContentScript({
  matches: SITE_MATCHES,
  // document_start: our capture listeners on window are registered before any
  // of the page's, so they always run first.
  runAt: 'document_start',
  main(ctx) {
    // WXT stops an older copy of this script when a newer one announces itself
    // with a CustomEvent on `document`. A page can dispatch that event too (the
    // name is the public extension id + "content"): it would switch Postcheck off
    // silently. Our window capture listener runs first and drops it; a real
    // update invalidates this context through runtime.id instead.
    // (Private in WXT's types; the same `${runtime.id}:${entrypoint}:wxt:content-script-started` string.)
    const started = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    window.addEventListener(started, (event) => event.stopImmediatePropagation(), {
      capture: true,
      signal: ctx.signal,
    });
    const adapter = adapterFor(location.hostname);
    // The indicator draws on <body>, which does not exist yet at document_start;
    // it only draws after typing, by which time it does.
    const indicator = initIndicator(ctx, adapter, ctx.signal);
    initGuard(ctx, adapter, ctx.signal, { onPanel: (open) => indicator.suppress(open) });
    answerPopup(ctx.signal, adapter.name, indicator);
  },
});

const ADAPTERS: Record<TabStatus['site'], string> = {
  x: 'X (Draft.js)',
  facebook: 'Facebook (Lexical)',
  linkedin: 'LinkedIn (Quill)',
  generic: 'generic fallback',
};

/**
 * The popup asks the active tab `{type: 'postcheck:tab-status'}` (lib/popup-protocol.ts).
 * Only the extension's own pages can send to a content script; the answer stays in the browser.
 */
function answerPopup(signal: AbortSignal, site: TabStatus['site'], indicator: Indicator): void {
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (status: TabStatus) => void) => {
    if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== TAB_STATUS) return undefined;
    let draft: TabStatus['draft'] = null;
    try {
      draft = indicator.draft();
    } catch {
      /* the answer without the draft */
    }
    sendResponse({ site, adapter: ADAPTERS[site], active: !engineFailed() && checkingUnavailable() === null, draft });
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      /* context already gone */
    }
  }, { once: true });
}
