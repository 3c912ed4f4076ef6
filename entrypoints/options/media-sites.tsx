// Options page: the photo/video question (`media`) and the per-site settings
// (`sites.x|facebook|linkedin`: employerInProfile and category overrides).
// Shown as they are in force; they come from the organisation's policy (or
// the built-in defaults: the question on as a hint, LinkedIn naming the employer).
import { CATEGORIES, SEVERITIES, type Category, type Lang, type Severity } from '../../rules/types';
import { isPlainObject, type Json, type PolicyStatus } from '../../lib/policy-merge';
import { categoryName, severityName, type T } from '../../lib/ui-i18n';
import { OriginBadge, Section } from '../../lib/ui-common';

const SITES = ['x', 'facebook', 'linkedin'] as const;
type Site = (typeof SITES)[number];
const SITE_NAMES: Record<Site, string> = { x: 'X', facebook: 'Facebook', linkedin: 'LinkedIn' };

interface Words {
  title: string;
  mediaTitle: string;
  mediaHelp: string;
  mediaOff: string;
  mediaOn: (severity: string) => string;
  mediaHolds: string;
  mediaReminds: string;
  sitesTitle: string;
  sitesHelp: string;
  colSite: string;
  colEmployer: string;
  colOverrides: string;
  yes: string;
  no: string;
  byDefault: string;
  none: string;
  off: string;
}

const WORDS: Record<Lang, Words> = {
  en: {
    title: 'Photos, videos and sites',
    mediaTitle: 'Photos and videos',
    mediaHelp: 'With a photo or video attached, Postcheck asks: “Would you show this to all your colleagues?” It never looks at the media itself.',
    mediaOff: 'Off: Postcheck does not ask about photos and videos.',
    mediaOn: (s) => `On, as a ${s.toLowerCase()}`,
    mediaHolds: 'The post waits for your answer.',
    mediaReminds: 'A short reminder; the post is not held.',
    sitesTitle: 'Per site',
    sitesHelp: 'Where your profile names your employer, remarks about work, confidential matters and speaking for the employer are checked one step more strictly.',
    colSite: 'Site',
    colEmployer: 'Profile names your employer',
    colOverrides: 'Different strength here',
    yes: 'Yes',
    no: 'No',
    byDefault: '(default)',
    none: '—',
    off: 'off',
  },
  nl: {
    title: 'Foto’s, video’s en sites',
    mediaTitle: 'Foto’s en video’s',
    mediaHelp: 'Met een foto of video erbij vraagt Postcheck: “Zou je dit ook aan al je collega’s laten zien?” De media zelf bekijkt het nooit.',
    mediaOff: 'Uit: Postcheck vraagt niets over foto’s en video’s.',
    mediaOn: (s) => `Aan, als ${s.toLowerCase()}`,
    mediaHolds: 'Het bericht wacht op je antwoord.',
    mediaReminds: 'Een korte herinnering; het bericht wordt niet tegengehouden.',
    sitesTitle: 'Per site',
    sitesHelp: 'Waar je profiel je werkgever noemt, worden opmerkingen over je werk, vertrouwelijke zaken en spreken namens je werkgever een stap strenger nagekeken.',
    colSite: 'Site',
    colEmployer: 'Profiel noemt je werkgever',
    colOverrides: 'Andere sterkte hier',
    yes: 'Ja',
    no: 'Nee',
    byDefault: '(standaard)',
    none: '—',
    off: 'uit',
  },
  fr: {
    title: 'Photos, vidéos et sites',
    mediaTitle: 'Photos et vidéos',
    mediaHelp: 'Avec une photo ou une vidéo jointe, Postcheck demande : « Le montreriez-vous à tous vos collègues ? » Il ne regarde jamais le média lui-même.',
    mediaOff: 'Désactivé : Postcheck ne pose pas de question sur les photos et vidéos.',
    mediaOn: (s) => `Activé, comme ${s.toLowerCase()}`,
    mediaHolds: 'La publication attend votre réponse.',
    mediaReminds: 'Un bref rappel ; la publication n’est pas retenue.',
    sitesTitle: 'Par site',
    sitesHelp: 'Là où votre profil nomme votre employeur, les remarques sur le travail, les informations confidentielles et le fait de parler en son nom sont vérifiés un cran plus strictement.',
    colSite: 'Site',
    colEmployer: 'Le profil nomme votre employeur',
    colOverrides: 'Autre niveau ici',
    yes: 'Oui',
    no: 'Non',
    byDefault: '(par défaut)',
    none: '—',
    off: 'désactivé',
  },
  de: {
    title: 'Fotos, Videos und Websites',
    mediaTitle: 'Fotos und Videos',
    mediaHelp: 'Ist ein Foto oder Video angehängt, fragt Postcheck: „Würden Sie das auch all Ihren Kollegen zeigen?“ Die Medien selbst sieht es sich nie an.',
    mediaOff: 'Aus: Postcheck fragt nicht nach Fotos und Videos.',
    mediaOn: (s) => `An, als ${s}`,
    mediaHolds: 'Der Beitrag wartet auf Ihre Antwort.',
    mediaReminds: 'Eine kurze Erinnerung; der Beitrag wird nicht aufgehalten.',
    sitesTitle: 'Je Website',
    sitesHelp: 'Wo Ihr Profil Ihren Arbeitgeber nennt, werden Bemerkungen über die Arbeit, Vertrauliches und Aussagen im Namen des Arbeitgebers eine Stufe strenger geprüft.',
    colSite: 'Website',
    colEmployer: 'Profil nennt Ihren Arbeitgeber',
    colOverrides: 'Andere Stufe hier',
    yes: 'Ja',
    no: 'Nein',
    byDefault: '(Standard)',
    none: '—',
    off: 'aus',
  },
};

function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

/** The media setting in force: on as a hint unless the policy says otherwise. */
export function readMedia(effective: Json): { enabled: boolean; severity: Severity } {
  const m = isPlainObject(effective.media) ? effective.media : {};
  return { enabled: m.enabled !== false, severity: isSeverity(m.severity) ? m.severity : 'info' };
}

/** One site's settings in force: employerInProfile (LinkedIn by default) and category overrides. */
export function readSite(effective: Json, site: Site): { employerInProfile: boolean; isDefault: boolean; overrides: [Category, string][] } {
  const sites = isPlainObject(effective.sites) ? effective.sites : {};
  const s = isPlainObject(sites[site]) ? sites[site] : {};
  const set = typeof s.employerInProfile === 'boolean';
  const cats = isPlainObject(s.categories) ? s.categories : {};
  const overrides: [Category, string][] = [];
  for (const id of CATEGORIES) {
    const c = cats[id];
    if (!isPlainObject(c)) continue;
    if (c.enabled === false) overrides.push([id, 'off']);
    else if (isSeverity(c.severity)) overrides.push([id, c.severity]);
  }
  return { employerInProfile: set ? (s.employerInProfile as boolean) : site === 'linkedin', isDefault: !set, overrides };
}

export function MediaSitesCard({ t, effective, status }: { t: T; effective: Json; status: PolicyStatus | null }) {
  const w = WORDS[t.lang] ?? WORDS.en;
  const media = readMedia(effective);
  const mediaLocked = !!status?.locks.settings.includes('media');
  const sitesLocked = !!status?.locks.settings.includes('sites');
  return (
    <Section id="media-sites" title={w.title}>
      <h3 class="sub">
        {w.mediaTitle} <OriginBadge t={t} origin={status?.origins.media} locked={mediaLocked} />
      </h3>
      <p class="muted small">{w.mediaHelp}</p>
      <p data-testid="media-setting" data-enabled={String(media.enabled)} data-severity={media.severity}>
        {media.enabled ? (
          <>
            <span class={`badge sev sev-${media.severity}`}>{w.mediaOn(severityName(t, media.severity))}</span>{' '}
            <span class="muted">{media.severity === 'info' ? w.mediaReminds : w.mediaHolds}</span>
          </>
        ) : (
          w.mediaOff
        )}
      </p>
      <h3 class="sub">
        {w.sitesTitle} <OriginBadge t={t} origin={status?.origins.sites} locked={sitesLocked} />
      </h3>
      <p class="muted small">{w.sitesHelp}</p>
      <table class="cats" data-testid="sites-table">
        <thead>
          <tr>
            <th scope="col">{w.colSite}</th>
            <th scope="col">{w.colEmployer}</th>
            <th scope="col">{w.colOverrides}</th>
          </tr>
        </thead>
        <tbody>
          {SITES.map((site) => {
            const s = readSite(effective, site);
            return (
              <tr key={site} data-testid={`site-${site}`} data-employer-in-profile={String(s.employerInProfile)}>
                <th scope="row">{SITE_NAMES[site]}</th>
                <td>
                  {s.employerInProfile ? w.yes : w.no} {s.isDefault ? <span class="muted small">{w.byDefault}</span> : null}
                </td>
                <td>
                  {s.overrides.length
                    ? s.overrides
                        .map(([id, v]) => `${categoryName(t, id)}: ${v === 'off' ? w.off : severityName(t, v as Severity)}`)
                        .join(' · ')
                    : w.none}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
