// The reminder that does not hold a post: an `info` photo/video question (and
// any `info` findings), shown near the composer for a few seconds while the
// post goes out. Text only, no backdrop, never takes focus; × dismisses it.
import type { ReminderProps } from './api';
import { STRINGS } from './i18n';

const WIDTH = 380;
const GAP = 8;

/** Below the composer when there is room, else above it; always inside the viewport. */
export function reminderPosition(near: ReminderProps['near'], height = 90): { top: number; left: number } {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const width = Math.min(WIDTH, vw - 24);
  const left = Math.max(12, Math.min(near.left, vw - width - 12));
  let top = near.bottom + GAP;
  if (top + height > vh - 12) top = near.top - height - GAP;
  top = Math.max(12, Math.min(top, vh - height - 12));
  return { top: Math.round(top), left: Math.round(left) };
}

export function Reminder(props: ReminderProps & { onDismiss(): void }) {
  const s = STRINGS[props.uiLang] ?? STRINGS.en;
  const pos = reminderPosition(props.near, 48 + props.lines.length * 40);
  return (
    <div
      class={`reminder ${props.theme}`}
      lang={props.uiLang}
      role="status"
      aria-live="polite"
      style={{ top: `${pos.top}px`, left: `${pos.left}px` }}
    >
      <div class="body">
        <p class="title">{s.reminderTitle}</p>
        {props.lines.map((line, i) => (
          <p key={i} class="line">
            {line}
          </p>
        ))}
      </div>
      <button type="button" aria-label={s.dismiss} onClick={props.onDismiss}>
        ×
      </button>
    </div>
  );
}
