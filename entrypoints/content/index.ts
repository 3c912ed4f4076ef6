// Postcheck's content script: a few KB at page load. Each feature is one file
// with an init(signal); aborting the signal (extension reload/update, WXT's
// context invalidation) removes every listener it added.
//
//   guard.ts      holds a submit (click, Ctrl/Cmd+Enter, Enter in comments)
//   indicator.ts  the dot with a count while typing
//   engine.ts     loads the engine + panel on first composer focus
//   sites/*.ts    everything site-specific
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
