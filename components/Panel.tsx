// The warning panel: one entry per finding, then "Edit post" / "Post anyway".
// It only draws and reports; the content script holds the post, writes into
// the editor and re-submits. Every string is rendered as text (Preact escapes
// it): policy messages and the user's own words never become HTML.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding, MediaNudge } from '../rules';
import type { PanelProps } from './api';
import { STRINGS, type Strings } from './i18n';

/** Words around a finding, so the quote reads as a phrase, not a lone word. */
const CONTEXT = 24;

function Quote({ text, finding }: { text: string; finding: Finding }) {
  const from = Math.max(0, finding.start - CONTEXT);
  const to = Math.min(text.length, finding.end + CONTEXT);
  // Cut at spaces so the context does not start or end mid-word.
  const before = text.slice(from, finding.start).replace(from > 0 ? /^\S*\s?/ : /^/, '');
  const after = text.slice(finding.end, to).replace(to < text.length ? /\s?\S*$/ : /$/, '');
  return (
    <blockquote class="quote">
      {from > 0 && before ? '…' : ''}
      {before}
      <mark>{text.slice(finding.start, finding.end)}</mark>
      {after}
      {to < text.length && after ? '…' : ''}
    </blockquote>
  );
}

function Entry({ props, finding, s }: { props: PanelProps; finding: Finding; s: Strings }) {
  const insert = finding.suggestion?.insert;
  const busy = props.inserting === finding.ruleId;
  return (
    <li class={`finding ${finding.severity}`}>
      <p class="category">
        <span class="dot" aria-hidden="true" />
        {s.category[finding.category] ?? finding.category}
      </p>
      <Quote text={props.text} finding={finding} />
      <p class="message">{finding.message}</p>
      <p class="why">{s.why[finding.category]}</p>
      {insert && finding.suggestion && (
        <button type="button" class="suggestion" disabled={busy} onClick={() => props.onInsert(finding)}>
          {busy ? s.inserting : finding.suggestion.label}
        </button>
      )}
      {props.insertFailed === finding.ruleId && (
        <p class="note" role="status">
          {s.insertFailed}
        </p>
      )}
    </li>
  );
}

/** The photo/video question: Postcheck never sees the media, so it asks, with the count. */
function MediaEntry({ media, s }: { media: MediaNudge; s: Strings }) {
  return (
    <li class={`finding media ${media.severity}`} data-media-count={media.count}>
      <p class="category">
        <span class="dot" aria-hidden="true" />
        {s.mediaCategory}
      </p>
      <p class="message">{media.message}</p>
      <p class="why">{s.mediaWhy}</p>
    </li>
  );
}

/** Tab and Shift+Tab stay inside the dialog (WAI-ARIA modal dialog pattern). */
function trapTab(event: KeyboardEvent, dialog: HTMLElement) {
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, a[href]')];
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Only an https link, normalised by the URL parser (never javascript:, data:, or odd spellings). */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function Panel(props: PanelProps) {
  const s = STRINGS[props.uiLang] ?? STRINGS.en;
  const dialog = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const media = props.media;
  const mediaHolds = !!media && media.severity !== 'info';
  const clear = props.findings.length === 0 && !mediaHolds;
  const blocked = props.findings.some((f) => f.severity === 'block') || media?.severity === 'block';
  const policyUrl = safeUrl(props.policyUrl);

  // Focus moves into the panel on open. "Edit post" is the safe default:
  // a reflexive Enter must never publish.
  useEffect(() => {
    editButton.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onEdit();
    } else if (event.key === 'Tab' && dialog.current) {
      trapTab(event, dialog.current);
    }
  };

  const title = clear ? s.titleClear : blocked ? s.titleBlock : s.title;
  const reasonMissing = props.requireReason && reason.trim() === '';
  return (
    <div class={`backdrop ${props.theme}`}>
      <div
        ref={dialog}
        class="panel"
        lang={props.uiLang}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="postcheck-title"
        aria-describedby="postcheck-intro"
        onKeyDown={onKeyDown}
      >
        <header>
          <h2 id="postcheck-title">{title}</h2>
          <button type="button" class="close" aria-label={s.close} onClick={props.onEdit}>
            ×
          </button>
        </header>
        <p id="postcheck-intro" class="intro">
          {clear ? s.introClear : props.findings.length === 0 ? s.introMedia : s.intro}
        </p>
        {!clear && props.stricter && <p class="note stricter">{props.stricter}</p>}
        {!clear && (
          <ul class="findings">
            {props.findings.map((f) => (
              <Entry key={`${f.ruleId}:${f.start}`} props={props} finding={f} s={s} />
            ))}
            {media && <MediaEntry media={media} s={s} />}
          </ul>
        )}
        {blocked && <p class="note">{s.blockNote}</p>}
        {!clear && props.canPostAnyway && props.requireReason && (
          <label class="reason">
            <span>{s.reasonLabel}</span>
            <textarea rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
            <small>{s.reasonHint}</small>
          </label>
        )}
        {policyUrl && (
          <p class="policy">
            <a href={policyUrl} target="_blank" rel="noopener noreferrer">
              {s.policyLink}
            </a>
          </p>
        )}
        <footer>
          {!clear && props.canPostAnyway && (
            <button
              type="button"
              class="secondary"
              disabled={reasonMissing}
              onClick={() => props.onPostAnyway(props.requireReason ? reason.trim() : undefined)}
            >
              {s.postAnyway}
            </button>
          )}
          <button type="button" ref={editButton} class={clear ? 'secondary' : 'primary'} onClick={props.onEdit}>
            {s.edit}
          </button>
          {clear && (
            <button type="button" class="primary" onClick={props.onPost}>
              {s.post}
            </button>
          )}
        </footer>
        <p class="privacy">{s.privacy}</p>
      </div>
    </div>
  );
}
