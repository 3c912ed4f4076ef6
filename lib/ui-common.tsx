// Shared by the options page and the popup: the published policy state as a
// Preact hook, the UI language, small presentational pieces.

import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { loadPublished, loadUserSettings, watchPublished, type PublishedState } from './policy-client';
import type { Origin, UserSettings } from './policy-merge';
import { browserLang, isUiLang, makeT, type T } from './ui-i18n';

export interface UiState {
  published: PublishedState | null;
  user: UserSettings;
  reload: () => Promise<void>;
}

export function usePublished(): UiState {
  const [published, setPublished] = useState<PublishedState | null>(null);
  const [user, setUser] = useState<UserSettings>({});
  const reload = async () => {
    const [p, u] = await Promise.all([loadPublished(), loadUserSettings()]);
    setPublished(p);
    setUser(u);
  };
  useEffect(() => {
    void reload();
    return watchPublished(() => void reload());
  }, []);
  return { published, user, reload };
}

/** The UI's language: the language the user or admin chose for warnings, else the browser's. */
export function useT(published: PublishedState | null): T {
  const chosen = published?.effective?.language;
  const lang = isUiLang(chosen) ? chosen : browserLang();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return makeT(lang);
}

export function OriginBadge({ t, origin, locked }: { t: T; origin: Origin | undefined; locked?: boolean }) {
  const o = origin ?? 'builtin';
  const label = o === 'admin' ? t('originAdmin') : o === 'user' ? t('originUser') : t('originBuiltin');
  return (
    <span class="badges">
      <span class={`badge badge-${o}`} data-origin={o}>
        {label}
      </span>
      {locked ? (
        <span class="badge badge-locked" title={t('locked')} data-locked="true">
          <LockIcon /> {t('lockedShort')}
        </span>
      ) : null}
    </span>
  );
}

export function LockIcon() {
  return (
    <svg class="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
      />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false" class="logo">
      <rect x="2" y="4" width="28" height="20" rx="6" fill="currentColor" opacity="0.15" />
      <path d="M8 28l4-4h12a6 6 0 0 0 6-6V10a6 6 0 0 0-6-6H8a6 6 0 0 0-6 6v8a6 6 0 0 0 6 6z" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M10 14.5l4 4 8-8" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function Section({ id, title, children, aside }: { id: string; title: string; children: ComponentChildren; aside?: ComponentChildren }) {
  return (
    <section class="card" id={id} aria-labelledby={`${id}-h`}>
      <header class="card-head">
        <h2 id={`${id}-h`}>{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

export function formatTime(t: T, ms: number): string {
  try {
    return new Intl.DateTimeFormat(t.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}
