// Is a moment inside the policy's work hours? Evaluated in the policy's time
// zone (the browser's own when none is set), so a Brussels policy means
// Brussels hours for an employee travelling to Lisbon.

import type { Day, Policy } from './policy';

const DAY_OF: Record<string, Day> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f;
}

// formatToParts is the costliest step of a short check: remember the last minute asked.
let memo: { minute: number; hours: object; result: boolean } | undefined;

export function isWorkTime(at: Date, hours: NonNullable<Policy['workHours']>): boolean {
  const minute = Math.floor(at.getTime() / 60_000);
  if (memo && memo.minute === minute && memo.hours === hours) return memo.result;
  const result = computeWorkTime(at, hours);
  memo = { minute, hours, result };
  return result;
}

const LOCAL_DAYS: Day[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Day and HH:MM in the zone. Without a zone, the Date's own local fields: Intl's first use costs ~40 ms. */
function clock(at: Date, timeZone: string | undefined): { day: Day | undefined; hhmm: string } {
  if (timeZone) {
    try {
      const parts = formatter(timeZone).formatToParts(at);
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
      return { day: DAY_OF[get('weekday')], hhmm: `${get('hour').padStart(2, '0')}:${get('minute').padStart(2, '0')}` };
    } catch {
      // A zone this browser does not know (the policy was validated elsewhere): local time.
    }
  }
  return { day: LOCAL_DAYS[at.getDay()], hhmm: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

function computeWorkTime(at: Date, hours: NonNullable<Policy['workHours']>): boolean {
  const { day, hhmm } = clock(at, hours.timeZone);
  const days = hours.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'];
  if (!day || !days.includes(day)) return false;
  return hhmm >= (hours.start ?? '09:00') && hhmm < (hours.end ?? '17:00');
}
