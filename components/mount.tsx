// Mounting the panel: a shadow root (the site's CSS and ours never mix) made
// with WXT's createShadowRootUi. Runs in the lazily loaded bundle.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PANEL_TAG, type PanelHandle, type PanelModule, type PanelProps } from './api';
import { Panel } from './Panel';
import { PANEL_CSS } from './styles';

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

export const panelModule: PanelModule = { mountPanel };
