// Holding a post. Capture-phase listeners on `window` run before any page
// handler (React delegates at its root, Facebook listens on `document`,
// LinkedIn on the button), so the decision is taken here, synchronously:
// after an `await` the site would already have posted.
//
//   clean draft            -> nothing happens, the site posts (no visible delay)
//   warn/block findings    -> event stopped, panel opens
//   engine not loaded yet  -> event stopped, load + check, then re-submit or panel
//   engine fails/times out -> re-submit: Postcheck fails open, never loses a draft
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CheckResult, Finding } from '../../rules';
import { checkNow, checkSoon, engine, engineFailed, loadEngine, policy, toHold } from './engine';
import { openPanel, PANEL_TAG, themeOf, uiLanguage, type PanelHandle } from './panel';
import type { Composer, SiteAdapter } from './sites';
import { appendText, readComposer, restoreSelection, saveSelection, selectText } from './text';
import { whenGone } from './watcher';

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
    if (text.trim() === '') return;
    if (approval && approval.editor === editor && approval.text === text && Date.now() < approval.until) {
      approval = null;
      return;
    }
    if (engine()) {
      const result = checkNow(text, site);
      const findings = toHold(result, text);
      if (findings.length === 0) return;
      stop(event);
      void open(composer, replay, text, findings, stricterReason(result, findings));
      return;
    }
    // A post faster than the engine: hold, check, then re-submit or open the panel.
    if (engineFailed()) return;
    stop(event);
    pending = composer.root;
    void checkSoon(text, site, signal).then((result) => {
      pending = null;
      if (signal.aborted) return;
      const findings = toHold(result, text);
      if (findings.length === 0) replay_(composer, replay);
      else void open(composer, replay, text, findings, stricterReason(result, findings));
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

  async function open(composer: Composer, replay: Replay, text: string, findings: Finding[], stricter?: string) {
    const lazy = engine();
    if (!lazy) return replay_(composer, replay);
    const pol = policy();
    const allow = pol?.postAnyway ?? {};
    const canPostAnyway = (s: Finding[]) =>
      s.some((f) => f.severity === 'block') ? allow.block === true : allow.warn !== false;

    const current: Session = {
      composer, replay, text, findings, panel: null,
      stopWatching: whenGone(composer.root, () => close(), signal),
    };
    session = current;
    hooks.onPanel?.(true);

    function close() {
      current.stopWatching();
      current.panel?.close();
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
      current.panel = await openPanel(ctx, lazy, composer.root, {
        uiLang: uiLanguage(pol?.language),
        theme: themeOf(composer.root),
        text, findings,
        canPostAnyway: canPostAnyway(findings),
        requireReason: allow.requireReason === true,
        policyUrl: pol?.policyUrl,
        stricter,
        onEdit: edit,
        // The reason is for the user's own reflection; it is not stored or sent anywhere.
        onPostAnyway: () => post(true),
        onPost: () => post(false),
        onInsert: (f) => void insert(f),
      });
      if (session !== current) current.panel.close();
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
  window.addEventListener('click', onClick, capture);
  window.addEventListener('keydown', onKeyDown, capture);
  window.addEventListener('focusin', onFocusIn, { ...capture, passive: true });
  signal.addEventListener('abort', () => session?.panel?.close(), { once: true });
}
