// Where and how the panel appears; the drawing itself (Preact, shadow root)
// arrives with the lazily loaded bundle (components/mount.tsx).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lang } from '../../rules';
import type { PanelHandle, PanelProps, Theme } from '../../components/api';
import type { Lazy } from './engine';
import { parentOf } from './sites/generic';

export { PANEL_TAG } from '../../components/api';
export type { PanelHandle };

/** nl/en/fr/de from the policy's language or the browser's, English otherwise. */
export function uiLanguage(policyLang: string | undefined): Lang {
  const tag = policyLang && policyLang !== 'auto' ? policyLang : navigator.language;
  const base = tag.toLowerCase().split('-')[0];
  return base === 'nl' || base === 'fr' || base === 'de' ? base : 'en';
}

/** Dark when the first opaque background behind the composer is dark (X's dark mode). */
export function themeOf(el: Element): Theme {
  for (let node: Element | null = el; node; node = parentOf(node)) {
    const m = getComputedStyle(node).backgroundColor.match(/[\d.]+/g);
    if (!m || m.length < 3 || (m.length === 4 && Number(m[3]) < 0.5)) continue;
    const [r, g, b] = m.map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Inside the composer's own dialog when it has one: the site's focus trap and
 * "click outside closes the dialog" logic then see the panel as inside. Not
 * when the dialog would trap our position:fixed backdrop in its own box
 * (a transform, filter or paint containment on the way makes it the
 * containing block): then on <body>, where it always covers the viewport.
 */
function anchorFor(composerRoot: Element): Element {
  for (let node: Element | null = composerRoot; node; node = parentOf(node)) {
    if (node.matches('[role="dialog"], [aria-modal="true"], dialog')) {
      return confinesFixed(node) ? document.body : node;
    }
  }
  return document.body;
}

function confinesFixed(el: Element): boolean {
  for (let node: Element | null = el; node && node !== document.body; node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.transform !== 'none' || style.filter !== 'none' || /paint|layout|strict|content/.test(style.contain)) {
      return true;
    }
  }
  return false;
}

export function openPanel(
  ctx: ContentScriptContext,
  lazy: Lazy,
  composerRoot: Element,
  props: PanelProps,
): Promise<PanelHandle> {
  return lazy.mountPanel(ctx, anchorFor(composerRoot), props);
}
