// Mounting the panel: a shadow root (the site's CSS and ours never mix) made
// with WXT's createShadowRootUi. Runs in the lazily loaded bundle.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { mediaNudge } from '../rules/media';
import { PANEL_TAG, REMINDER_TAG, type PanelHandle, type PanelModule, type PanelProps, type ReminderHandle, type ReminderProps } from './api';
import { Panel } from './Panel';
import { Reminder } from './Reminder';
import { PANEL_CSS, REMINDER_CSS } from './styles';

// Events that must not bubble from the panel into the page: keys (the sites'
// single-key shortcuts), and clicks/focus (a dialog's "outside click" and focus logic).
const ISOLATED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'input', 'beforeinput',
  'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'focusin', 'focusout',
];

async function mountPanel(ctx: ContentScriptContext, anchor: Element, props: PanelProps): Promise<PanelHandle> {
  let current = props;
  const ui = await createShadowRootUi(ctx, {
    name: PANEL_TAG,
    position: 'inline',
    anchor,
    append: 'last',
    css: PANEL_CSS,
    isolateEvents: ISOLATED_EVENTS,
    onMount: (container) => render(<Panel {...current} />, container),
    onRemove: () => render(null, ui.uiContainer),
  });
  ui.mount();
  return {
    host: ui.shadowHost,
    update(patch) {
      current = { ...current, ...patch };
      render(<Panel {...current} />, ui.uiContainer);
    },
    focus() {
      ui.shadow.querySelector<HTMLElement>('.panel button.primary, .panel button')?.focus();
    },
    close() {
      ui.remove();
    },
  };
}

/** Only one reminder at a time: a new one replaces the last. */
let currentReminder: ReminderHandle | null = null;

async function mountReminder(ctx: ContentScriptContext, props: ReminderProps): Promise<ReminderHandle> {
  currentReminder?.close();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let removed = false;
  const ui = await createShadowRootUi(ctx, {
    name: REMINDER_TAG,
    position: 'inline',
    anchor: document.body,
    append: 'last',
    css: REMINDER_CSS,
    isolateEvents: ISOLATED_EVENTS,
    onMount: (container) => render(<Reminder {...props} onDismiss={() => handle.close()} />, container),
    onRemove: () => render(null, ui.uiContainer),
  });
  const handle: ReminderHandle = {
    host: ui.shadowHost,
    close() {
      if (removed) return;
      removed = true;
      clearTimeout(timer);
      ui.remove();
      if (currentReminder === handle) currentReminder = null;
    },
  };
  ui.mount();
  currentReminder = handle;
  timer = setTimeout(() => handle.close(), props.durationMs);
  return handle;
}

export const panelModule: PanelModule = { mountPanel, mountReminder, mediaNudge };
