// The popup: is Postcheck active on this tab and with which site adapter,
// findings in the current draft, the policy's source and errors, a one-hour
// snooze (unless the admin locked it), and a link to the options page.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KEYS } from '../../lib/policy-client';
import { SITE_NAMES, TAB_STATUS, siteOfUrl, type TabStatus } from '../../lib/popup-protocol';
import { Logo, formatTime, usePublished, useT } from '../../lib/ui-common';
import { categoryName, severityName } from '../../lib/ui-i18n';

const HOUR = 60 * 60 * 1000;

type TabState = { kind: 'loading' } | { kind: 'active'; status: TabStatus } | { kind: 'inactive'; site: TabStatus['site'] | null };

async function askActiveTab(): Promise<TabState> {
  let tab: { id?: number; url?: string } | undefined;
  try {
    [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  } catch {
    return { kind: 'inactive', site: null };
  }
  if (tab?.id === undefined) return { kind: 'inactive', site: null };
  try {
    const answer = (await Promise.race([
      browser.tabs.sendMessage(tab.id, { type: TAB_STATUS }),
      new Promise((resolve) => setTimeout(() => resolve(undefined), 800)),
    ])) as TabStatus | undefined;
    if (answer && typeof answer === 'object' && 'site' in answer) return { kind: 'active', status: answer };
  } catch {
    /* no content script in this tab */
  }
  return { kind: 'inactive', site: siteOfUrl(tab.url) };
}

export function PopupApp() {
  const { published } = usePublished();
  const t = useT(published);
  const [tab, setTab] = useState<TabState>({ kind: 'loading' });
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    void askActiveTab().then(setTab);
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const status = published?.status ?? null;
  const snoozeUntil = published?.snoozeUntil ?? 0;
  const paused = snoozeUntil > now;
  const snoozeLocked = !!status?.locks.snooze;
  const errors = status?.errors.length ?? 0;
  const openOptions = () => void browser.runtime.openOptionsPage();

  const snooze = async () => {
    await browser.storage.local.set({ [KEYS.snooze]: Date.now() + HOUR });
    setNow(Date.now());
  };
  const resume = async () => {
    await browser.storage.local.remove(KEYS.snooze);
    setNow(Date.now());
  };

  return (
    <main class="popup">
      <header class="popup-head">
        <Logo size={24} />
        <h1>{t('appName')}</h1>
        <button type="button" class="linkbtn" onClick={openOptions} data-testid="open-options">
          {t('popupOpenOptions')}
        </button>
      </header>

      <section class="card" aria-live="polite" data-testid="tab-status">
        {tab.kind === 'loading' ? (
          <p class="muted">…</p>
        ) : tab.kind === 'active' ? (
          <>
            <p class="status-line">
              <span class={`dot ${paused ? 'dot-paused' : 'dot-on'}`} aria-hidden="true" />
              {paused ? t('popupSnoozed', { time: formatTime(t, snoozeUntil) }) : t('popupActive', { site: SITE_NAMES[tab.status.site] ?? tab.status.site })}
            </p>
            {tab.status.adapter ? <p class="muted small">{t('popupAdapter', { adapter: tab.status.adapter })}</p> : null}
            <Draft status={tab.status} t={t} />
          </>
        ) : (
          <>
            <p class="status-line">
              <span class="dot dot-off" aria-hidden="true" />
              {t('popupInactive')}
            </p>
            <p class="muted small">{tab.site ? t('popupNoAnswer') : t('popupInactiveHelp')}</p>
          </>
        )}
      </section>

      <section class="card">
        <p class="small" data-testid="popup-policy">
          {t('popupPolicy', { source: status?.source === 'admin' ? t('statusAdmin') : t('statusBuiltin') })}
        </p>
        {errors ? (
          <p class="err-line" data-testid="popup-errors">
            <button type="button" class="linkbtn err-line" onClick={openOptions}>
              {t('popupErrors', { n: errors })}
            </button>
          </p>
        ) : null}
      </section>

      {snoozeLocked ? (
        <p class="muted small">{t('popupSnoozeLocked')}</p>
      ) : paused ? (
        <button type="button" class="btn" onClick={resume} data-testid="resume">
          {t('popupResume')}
        </button>
      ) : (
        <button type="button" class="btn" onClick={snooze} data-testid="snooze">
          {t('popupSnooze')}
        </button>
      )}
    </main>
  );
}

function Draft({ status, t }: { status: TabStatus; t: ReturnType<typeof useT> }) {
  const d = status.draft;
  if (!d || d.length === 0) return <p class="small">{t('popupDraftNone')}</p>;
  if (!d.findings.length) return <p class="small ok">{t('popupDraftClean')}</p>;
  return (
    <>
      <p class="small">
        <strong>{t('popupDraftCount', { n: d.findings.length })}</strong>
      </p>
      <ul class="findings small">
        {d.findings.slice(0, 5).map((f, i) => (
          <li key={i} class={`finding sev-${f.severity}`}>
            <span class={`badge sev sev-${f.severity}`}>{severityName(t, f.severity)}</span> {categoryName(t, f.category)}
          </li>
        ))}
      </ul>
    </>
  );
}
