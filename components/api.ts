// The contract between the content script (which owns pages, composers and
// the held post) and the panel (which only draws and reports clicks). The
// panel side is loaded lazily with the engine, so the page-load script carries
// neither Preact nor WXT's shadow-root UI helpers.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Finding, Lang, MediaCount, MediaNudge, Policy } from '../rules';

export type Theme = 'light' | 'dark';

export interface PanelProps {
  /** Language of the panel's own words (browser's, or the policy's). */
  uiLang: Lang;
  theme: Theme;
  /** The draft as posted: quotes are cut from it. */
  text: string;
  /** Findings that hold the post (warn/block); empty once the user fixed them. */
  findings: Finding[];
  /** False when a finding is `block` (or the policy forbids posting anyway). */
  canPostAnyway: boolean;
  /** The policy asks for a written reason (kept on this device) before posting anyway. */
  requireReason: boolean;
  policyUrl?: string;
  /** Why this site is checked more strictly ("Your profile on LinkedIn names your employer"). */
  stricter?: string;
  /**
   * The photo/video question ("Would you show this to all your colleagues? (1 photo)"),
   * in the post's language. `warn`/`block` hold the post like a finding; `info` is
   * only shown when the panel is open anyway.
   */
  media?: MediaNudge;
  /** A suggestion is being inserted: its button shows progress. */
  inserting?: string | null;
  /** A suggestion that could not be inserted (the site's editor refused). */
  insertFailed?: string | null;
  onEdit(): void;
  onPostAnyway(reason?: string): void;
  /** Everything fixed: post as is. */
  onPost(): void;
  onInsert(finding: Finding): void;
}

/** The custom element hosting the panel's shadow root. */
export const PANEL_TAG = 'postcheck-panel';

export interface PanelHandle {
  host: HTMLElement;
  update(patch: Partial<PanelProps>): void;
  /** Moves focus back into the panel (after writing into the editor). */
  focus(): void;
  close(): void;
}

/** The small reminder that does not hold a post (an `info` media nudge or `info` findings). */
export interface ReminderProps {
  uiLang: Lang;
  theme: Theme;
  /** One line each, already in the post's language. */
  lines: string[];
  /** Where the composer was (viewport coordinates) when Post was pressed. */
  near: { top: number; left: number; bottom: number; width: number };
  /** How long it stays, in ms. */
  durationMs: number;
}

export const REMINDER_TAG = 'postcheck-reminder';

export interface ReminderHandle {
  host: HTMLElement;
  close(): void;
}

export interface PanelModule {
  /** Mounts the panel in a shadow root appended to `anchor`. */
  mountPanel(ctx: ContentScriptContext, anchor: Element, props: PanelProps): Promise<PanelHandle>;
  /** Shows the reminder on <body>; it goes by itself after `durationMs` or when dismissed. */
  mountReminder(ctx: ContentScriptContext, props: ReminderProps): Promise<ReminderHandle>;
  /** The photo/video question for a composer's media (rules/media.ts), loaded with the panel. */
  mediaNudge(media: MediaCount, policy: Policy, lang: Lang): MediaNudge | undefined;
}
