// The options page: the effective policy in human terms, where each setting
// comes from (built-in / organisation / you), what is locked, the policy's
// errors by JSON path, the user's own settings, a "try a post" box and an
// export of the effective policy. Policy text is always rendered as text.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CATEGORIES, LANGS, SEVERITIES, type Category, type Finding, type Lang, type Severity } from '../../rules/types';
import { isPlainObject, readCategory, safePolicyUrl, type Json, type PolicyStatus, type UserSettings } from '../../lib/policy-merge';
import { saveUserSettings } from '../../lib/policy-client';
import { categoryHelp, categoryName, severityName, type MessageKey, type T } from '../../lib/ui-i18n';
import { Logo, OriginBadge, Section, formatTime, usePublished, useT } from '../../lib/ui-common';
import { MediaSitesCard } from './media-sites';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const LANG_NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English', fr: 'Français', de: 'Deutsch' };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function OptionsApp() {
  const { published, user, reload } = usePublished();
  const t = useT(published);
  const [saved, setSaved] = useState(false);
  const savedTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    document.title = t('optionsTitle');
  }, [t.lang]);

  if (!published) return <main class="page" aria-busy="true" />;
  const effective = published.effective ?? {};
  const status = published.status;

  const save = async (next: UserSettings) => {
    await saveUserSettings(next);
    await reload();
    setSaved(true);
    clearTimeout(savedTimer.current);
    savedTimer.current = setTimeout(() => setSaved(false), 2000);
  };

  const hasErrors = (status?.errors.length ?? 0) > 0;
  return (
    <main class="page">
      <header class="top">
        <div class="brand">
          <Logo size={34} />
          <div>
            <h1>{t('optionsTitle')}</h1>
            <p class="muted">{t('tagline')}</p>
          </div>
        </div>
        <StatusPill t={t} status={status} />
      </header>

      <p class="sr-live" role="status" aria-live="polite">
        {saved ? t('saved') : ''}
      </p>

      {hasErrors && status ? <ErrorsCard t={t} status={status} at={published.errors?.at ?? status.updatedAt} /> : null}
      {status && status.userErrors.length ? (
        <section class="card card-warn" aria-labelledby="user-errors-h">
          <h2 id="user-errors-h">{t('userErrorsTitle')}</h2>
          <ErrorList errors={status.userErrors} />
        </section>
      ) : null}

      <div class="grid">
        <EmployerCard t={t} effective={effective} status={status} />
        <RulesCard t={t} effective={effective} status={status} user={user} save={save} />
      </div>

      <CategoriesCard t={t} effective={effective} status={status} user={user} save={save} />
      <MediaSitesCard t={t} effective={effective} status={status} />

      <div class="grid">
        <ConfidentialCard t={t} effective={effective} status={status} user={user} save={save} />
        <WorkHoursCard t={t} effective={effective} status={status} user={user} save={save} />
      </div>

      <YouCard t={t} effective={effective} status={status} user={user} save={save} />
      <TryCard t={t} effective={effective} />
      <ExportCard t={t} effective={effective} />

      <footer class="foot muted">{t('privacy')}</footer>
    </main>
  );
}

function StatusPill({ t, status }: { t: T; status: PolicyStatus | null }) {
  if (status?.errors.length) {
    return (
      <span class="pill pill-error" data-testid="policy-source">
        {t('statusErrors')}
      </span>
    );
  }
  return (
    <span class={`pill ${status?.source === 'admin' ? 'pill-admin' : 'pill-builtin'}`} data-testid="policy-source">
      {status?.source === 'admin' ? t('statusAdmin') : t('statusBuiltin')}
    </span>
  );
}

function ErrorList({ errors }: { errors: { path: string; message: string }[] }) {
  return (
    <ul class="errors">
      {errors.map((e, i) => (
        <li key={i} data-testid="policy-error">
          <code class="path">{e.path}</code> <span class="msg">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}

const KEY_LABELS: Record<string, MessageKey> = {
  employer: 'sectionEmployer',
  confidential: 'sectionConfidential',
  workHours: 'sectionWorkHours',
  categories: 'sectionCategories',
  customRules: 'sectionRules',
  postAnyway: 'sectionPostAnyway',
  policyUrl: 'sectionPolicyLink',
  language: 'language',
};

/** "Work hours (workHours)": the human name and the key an admin looks for. */
function keyLabel(t: T, key: string): string {
  const m = KEY_LABELS[key];
  return m ? `${t(m)} (${key})` : key;
}

function ErrorsCard({ t, status, at }: { t: T; status: PolicyStatus; at: number }) {
  return (
    <section class="card card-error" aria-labelledby="errors-h" data-testid="policy-errors">
      <h2 id="errors-h">{t('errorsTitle')}</h2>
      <p>{status.wholeLastGood ? t('errorsWhole') : t('errorsIntro')}</p>
      <ErrorList errors={status.errors} />
      {status.keptLastGood.length && !status.wholeLastGood ? (
        <p class="muted" data-testid="kept-last-good">
          {t('errorsKept', { keys: status.keptLastGood.map((k) => keyLabel(t, k)).join(', ') })}
        </p>
      ) : null}
      <p class="muted small">
        {t('errorsSince', { time: formatTime(t, at) })} · {t('errorsForAdmin')}
      </p>
    </section>
  );
}

function Field({ label, values, t, testid }: { label: string; values: string[]; t: T; testid: string }) {
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd data-testid={testid}>
        {values.length ? (
          <ul class="chips">
            {values.map((v) => (
              <li key={v} class="chip">
                {v}
              </li>
            ))}
          </ul>
        ) : (
          <span class="muted">{t('notSet')}</span>
        )}
      </dd>
    </div>
  );
}

interface CardProps {
  t: T;
  effective: Json;
  status: PolicyStatus | null;
}
interface EditProps extends CardProps {
  user: UserSettings;
  save: (next: UserSettings) => Promise<void>;
}

function EmployerCard({ t, effective, status }: CardProps) {
  const emp = isPlainObject(effective.employer) ? effective.employer : {};
  return (
    <Section id="employer" title={t('sectionEmployer')} aside={<OriginBadge t={t} origin={status?.origins.employer} />}>
      <dl class="fields">
        <Field t={t} label={t('employerNames')} values={strings(emp.names)} testid="employer-names" />
        <Field t={t} label={t('employerHandles')} values={strings(emp.handles)} testid="employer-handles" />
        <Field t={t} label={t('employerDomains')} values={strings(emp.domains)} testid="employer-domains" />
      </dl>
    </Section>
  );
}

function RulesCard({ t, effective, status, user, save }: EditProps) {
  const rules = Array.isArray(effective.customRules) ? effective.customRules : [];
  const pa = isPlainObject(effective.postAnyway) ? effective.postAnyway : {};
  const rawUrl = effective.policyUrl;
  const url = safePolicyUrl(rawUrl);
  const lockedPA = status?.locks.settings.includes('postAnyway');
  return (
    <Section id="organisation" title={t('sectionRules')} aside={<OriginBadge t={t} origin={status?.origins.customRules} />}>
      <p data-testid="custom-rules-count">{rules.length ? t('rulesCount', { n: rules.length }) : t('rulesNone')}</p>
      {rules.length ? (
        <ul class="rules">
          {rules.filter(isPlainObject).slice(0, 50).map((r, i) => (
            <li key={i}>
              <code>{String(r.id ?? '')}</code> · {isCategoryId(r.category) ? categoryName(t, r.category) : ''} ·{' '}
              {severityName(t, isSev(r.severity) ? r.severity : null)}
            </li>
          ))}
        </ul>
      ) : null}
      <h3 class="sub">
        {t('sectionPostAnyway')} <OriginBadge t={t} origin={status?.origins.postAnyway} locked={lockedPA} />
      </h3>
      <ul class="plain" data-testid="post-anyway">
        <li>{pa.warn === false ? t('postAnywayWarnNo') : t('postAnywayWarnYes')}</li>
        <li>{pa.block === true ? t('postAnywayBlockYes') : t('postAnywayBlockNo')}</li>
        {pa.requireReason ? <li>{t('postAnywayReason')}</li> : null}
      </ul>
      {!lockedPA ? (
        <fieldset class="checks">
          <legend class="sr-only">{t('sectionPostAnyway')}</legend>
          {(['warn', 'block', 'requireReason'] as const).map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                id={`post-anyway-${k}`}
                checked={k === 'warn' ? pa.warn !== false : pa[k] === true}
                onChange={(e) =>
                  void save({ ...user, postAnyway: { ...(user.postAnyway ?? {}), [k]: (e.currentTarget as HTMLInputElement).checked } })
                }
              />{' '}
              {t(k === 'warn' ? 'postAnywayAllowWarn' : k === 'block' ? 'postAnywayAllowBlock' : 'postAnywayAskReason')}
            </label>
          ))}
        </fieldset>
      ) : null}
      {rawUrl !== undefined ? (
        <>
          <h3 class="sub">{t('sectionPolicyLink')}</h3>
          {url ? (
            <p>
              <a href={url} target="_blank" rel="noopener noreferrer" data-testid="policy-link">
                {t('policyLinkOpen')}
              </a>
            </p>
          ) : (
            <p class="muted" data-testid="policy-link-refused">
              {t('policyLinkRefused')}
            </p>
          )}
        </>
      ) : null}
    </Section>
  );
}

function isCategoryId(v: unknown): v is Category {
  return typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
}
function isSev(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

function CategoriesCard({ t, effective, status, user, save }: EditProps) {
  const set = (id: Category, patch: { enabled?: boolean; severity?: Severity | null }) => {
    const cats = { ...(user.categories ?? {}) };
    const cur = { ...(cats[id] ?? {}) };
    if (patch.enabled !== undefined) cur.enabled = patch.enabled;
    if (patch.severity !== undefined) {
      if (patch.severity === null) delete cur.severity;
      else cur.severity = patch.severity;
    }
    cats[id] = cur;
    void save({ ...user, categories: cats });
  };
  return (
    <Section id="categories" title={t('sectionCategories')}>
      <table class="cats">
        <thead>
          <tr>
            <th scope="col">{t('colCategory')}</th>
            <th scope="col">{t('colOn')}</th>
            <th scope="col">{t('colSeverity')}</th>
            <th scope="col">{t('colSource')}</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((id) => {
            const c = readCategory(effective, id);
            const locked = !!status?.locks.categories.includes(id);
            const name = categoryName(t, id);
            return (
              <tr key={id} data-testid={`category-${id}`} data-enabled={String(c.enabled)} data-locked={String(locked)}>
                <th scope="row">
                  <span class="cat-name">{name}</span>
                  <span class="muted small">{categoryHelp(t, id)}</span>
                </th>
                <td>
                  <label class="switch">
                    <input
                      type="checkbox"
                      id={`cat-${id}-enabled`}
                      checked={c.enabled}
                      disabled={locked}
                      aria-label={`${name}: ${t('colOn')}`}
                      aria-describedby={locked ? `cat-${id}-lock` : undefined}
                      onChange={(e) => set(id, { enabled: (e.currentTarget as HTMLInputElement).checked })}
                    />
                    <span class="slider" aria-hidden="true" />
                  </label>
                </td>
                <td>
                  <select
                    id={`cat-${id}-severity`}
                    value={c.severity ?? ''}
                    disabled={locked || !c.enabled}
                    aria-label={`${name}: ${t('colSeverity')}`}
                    onChange={(e) => {
                      const v = (e.currentTarget as HTMLSelectElement).value;
                      set(id, { severity: isSev(v) ? v : null });
                    }}
                  >
                    <option value="">{t('severityDefault')}</option>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {severityName(t, s)}
                      </option>
                    ))}
                  </select>
                </td>
                <td id={`cat-${id}-lock`}>
                  <OriginBadge t={t} origin={status?.origins[`categories.${id}`]} locked={locked} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}

function ConfidentialCard({ t, effective, status, user, save }: EditProps) {
  const own = strings(user.confidentialTerms);
  const all = strings(isPlainObject(effective.confidential) ? effective.confidential.terms : undefined);
  const adminTerms = all.filter((x) => !own.includes(x));
  const [draft, setDraft] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const v = draft.trim();
    if (!v || own.includes(v)) return;
    setDraft('');
    void save({ ...user, confidentialTerms: [...own, v] });
  };
  return (
    <Section id="confidential" title={t('sectionConfidential')} aside={<OriginBadge t={t} origin={status?.origins.confidential} />}>
      <p data-testid="confidential-admin">
        {adminTerms.length ? t('confidentialAdmin', { n: adminTerms.length }) : t('confidentialAdminNone')}
      </p>
      {adminTerms.length && adminTerms.length <= 30 ? (
        <ul class="chips">
          {adminTerms.map((x) => (
            <li key={x} class="chip chip-admin">
              {x}
            </li>
          ))}
        </ul>
      ) : null}
      <h3 class="sub">{t('confidentialOwn')}</h3>
      <p class="muted small">{t('confidentialOwnHelp')}</p>
      {own.length ? (
        <ul class="chips">
          {own.map((x) => (
            <li key={x} class="chip chip-user">
              {x}
              <button
                type="button"
                class="chip-x"
                aria-label={t('remove', { item: x })}
                onClick={() => void save({ ...user, confidentialTerms: own.filter((y) => y !== x) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form class="row" onSubmit={add}>
        <input
          type="text"
          id="own-term"
          value={draft}
          maxLength={200}
          placeholder={t('termPlaceholder')}
          aria-label={t('confidentialOwn')}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="btn">
          {t('add')}
        </button>
      </form>
    </Section>
  );
}

function WorkHoursCard({ t, effective, status, user, save }: EditProps) {
  const wh = isPlainObject(effective.workHours) ? effective.workHours : {};
  const locked = !!status?.locks.settings.includes('workHours');
  const days = strings(wh.days);
  const start = typeof wh.start === 'string' ? wh.start : '09:00';
  const end = typeof wh.end === 'string' ? wh.end : '17:00';
  const tz = typeof wh.timeZone === 'string' ? wh.timeZone : t('timeZoneBrowser');
  const dayList = days.length ? DAYS.filter((d) => days.includes(d)).map((d) => t(`day_${d}` as MessageKey)).join(', ') : t('noDays');
  const setWH = (patch: Json) => void save({ ...user, workHours: { ...(user.workHours ?? {}), ...patch } });
  return (
    <Section id="workhours" title={t('sectionWorkHours')} aside={<OriginBadge t={t} origin={status?.origins.workHours} locked={locked} />}>
      <p class="big" data-testid="work-hours">
        {t('workHoursValue', { days: dayList, start, end })}
      </p>
      <p class="muted small">
        {t('timeZone', { tz })} · {t('workHoursHelp')}
      </p>
      <fieldset class="days" disabled={locked}>
        <legend class="sr-only">{t('sectionWorkHours')}</legend>
        {DAYS.map((d) => (
          <label key={d} class="day">
            <input
              type="checkbox"
              checked={days.includes(d)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                const next = DAYS.filter((x) => (x === d ? on : days.includes(x)));
                setWH({ days: next });
              }}
            />
            <span>{t(`day_${d}` as MessageKey)}</span>
          </label>
        ))}
      </fieldset>
      <div class="row">
        <label>
          {t('start')}{' '}
          <input type="time" value={start} disabled={locked} onChange={(e) => setWH({ start: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          {t('end')}{' '}
          <input type="time" value={end} disabled={locked} onChange={(e) => setWH({ end: (e.currentTarget as HTMLInputElement).value })} />
        </label>
      </div>
    </Section>
  );
}

function YouCard({ t, effective, status, user, save }: EditProps) {
  const langLocked = !!status?.locks.settings.includes('language');
  const lang = typeof effective.language === 'string' ? effective.language : 'auto';
  const [disclaimer, setDisclaimer] = useState(user.disclaimer ?? '');
  useEffect(() => setDisclaimer(user.disclaimer ?? ''), [user.disclaimer]);
  return (
    <Section id="you" title={t('sectionYou')}>
      <div class="form-grid">
        <label for="language">{t('language')}</label>
        <div class="row">
          <select
            id="language"
            value={lang}
            disabled={langLocked}
            onChange={(e) => void save({ ...user, language: (e.currentTarget as HTMLSelectElement).value as UserSettings['language'] })}
          >
            <option value="auto">{t('languageAuto')}</option>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
          <OriginBadge t={t} origin={status?.origins.language} locked={langLocked} />
        </div>
        <label for="disclaimer">{t('disclaimer')}</label>
        <div>
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              void save({ ...user, disclaimer: disclaimer.trim() || undefined });
            }}
          >
            <input
              type="text"
              id="disclaimer"
              maxLength={200}
              value={disclaimer}
              placeholder={t('disclaimerPlaceholder')}
              onInput={(e) => setDisclaimer((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="btn">
              {t('save')}
            </button>
          </form>
          <p class="muted small">{t('disclaimerHelp')}</p>
        </div>
      </div>
    </Section>
  );
}

type Engine = typeof import('../../rules/index');

function TryCard({ t, effective }: { t: T; effective: Json }) {
  const [text, setText] = useState('');
  const [engine, setEngine] = useState<Engine | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!text || engine) return;
    import('../../rules/index').then(setEngine, (e) => setError(String(e)));
  }, [text, engine]);
  const policyKey = JSON.stringify(effective);
  const compiled = useMemo(() => {
    if (!engine) return null;
    try {
      return engine.compilePolicy(effective);
    } catch {
      return engine.compilePolicy(undefined);
    }
  }, [engine, policyKey]);
  const findings: Finding[] = useMemo(() => {
    if (!engine || !compiled || !text) return [];
    try {
      return engine.check(text, { compiled, at: new Date(), lang: t.lang }).findings;
    } catch (e) {
      return [];
    }
  }, [engine, compiled, text, t.lang]);

  return (
    <Section id="try" title={t('sectionTry')}>
      <p class="muted small">{t('tryHelp')}</p>
      <textarea
        id="try-text"
        rows={4}
        value={text}
        placeholder={t('tryPlaceholder')}
        aria-label={t('sectionTry')}
        aria-describedby="try-result"
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div id="try-result" aria-live="polite" data-testid="try-result">
        {!text ? null : !engine ? (
          <p class="muted">{error ?? t('tryLoading')}</p>
        ) : findings.length === 0 ? (
          <p class="ok">{t('tryNone')}</p>
        ) : (
          <>
            <p class="preview" data-testid="try-preview">
              <Highlighted text={text} findings={findings} />
            </p>
            <p>
              <strong>{t('tryCount', { n: findings.length })}</strong>
            </p>
            <ul class="findings">
              {findings.map((f, i) => (
                <li key={i} class={`finding sev-${f.severity}`} data-category={f.category}>
                  <span class={`badge sev sev-${f.severity}`}>{severityName(t, f.severity)}</span>{' '}
                  <strong>{categoryName(t, f.category)}</strong> — “{text.slice(f.start, f.end)}”
                  <br />
                  <span class="muted">{f.message}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Section>
  );
}

/** The text with the findings' spans in <mark>; overlapping spans are merged. Text only, never HTML. */
export function Highlighted({ text, findings }: { text: string; findings: Finding[] }) {
  const spans = findings
    .map((f) => ({ start: Math.max(0, f.start), end: Math.min(text.length, f.end), sev: f.severity }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; sev: Severity }[] = [];
  const rank = { info: 0, warn: 1, block: 2 } as const;
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (rank[s.sev] > rank[last.sev]) last.sev = s.sev;
    } else merged.push({ ...s });
  }
  const parts: preact.ComponentChildren[] = [];
  let pos = 0;
  merged.forEach((s, i) => {
    if (s.start > pos) parts.push(text.slice(pos, s.start));
    parts.push(
      <mark key={i} class={`sev-${s.sev}`}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    pos = s.end;
  });
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}

function ExportCard({ t, effective }: { t: T; effective: Json }) {
  const json = JSON.stringify(effective, null, 2);
  const [copied, setCopied] = useState(false);
  const download = () => {
    const url = URL.createObjectURL(new Blob([json + '\n'], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'postcheck-effective-policy.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Section id="export" title={t('sectionExport')}>
      <p class="muted small">{t('exportHelp')}</p>
      <div class="row">
        <button type="button" class="btn btn-primary" onClick={download}>
          {t('exportButton')}
        </button>
        <button
          type="button"
          class="btn"
          onClick={() =>
            navigator.clipboard?.writeText(json).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            })
          }
        >
          {copied ? t('copied') : t('copyButton')}
        </button>
      </div>
      <details>
        <summary>JSON</summary>
        <pre class="json" data-testid="effective-json">
          {json}
        </pre>
      </details>
    </Section>
  );
}
