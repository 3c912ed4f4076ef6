// While typing: a small dot with a count near the active composer, updated
// when typing pauses. It sits in its own shadow root on <body>, takes no
// pointer events and no focus, and never touches the editor's DOM or caret.
//
// When checking is unavailable (the engine failed to load, threw, took longer
// than its budget, or the extension was updated while the page was open) the
// dot turns grey and says so: posts then go through unchecked, visibly.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Finding } from '../../rules';
import { checkingUnavailable, checkNow, engine, engineFailed, loadEngine, onStatusChange, toHold } from './engine';
import type { SiteAdapter } from './sites';
import { readComposer } from './text';
import { whenGone } from './watcher';

const PAUSE_MS = 450;
const TAG = 'postcheck-indicator';

const CSS = `
:host { all: initial; }
.dot { position: fixed; z-index: 2147483645; pointer-events: none; min-width: 18px; height: 18px; padding: 0 5px;
  box-sizing: border-box; border-radius: 9px; font: 600 11px/18px system-ui, sans-serif; text-align: center;
  color: #fff; background: #b26b00; box-shadow: 0 1px 3px rgba(0,0,0,.3); opacity: .92; transition: opacity .2s; }
.dot.block { background: #c62828; }
.dot.off { background: #5f6368; }
.dot[hidden] { display: none; }
`;

// Words for screen readers; short on purpose (announced politely while typing).
const LABEL: Record<string, (n: number) => string> = {
  en: (n) => `Postcheck: ${n} thing${n === 1 ? '' : 's'} to look at before posting`,
  nl: (n) => `Postcheck: ${n} ${n === 1 ? 'punt' : 'punten'} om na te kijken voor je plaatst`,
  fr: (n) => `Postcheck : ${n} point${n === 1 ? '' : 's'} à revoir avant de publier`,
  de: (n) => `Postcheck: ${n} ${n === 1 ? 'Punkt' : 'Punkte'} vor dem Posten prüfen`,
};

const OFF_LABEL: Record<string, string> = {
  en: 'Postcheck cannot check this post right now; it will be posted unchecked',
  nl: 'Postcheck kan dit bericht nu niet nakijken; het wordt ongecontroleerd geplaatst',
  fr: 'Postcheck ne peut pas vérifier ce message pour l’instant ; il sera publié sans vérification',
  de: 'Postcheck kann diesen Beitrag gerade nicht prüfen; er wird ungeprüft gepostet',
};

export interface Indicator {
  /** While the panel is open the dot steps aside (the panel says it all). */
  suppress(on: boolean): void;
  /** The composer that has (or last had) focus, for the popup; null when none. */
  draft(): { length: number; findings: Finding[] } | null;
}

export function initIndicator(ctx: ContentScriptContext, adapter: SiteAdapter, signal: AbortSignal): Indicator {
  const site = adapter.name === 'generic' ? undefined : adapter.name;
  let suppressed = false;
  let host: HTMLElement | null = null;
  let dot: HTMLElement | null = null;
  let active: HTMLElement | null = null;
  let timer = 0;
  let frame = 0;
  let stopWatching: (() => void) | null = null;

  function ensureDot(): HTMLElement {
    if (dot && host?.isConnected) return dot;
    host = document.createElement(TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    dot = document.createElement('div');
    dot.className = 'dot';
    dot.setAttribute('role', 'status');
    dot.setAttribute('aria-live', 'polite');
    dot.hidden = true;
    dot.dataset.state = 'findings';
    shadow.append(style, dot);
    document.body.append(host);
    return dot;
  }

  function place() {
    frame = 0;
    if (!dot || dot.hidden || !active) return;
    const r = active.getBoundingClientRect();
    // Bottom-right corner inside the editor box: close to the words, clear of the caret's line start.
    dot.style.left = `${Math.round(r.right - 24)}px`;
    dot.style.top = `${Math.round(r.bottom - 22)}px`;
  }

  const schedulePlace = () => {
    if (!frame && dot && !dot.hidden) frame = requestAnimationFrame(place);
  };

  function hide() {
    if (dot) dot.hidden = true;
    stopWatching?.();
    stopWatching = null;
  }

  function show(editor: HTMLElement, findings: Finding[] | null, watch: AbortSignal = signal) {
    const d = ensureDot();
    const lang = (navigator.language || 'en').slice(0, 2);
    if (findings) {
      d.textContent = String(findings.length);
      d.dataset.state = 'findings';
      d.classList.remove('off');
      d.classList.toggle('block', findings.some((f) => f.severity === 'block'));
      d.setAttribute('aria-label', (LABEL[lang] ?? LABEL.en!)(findings.length));
    } else {
      d.textContent = '!';
      d.dataset.state = 'unavailable';
      d.classList.remove('block');
      d.classList.add('off');
      d.setAttribute('aria-label', OFF_LABEL[lang] ?? OFF_LABEL.en!);
    }
    d.title = d.getAttribute('aria-label')!;
    d.hidden = false;
    active = editor;
    place();
    stopWatching?.();
    stopWatching = whenGone(editor, hide, watch);
  }

  function update() {
    timer = 0;
    const editor = active;
    if (suppressed || !editor?.isConnected) return hide();
    // Asking aborts our signal when the extension is gone (the abort handler draws the grey dot).
    if (ctx.isInvalid) return;
    if (!engine()) return engineFailed() ? show(editor, null) : hide();
    const composer = adapter.composerOfEditor(editor);
    if (!composer) return hide();
    const { text } = readComposer(adapter, composer);
    const result = checkNow(text, site);
    if (!result) return show(editor, null);
    const findings = toHold(result, text);
    if (findings.length === 0) return hide();
    show(editor, findings);
  }

  // Debounce without a timer per key: a key only stamps the time; the one pending
  // timer re-arms itself until typing has paused for PAUSE_MS (bench/browser.mjs).
  let lastInput = 0;
  function schedule() {
    lastInput = performance.now();
    if (!timer) timer = window.setTimeout(tick, PAUSE_MS);
  }

  function tick() {
    const wait = lastInput + PAUSE_MS - performance.now();
    if (wait > 1) timer = window.setTimeout(tick, wait);
    else update(); // update() clears `timer`
  }

  function onInput(event: Event) {
    // Fast path while typing: the input lands on the editor we already know.
    if (active && event.target === active) return schedule();
    const editor = adapter.editorFromPath(event.composedPath());
    if (!editor) return;
    active = editor;
    schedule();
  }

  function onFocusIn(event: FocusEvent) {
    const editor = adapter.editorFromPath(event.composedPath());
    if (!editor || editor === active) return;
    active = editor;
    hide();
    // A draft that is already there (reply, restored draft) gets its dot once the engine is in.
    void loadEngine(signal).then(() => active === editor && schedule());
  }

  // A submit that failed open (error, timeout) shows at once, not after the next pause.
  const unsubscribe = onStatusChange(() => {
    if (checkingUnavailable() && !suppressed && active?.isConnected) show(active, null);
    else if (!checkingUnavailable() && dot?.dataset.state === 'unavailable') schedule();
  });

  const opts = { capture: true, passive: true, signal };
  window.addEventListener('input', onInput, opts);
  // Draft.js and Lexical take a paste or a drop into their model without an input event.
  window.addEventListener('paste', onInput, opts);
  window.addEventListener('drop', onInput, opts);
  window.addEventListener('cut', onInput, opts);
  window.addEventListener('focusin', onFocusIn, opts);
  window.addEventListener('scroll', schedulePlace, opts);
  window.addEventListener('resize', schedulePlace, opts);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      unsubscribe();
      // The extension was updated or removed under this page: say that posts are no
      // longer checked, next to the composer in use, until it goes (or the page reloads).
      // Otherwise (a newer copy of this script took over) leave no trace.
      let invalid = true;
      try {
        invalid = browser.runtime?.id == null;
      } catch {
        /* an invalidated context may throw on access */
      }
      if (invalid && active?.isConnected && !suppressed) {
        try {
          show(active, null, new AbortController().signal);
          return;
        } catch {
          /* fall through: remove */
        }
      }
      stopWatching?.();
      host?.remove();
    },
    { once: true },
  );
  return {
    suppress(on) {
      suppressed = on;
      if (on) hide();
      else schedule();
    },
    draft() {
      const editor = active;
      if (!editor?.isConnected) return null;
      const composer = adapter.composerOfEditor(editor);
      if (!composer) return null;
      const { text } = readComposer(adapter, composer);
      return { length: text.length, findings: engine() ? toHold(checkNow(text, site), text) : [] };
    },
  };
}
