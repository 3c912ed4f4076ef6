// The panel's own words in the four languages Postcheck covers. Finding
// messages come from the engine, in the post's language; these follow the
// browser. Plain strings only: everything is rendered as text, never as HTML.
import type { Category, Lang } from '../rules';

export interface Strings {
  title: string;
  titleBlock: string;
  titleClear: string;
  intro: string;
  introClear: string;
  edit: string;
  postAnyway: string;
  post: string;
  reasonLabel: string;
  reasonHint: string;
  inserting: string;
  insertFailed: string;
  policyLink: string;
  privacy: string;
  blockNote: string;
  close: string;
  /** The photo/video question's entry in the panel. */
  mediaCategory: string;
  mediaWhy: string;
  /** Intro when only the photo/video question holds the post. */
  introMedia: string;
  /** The small reminder that does not hold the post. */
  reminderTitle: string;
  dismiss: string;
  category: Record<Category, string>;
  why: Record<Category, string>;
}

const en: Strings = {
  title: 'Before you post…',
  titleBlock: 'This one should not go out',
  titleClear: 'Looks good now',
  intro: 'A few words in your post might come across differently than you mean them.',
  introClear: 'Nothing left to look at. Post it when you are ready.',
  edit: 'Edit post',
  postAnyway: 'Post anyway',
  post: 'Post',
  reasonLabel: 'Why post it anyway?',
  reasonHint: 'Only for you: this stays on your device.',
  inserting: 'Adding…',
  insertFailed: 'This site did not accept the text. You can type it yourself.',
  policyLink: 'Read the social media policy',
  privacy: 'Checked on your device. Nothing is sent to your employer.',
  blockNote: 'Your organisation does not allow posting this as it is.',
  close: 'Close and edit',
  mediaCategory: 'Photo or video',
  mediaWhy: 'Postcheck does not look at your media. Only you know what is in it.',
  introMedia: 'One question about what you are attaching.',
  reminderTitle: 'Postcheck',
  dismiss: 'Dismiss',
  category: {
    'employer-insult': 'About your work',
    confidential: 'Confidential',
    political: 'Political, during work hours',
    hate: 'Hurtful to a group',
    'on-behalf': 'Speaking for your employer',
  },
  why: {
    'employer-insult': 'Posts are public and they last: colleagues, clients and future employers can read this too.',
    confidential: 'Once posted, it can be copied and shared far beyond your network.',
    political: 'It is work time: your views are yours, maybe save them for after hours.',
    hate: 'Words about a whole group of people hurt real people, and can reflect on you.',
    'on-behalf': 'Readers may take this as your employer’s official word. Say it is your own view.',
  },
};

const nl: Strings = {
  title: 'Voor je het plaatst…',
  titleBlock: 'Dit kan beter niet online',
  titleClear: 'Ziet er goed uit',
  intro: 'Een paar woorden in je bericht kunnen anders overkomen dan je bedoelt.',
  introClear: 'Niets meer na te kijken. Plaats het wanneer je wilt.',
  edit: 'Bericht bewerken',
  postAnyway: 'Toch plaatsen',
  post: 'Plaatsen',
  reasonLabel: 'Waarom toch plaatsen?',
  reasonHint: 'Alleen voor jou: dit blijft op je toestel.',
  inserting: 'Toevoegen…',
  insertFailed: 'Deze site nam de tekst niet aan. Je kunt hem zelf typen.',
  policyLink: 'Lees het socialemediabeleid',
  privacy: 'Nagekeken op je toestel. Er gaat niets naar je werkgever.',
  blockNote: 'Je organisatie staat niet toe dit zo te plaatsen.',
  close: 'Sluiten en bewerken',
  mediaCategory: 'Foto of video',
  mediaWhy: 'Postcheck bekijkt je foto’s en video’s niet. Alleen jij weet wat erop staat.',
  introMedia: 'Eén vraag over wat je meestuurt.',
  reminderTitle: 'Postcheck',
  dismiss: 'Sluiten',
  category: {
    'employer-insult': 'Over je werk',
    confidential: 'Vertrouwelijk',
    political: 'Politiek, tijdens de werkuren',
    hate: 'Kwetsend voor een groep',
    'on-behalf': 'Namens je werkgever',
  },
  why: {
    'employer-insult': 'Berichten zijn openbaar en blijven: collega’s, klanten en toekomstige werkgevers lezen mee.',
    confidential: 'Eens geplaatst kan het gekopieerd en ver buiten je netwerk gedeeld worden.',
    political: 'Het zijn werkuren: je mening is van jou, misschien beter na het werk.',
    hate: 'Woorden over een hele groep mensen raken echte mensen, en zeggen ook iets over jou.',
    'on-behalf': 'Lezers kunnen dit opvatten als het officiële standpunt van je werkgever. Zeg dat het je eigen mening is.',
  },
};

const fr: Strings = {
  title: 'Avant de publier…',
  titleBlock: 'Mieux vaut ne pas publier ceci',
  titleClear: 'C’est bon',
  intro: 'Quelques mots de votre message pourraient être compris autrement que vous ne le pensez.',
  introClear: 'Plus rien à revoir. Publiez quand vous voulez.',
  edit: 'Modifier',
  postAnyway: 'Publier quand même',
  post: 'Publier',
  reasonLabel: 'Pourquoi publier quand même ?',
  reasonHint: 'Pour vous seul : cela reste sur votre appareil.',
  inserting: 'Ajout…',
  insertFailed: 'Ce site n’a pas accepté le texte. Vous pouvez le taper vous-même.',
  policyLink: 'Lire la politique réseaux sociaux',
  privacy: 'Vérifié sur votre appareil. Rien n’est envoyé à votre employeur.',
  blockNote: 'Votre organisation ne permet pas de publier ceci tel quel.',
  close: 'Fermer et modifier',
  mediaCategory: 'Photo ou vidéo',
  mediaWhy: 'Postcheck ne regarde pas vos médias. Vous seul savez ce qu’ils montrent.',
  introMedia: 'Une question sur ce que vous joignez.',
  reminderTitle: 'Postcheck',
  dismiss: 'Fermer',
  category: {
    'employer-insult': 'À propos de votre travail',
    confidential: 'Confidentiel',
    political: 'Politique, pendant les heures de travail',
    hate: 'Blessant pour un groupe',
    'on-behalf': 'Au nom de votre employeur',
  },
  why: {
    'employer-insult': 'Les publications sont publiques et restent : collègues, clients et futurs employeurs peuvent les lire.',
    confidential: 'Une fois publié, cela peut être copié et partagé bien au-delà de votre réseau.',
    political: 'Ce sont les heures de travail : vos opinions sont les vôtres, peut-être après le travail.',
    hate: 'Des mots sur tout un groupe blessent de vraies personnes, et en disent aussi sur vous.',
    'on-behalf': 'On pourrait y lire la position officielle de votre employeur. Précisez que c’est votre avis.',
  },
};

const de: Strings = {
  title: 'Bevor Sie posten…',
  titleBlock: 'Das sollte so nicht raus',
  titleClear: 'Sieht gut aus',
  intro: 'Ein paar Worte in Ihrem Beitrag könnten anders ankommen, als Sie sie meinen.',
  introClear: 'Nichts mehr zu prüfen. Posten Sie, wenn Sie so weit sind.',
  edit: 'Beitrag bearbeiten',
  postAnyway: 'Trotzdem posten',
  post: 'Posten',
  reasonLabel: 'Warum trotzdem posten?',
  reasonHint: 'Nur für Sie: Das bleibt auf Ihrem Gerät.',
  inserting: 'Wird eingefügt…',
  insertFailed: 'Diese Seite hat den Text nicht angenommen. Sie können ihn selbst tippen.',
  policyLink: 'Social-Media-Richtlinie lesen',
  privacy: 'Auf Ihrem Gerät geprüft. Nichts geht an Ihren Arbeitgeber.',
  blockNote: 'Ihre Organisation erlaubt nicht, dies so zu posten.',
  close: 'Schließen und bearbeiten',
  mediaCategory: 'Foto oder Video',
  mediaWhy: 'Postcheck sieht sich Ihre Medien nicht an. Nur Sie wissen, was darauf ist.',
  introMedia: 'Eine Frage zu dem, was Sie anhängen.',
  reminderTitle: 'Postcheck',
  dismiss: 'Schließen',
  category: {
    'employer-insult': 'Über Ihre Arbeit',
    confidential: 'Vertraulich',
    political: 'Politisch, während der Arbeitszeit',
    hate: 'Verletzend für eine Gruppe',
    'on-behalf': 'Im Namen Ihres Arbeitgebers',
  },
  why: {
    'employer-insult': 'Beiträge sind öffentlich und bleiben: Kollegen, Kunden und künftige Arbeitgeber lesen mit.',
    confidential: 'Einmal gepostet, kann es kopiert und weit über Ihr Netzwerk hinaus geteilt werden.',
    political: 'Es ist Arbeitszeit: Ihre Meinung gehört Ihnen, vielleicht lieber nach Feierabend.',
    hate: 'Worte über eine ganze Gruppe treffen echte Menschen und sagen auch etwas über Sie.',
    'on-behalf': 'Man könnte das als offizielle Haltung Ihres Arbeitgebers lesen. Sagen Sie, dass es Ihre Meinung ist.',
  },
};

export const STRINGS: Record<Lang, Strings> = { en, nl, fr, de };

/** nl/en/fr/de from a BCP 47 tag (nl-BE → nl), English otherwise. */
export function uiLanguage(tag: string | undefined): Lang {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return base === 'nl' || base === 'fr' || base === 'de' ? base : 'en';
}
