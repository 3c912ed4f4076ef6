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
import { defineContentScript } from 'wxt/utils/define-content-script';
import { initGuard } from './guard';
import { initIndicator } from './indicator';
import { SITE_MATCHES } from './matches';
import { adapterFor } from './sites';

export default defineContentScript({
  matches: SITE_MATCHES,
  // document_start: our capture listeners on window are registered before any
  // of the page's, so they always run first.
  runAt: 'document_start',
  main(ctx) {
    const adapter = adapterFor(location.hostname);
    // The indicator draws on <body>, which does not exist yet at document_start;
    // it only draws after typing, by which time it does.
    const indicator = initIndicator(adapter, ctx.signal);
    initGuard(ctx, adapter, ctx.signal, { onPanel: (open) => indicator.suppress(open) });
  },
});
