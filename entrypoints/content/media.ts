// The article's second question: "would you show this photo or video to all
// your colleagues?" Postcheck never looks at the media: the site adapter only
// counts the attachment previews in the composer (sites/*.ts), and the policy
// (`media.enabled`, `media.severity`) decides how the question is asked:
//
//   info        a small reminder near the composer; the post is NOT held
//   warn/block  held, and asked in the panel next to any text findings
//
// It is asked once per draft: the same text with the same media is not asked
// again (after "Edit post", pressing Post again goes through), while editing
// the text or adding/removing media makes it a new draft. A `block` is not a
// question but the organisation's rule, so it holds every time.
//
// The wording and the drawing arrive with the lazily loaded panel module.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CheckResult, Lang, MediaNudge } from '../../rules';
import { engine, policy, snoozed } from './engine';
import { themeOf, uiLanguage } from './panel';
import type { Composer, MediaCount, SiteAdapter } from './sites';

/** How long the non-blocking reminder stays. */
export const REMINDER_MS = 8000;
/** Drafts remembered as asked (a few hundred keys at most). */
const MAX_ASKED = 200;

export interface MediaAsk {
  nudge: MediaNudge;
  /** The draft: site, text and media counts. */
  key: string;
  /** warn/block: the post is held for it. */
  holds: boolean;
}

export function hasMedia(m: MediaCount): boolean {
  return m.images + m.videos + m.gifs > 0;
}

const asked = new Set<string>();

function draftKey(adapter: SiteAdapter, text: string, m: MediaCount): string {
  return `${adapter.name}\u0000${text}\u0000${m.images}/${m.videos}/${m.gifs}`;
}

export function markAsked(key: string): void {
  asked.add(key);
  if (asked.size > MAX_ASKED) asked.delete(asked.values().next().value!);
}

/** The language the question is asked in: the policy's, else the post's. */
function questionLang(result: CheckResult | null): Lang {
  const pol = policy();
  if (pol?.language && pol.language !== 'auto') return pol.language;
  return result?.language ?? uiLanguage(undefined);
}

/**
 * The photo/video question for this draft, or null: no media, switched off,
 * snoozed, the engine not loaded, or a warn already asked for this very draft.
 * `force` ignores "already asked" (the panel following the composer's media).
 */
export function mediaAsk(
  adapter: SiteAdapter,
  composer: Composer,
  text: string,
  result: CheckResult | null,
  force = false,
): MediaAsk | null {
  try {
    const m = adapter.media(composer);
    const lazy = engine();
    const pol = policy();
    if (!hasMedia(m) || !lazy?.mediaNudge || !pol || snoozed()) return null;
    const nudge = lazy.mediaNudge(m, pol, questionLang(result));
    if (!nudge) return null;
    const key = draftKey(adapter, text, m);
    const holds = nudge.severity !== 'info';
    if (holds && nudge.severity !== 'block' && asked.has(key) && !force) return null;
    return { nudge, key, holds };
  } catch (error) {
    console.warn('[postcheck] media question failed; not asking', error);
    return null;
  }
}

/**
 * The reminder for a post that goes through: an `info` media question and
 * `info` findings, once per draft. Never throws, never holds anything.
 */
export function remindOnce(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  composer: Composer,
  text: string,
  result: CheckResult | null,
  ask: MediaAsk | null,
): void {
  try {
    const lazy = engine();
    if (!lazy?.mountReminder || snoozed()) return;
    const lines: string[] = [];
    for (const f of result?.findings ?? []) {
      if (f.severity === 'info' && !lines.includes(f.message)) lines.push(f.message);
    }
    if (ask && !ask.holds) lines.push(ask.nudge.message);
    if (lines.length === 0) return;
    const key = ask?.key ?? draftKey(adapter, text, adapter.media(composer));
    if (asked.has(key)) return;
    markAsked(key);
    // Measured now: the site may close its dialog as soon as it has posted.
    const r = composer.root.getBoundingClientRect();
    void lazy
      .mountReminder(ctx, {
        uiLang: uiLanguage(policy()?.language),
        theme: themeOf(composer.root),
        lines,
        near: { top: r.top, left: r.left, bottom: r.bottom, width: r.width },
        durationMs: REMINDER_MS,
      })
      .catch((error) => console.warn('[postcheck] reminder failed', error));
  } catch (error) {
    console.warn('[postcheck] reminder failed', error);
  }
}

/**
 * While the panel is open: calls `cb` with the question for the composer's
 * current media whenever its previews change (a photo removed, an upload
 * failed). Returns the function that stops watching.
 */
export function followMedia(
  adapter: SiteAdapter,
  composer: Composer,
  text: () => string,
  result: CheckResult | null,
  signal: AbortSignal,
  cb: (ask: MediaAsk | null) => void,
): () => void {
  let last = JSON.stringify(adapter.media(composer));
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const now = JSON.stringify(adapter.media(composer));
      if (now === last) return;
      last = now;
      const ask = mediaAsk(adapter, composer, text(), result, true);
      if (ask) markAsked(ask.key);
      cb(ask);
    });
  });
  observer.observe(composer.root, { childList: true, subtree: true });
  // Stopping also lets go of the abort listener: it holds the observer, the composer and the panel.
  const stop = () => {
    observer.disconnect();
    signal.removeEventListener('abort', stop);
  };
  signal.addEventListener('abort', stop, { once: true });
  return stop;
}
