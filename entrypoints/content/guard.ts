// Holding a post. Capture-phase listeners on `window` run before any page
// handler (React delegates at its root, Facebook listens on `document`,
// LinkedIn on the button), so the decision is taken here, synchronously:
// after an `await` the site would already have posted.
//
//   clean draft            -> nothing happens, the site posts (no visible delay)
//   warn/block findings    -> event stopped, panel opens
//   photos/videos attached -> media.severity info: a reminder, the site posts;
//                             warn/block: held and asked in the panel (media.ts)
//   engine not loaded yet  -> event stopped, load + check, then re-submit or panel
//   engine fails/times out -> re-submit: Postcheck fails open, never loses a draft
//   (over CHECK_BUDGET_MS = 200 ms for the check; LOAD_BUDGET_MS for a first load)
//   extension context gone -> nothing is held (the extension was updated or
//                          removed while the page was open); the indicator says so
//   any error of our own   -> caught here, logged, the event left to the site
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CheckResult, Finding } from '../../rules';
import { checkNow, checkSoon, debugFaults, engine, engineFailed, loadEngine, policy, toHold } from './engine';
import { openPanel, PANEL_TAG, themeOf, uiLanguage, type PanelHandle } from './panel';
import type { Composer, SiteAdapter } from './sites';
import { appendText, readComposer, restoreSelection, saveSelection, selectText } from './text';
import { whenGone } from './watcher';
import { followMedia, hasMedia, markAsked, mediaAsk, remindOnce, type MediaAsk } from './media';

/** How the held submit is replayed after "Post anyway" (or a clean late check). */
type Replay =
  | { kind: 'click'; submit: HTMLElement }
  | { kind: 'key'; editor: HTMLElement; init: KeyboardEventInit; selection: Range | null };

interface Session {
  composer: Composer;
  replay: Replay;
  text: string;
  findings: Finding[];
  panel: PanelHandle | null;
  stopWatching: () => void;
}

/** The site's "why stricter here", only when it actually raised a finding. */
function stricterReason(result: CheckResult | null, findings: Finding[]): string | undefined {
  return findings.some((f) => f.raised) ? result?.stricter?.reason : undefined;
}

/** An explicit "Post anyway" for this exact text, in case the replay did not take. */
const APPROVAL_MS = 30_000;

export interface GuardHooks {
  /** The panel opened (true) or closed (false). */
  onPanel?(open: boolean): void;
}

/**
 * A context for one panel. WXT's createShadowRootUi registers its `remove` on
 * ctx.onInvalidated and never unregisters it: with the page's context, every
 * panel ever opened (its shadow host, listeners, and the composer it was
 * anchored in) would stay reachable until the page unloads. This child context
 * forwards the page context's invalidation while the panel is open and lets go
 * of everything when it closes (tests/e2e/security.test.ts, 1,000 cycles).
 */
function panelContext(ctx: ContentScriptContext, signal: AbortSignal): { ctx: ContentScriptContext; release(): void } {
  let local: AbortController | null = new AbortController();
  const forward = () => local?.abort();
  signal.addEventListener('abort', forward, { once: true });
  const child = Object.create(ctx, {
    onInvalidated: {
      value: (cb: () => void) => {
        const s = local?.signal;
        s?.addEventListener('abort', cb, { once: true });
        return () => s?.removeEventListener('abort', cb);
      },
    },
  }) as ContentScriptContext;
  return {
    ctx: child,
    release() {
      signal.removeEventListener('abort', forward);
      local = null;
    },
  };
}

export function initGuard(ctx: ContentScriptContext, adapter: SiteAdapter, signal: AbortSignal, hooks: GuardHooks = {}): void {
  let session: Session | null = null;
  /** Composer whose submit is held while the engine loads. */
  let pending: Element | null = null;
  /** True only while we replay a submit ourselves: our own listeners let it pass. */
  let replaying = false;
  let approval: { editor: HTMLElement; text: string; until: number } | null = null;
  const site = adapter.name === 'generic' ? undefined : adapter.name;

  const isOwnUi = (path: EventTarget[]) => path.some((t) => t instanceof Element && t.localName === PANEL_TAG);

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  /** Our listeners never throw into the page: an error of ours lets the event through. */
  function safe<E extends Event>(fn: (event: E) => void): (event: E) => void {
    return (event) => {
      try {
        fn(event);
      } catch (error) {
        console.warn('[postcheck] guard error; leaving the event to the site', error);
      }
    };
  }

  function onClick(event: MouseEvent) {
    if (replaying) return;
    const path = event.composedPath();
    if (isOwnUi(path)) return;
    const submit = adapter.submitFromPath(path);
    if (!submit) return;
    const composer = adapter.composerOfSubmit(submit);
    if (composer) decide(event, composer, { kind: 'click', submit });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (replaying || (event.key !== 'Enter' && event.key !== ' ')) return;
    // An Enter that confirms an IME composition (Japanese, Chinese, Korean,
    // dead keys) is not a submit. keyCode 229 covers browsers that clear isComposing.
    if (event.isComposing || event.keyCode === 229) return;
    const path = event.composedPath();
    if (isOwnUi(path)) return;
    // Space only activates a focused Post control; in an editor it is just a space.
    const editor = event.key === 'Enter' ? adapter.editorFromPath(path) : null;
    if (editor) {
      const modifier = event.ctrlKey || event.metaKey;
      const plain = !event.shiftKey && !event.altKey && !modifier;
      if (!modifier && !(plain && adapter.submitsOnEnter(editor))) return;
      const composer = adapter.composerOfEditor(editor);
      if (!composer) return;
      decide(event, composer, { kind: 'key', editor, init: keyInit(event), selection: saveSelection(editor) });
      return;
    }
    // Enter/Space on a focused Post control (div[role=button] handles keys itself).
    const submit = adapter.submitFromPath(path);
    if (submit && path[0] === submit) {
      const composer = adapter.composerOfSubmit(submit);
      if (composer) decide(event, composer, { kind: 'click', submit });
    }
  }

  function decide(event: Event, composer: Composer, replay: Replay) {
    const editor = composer.editors[0];
    if (!editor) return;
    // The extension was updated or removed while this page was open: our
    // storage and engine are gone. Asking aborts the signal (every listener
    // goes, the indicator says checking is unavailable); the site posts.
    if (ctx.isInvalid) return;
    // A second press while we hold this composer: swallow it, the panel is the answer.
    if (session && session.composer.editors[0] === editor) {
      stop(event);
      session.panel?.focus();
      return;
    }
    if (pending === composer.root) {
      stop(event);
      return;
    }
    const { text } = readComposer(adapter, composer);
    if (text.trim() === '' && !hasMedia(adapter.media(composer))) return;
    if (approval && approval.editor === editor && approval.text === text && Date.now() < approval.until) {
      approval = null;
      return;
    }
    if (engine()) {
      const result = checkNow(text, site);
      const findings = toHold(result, text);
      // Photos/videos: `info` reminds without holding, `warn`/`block` hold (media.ts).
      const ask = result ? mediaAsk(adapter, composer, text, result) : null;
      if (findings.length === 0 && !ask?.holds) return remindOnce(ctx, adapter, composer, text, result, ask);
      stop(event);
      void open(composer, replay, text, findings, stricterReason(result, findings), ask, result);
      return;
    }
    // A post faster than the engine: hold, check, then re-submit or open the panel.
    if (engineFailed()) return;
    stop(event);
    pending = composer.root;
    void checkSoon(text, site, signal)
      .catch(() => null)
      .then((result) => {
        pending = null;
        // Gone while we checked (extension updated): fail open, the site posts.
        if (signal.aborted) return replay_(composer, replay);
        const findings = toHold(result, text);
        const ask = result ? mediaAsk(adapter, composer, text, result) : null;
        if (findings.length === 0 && !ask?.holds) {
          replay_(composer, replay);
          remindOnce(ctx, adapter, composer, text, result, ask);
        } else void open(composer, replay, text, findings, stricterReason(result, findings), ask, result);
      });
  }

  function keyInit(e: KeyboardEvent): KeyboardEventInit & { keyCode: number; which: number } {
    return {
      key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, location: e.location,
      ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey,
      bubbles: true, cancelable: true, composed: true,
    };
  }

  /** Replays the held submit exactly once, with our own listeners out of the way. */
  function replay_(composer: Composer, replay: Replay) {
    if (replay.kind === 'click') {
      const submit = replay.submit.isConnected ? replay.submit : composer.submit;
      if (!submit?.isConnected) return;
      replaying = true;
      try {
        submit.click();
      } finally {
        replaying = false;
      }
      return;
    }
    const { editor } = replay;
    if (!editor.isConnected) return;
    editor.focus();
    restoreSelection(editor, replay.selection);
    // Let the editor pick up the selection (selectionchange fires a task later).
    setTimeout(() => {
      replaying = true;
      try {
        const handled = !editor.dispatchEvent(new KeyboardEvent('keydown', replay.init));
        // An editor that ignores synthetic keys: the composer's own Post control instead.
        if (!handled && composer.submit?.isConnected) composer.submit.click();
      } finally {
        replaying = false;
      }
    }, 30);
  }

  async function open(
    composer: Composer, replay: Replay, text: string, findings: Finding[], stricter?: string,
    ask: MediaAsk | null = null, result: CheckResult | null = null,
  ) {
    const lazy = engine();
    if (!lazy) return replay_(composer, replay);
    const pol = policy();
    const allow = pol?.postAnyway ?? {};
    // The photo/video question, asked once for this draft; it follows the composer's media while open.
    let media = ask;
    if (media) markAsked(media.key);
    let stopMedia = () => {};
    const canPostAnyway = (s: Finding[]) =>
      s.some((f) => f.severity === 'block') || media?.nudge.severity === 'block' ? allow.block === true : allow.warn !== false;

    // The panel's own lifetime (see panelContext): released when it closes.
    const scope = panelContext(ctx, signal);
    const current: Session = {
      composer, replay, text, findings, panel: null,
      stopWatching: whenGone(composer.root, () => close(), signal),
    };
    session = current;
    hooks.onPanel?.(true);

    function close() {
      current.stopWatching();
      stopMedia();
      current.panel?.close();
      scope.release();
      if (session === current) {
        session = null;
        hooks.onPanel?.(false);
      }
    }

    function edit() {
      close();
      const first = composer.editors[0]!;
      first.focus();
      // Select the first finding's words, so the user sees what we meant.
      const f = current.findings[0];
      const map = readComposer(adapter, composer);
      if (f && map.text === current.text) selectText(map, f.start, f.end);
      else if (replay.kind === 'key') restoreSelection(first, replay.selection);
    }

    function post(approved: boolean) {
      close();
      if (approved) approval = { editor: composer.editors[0]!, text: current.text, until: Date.now() + APPROVAL_MS };
      replay_(composer, replay);
    }

    async function insert(finding: Finding) {
      const add = finding.suggestion?.insert;
      if (!add || !current.panel) return;
      current.panel.update({ inserting: finding.ruleId, insertFailed: null });
      const separator = /\s$/.test(current.text) || current.text === '' ? '' : '\n\n';
      const ok = await appendText(adapter, composer, separator + add).catch(() => false);
      if (session !== current || !current.panel) return;
      const now = readComposer(adapter, composer).text;
      const left = toHold(checkNow(now, site), now);
      current.text = now;
      current.findings = left;
      current.panel.update({
        text: now, findings: left, canPostAnyway: canPostAnyway(left),
        inserting: null, insertFailed: ok ? null : finding.ruleId,
      });
      current.panel.focus();
    }

    try {
      if (debugFaults().panelThrows) throw new Error('debugFaults.panelThrows');
      current.panel = await openPanel(scope.ctx, lazy, composer.root, {
        uiLang: uiLanguage(pol?.language),
        theme: themeOf(composer.root),
        text, findings,
        canPostAnyway: canPostAnyway(findings),
        requireReason: allow.requireReason === true,
        policyUrl: pol?.policyUrl,
        stricter,
        media: media?.nudge,
        onEdit: edit,
        // The reason is for the user's own reflection; it is not stored or sent anywhere.
        onPostAnyway: () => post(true),
        onPost: () => post(false),
        onInsert: (f) => void insert(f),
      });
      if (session !== current) current.panel.close();
      else {
        stopMedia = followMedia(adapter, composer, () => current.text, result, signal, (next) => {
          media = next;
          current.panel?.update({ media: next?.nudge, canPostAnyway: canPostAnyway(current.findings) });
        });
      }
    } catch (error) {
      // Drawing failed: we cannot ask, so we do not stand in the way.
      console.warn('[postcheck] panel failed; posting', error);
      close();
      replay_(composer, replay);
    }
  }

  // Start loading the engine when a composer gets focus: by the time the user
  // presses Post, the check is synchronous.
  function onFocusIn(event: FocusEvent) {
    if (adapter.editorFromPath(event.composedPath())) void loadEngine(signal);
  }

  const capture = { capture: true, signal };
  window.addEventListener('click', safe(onClick), capture);
  window.addEventListener('keydown', safe(onKeyDown), capture);
  window.addEventListener('focusin', safe(onFocusIn), { ...capture, passive: true });
  signal.addEventListener('abort', () => session?.panel?.close(), { once: true });
}
