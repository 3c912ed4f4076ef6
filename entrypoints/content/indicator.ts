// While typing: a small dot with a count near the active composer, updated
// when typing pauses. It sits in its own shadow root on <body>, takes no
// pointer events and no focus, and never touches the editor's DOM or caret.
import { checkNow, engine, loadEngine, toHold } from './engine';
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
.dot[hidden] { display: none; }
`;

// Words for screen readers; short on purpose (announced politely while typing).
const LABEL: Record<string, (n: number) => string> = {
  en: (n) => `Postcheck: ${n} thing${n === 1 ? '' : 's'} to look at before posting`,
  nl: (n) => `Postcheck: ${n} ${n === 1 ? 'punt' : 'punten'} om na te kijken voor je plaatst`,
  fr: (n) => `Postcheck : ${n} point${n === 1 ? '' : 's'} à revoir avant de publier`,
  de: (n) => `Postcheck: ${n} ${n === 1 ? 'Punkt' : 'Punkte'} vor dem Posten prüfen`,
};

export interface Indicator {
  /** While the panel is open the dot steps aside (the panel says it all). */
  suppress(on: boolean): void;
}

export function initIndicator(adapter: SiteAdapter, signal: AbortSignal): Indicator {
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

  function update() {
    timer = 0;
    const editor = active;
    if (suppressed || !editor?.isConnected || !engine()) return hide();
    const composer = adapter.composerOfEditor(editor);
    if (!composer) return hide();
    const { text } = readComposer(adapter, composer);
    const findings = toHold(checkNow(text, adapter.name === 'generic' ? undefined : adapter.name), text);
    if (findings.length === 0) return hide();
    const d = ensureDot();
    const lang = (navigator.language || 'en').slice(0, 2);
    d.textContent = String(findings.length);
    d.classList.toggle('block', findings.some((f) => f.severity === 'block'));
    d.setAttribute('aria-label', (LABEL[lang] ?? LABEL.en!)(findings.length));
    d.hidden = false;
    place();
    stopWatching?.();
    stopWatching = whenGone(editor, hide, signal);
  }

  function schedule() {
    clearTimeout(timer);
    timer = window.setTimeout(update, PAUSE_MS);
  }

  function onInput(event: Event) {
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

  const opts = { capture: true, passive: true, signal };
  window.addEventListener('input', onInput, opts);
  window.addEventListener('focusin', onFocusIn, opts);
  window.addEventListener('scroll', schedulePlace, opts);
  window.addEventListener('resize', schedulePlace, opts);
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
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
  };
}
