// The article's second question: "would you show this photo or video to all
// your colleagues?" Postcheck never looks at the media (no image analysis,
// nothing read from the files); the site adapter only counts the attachment
// previews in the composer, and this turns the count into a calm question.

import { localize } from './engine';
import type { Policy } from './policy';
import type { Lang, Severity } from './types';

export interface MediaCount { images: number; videos: number; gifs: number }

export interface MediaNudge {
  severity: Severity;
  message: string;
  /** "2 photos, 1 video" in the post's language. */
  count: string;
}

type Forms = [one: string, many: string];
const NOUNS: Record<Lang, { images: Forms; videos: Forms; gifs: Forms; and: string }> = {
  nl: { images: ['foto', "foto's"], videos: ['video', "video's"], gifs: ['gif', 'gifs'], and: 'en' },
  en: { images: ['photo', 'photos'], videos: ['video', 'videos'], gifs: ['GIF', 'GIFs'], and: 'and' },
  fr: { images: ['photo', 'photos'], videos: ['vidéo', 'vidéos'], gifs: ['GIF', 'GIF'], and: 'et' },
  de: { images: ['Foto', 'Fotos'], videos: ['Video', 'Videos'], gifs: ['GIF', 'GIFs'], and: 'und' },
};
const QUESTION = {
  one: {
    nl: 'Zou je dit ook aan al je collega’s laten zien?',
    en: 'Would you show this to all your colleagues?',
    fr: 'Le montreriez-vous à tous vos collègues ?',
    de: 'Würden Sie das auch all Ihren Kollegen zeigen?',
  },
};

export function describeMedia(m: MediaCount, lang: Lang): string {
  const n = NOUNS[lang];
  const parts = (['images', 'videos', 'gifs'] as const)
    .filter((k) => m[k] > 0)
    .map((k) => `${m[k]} ${m[k] === 1 ? n[k][0] : n[k][1]}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${n.and} ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** The nudge for a draft with media, or undefined (no media, or switched off by policy). */
export function mediaNudge(m: MediaCount, policy: Policy, lang: Lang): MediaNudge | undefined {
  if (policy.media?.enabled === false) return undefined;
  if (m.images + m.videos + m.gifs <= 0) return undefined;
  const count = describeMedia(m, lang);
  return { severity: policy.media?.severity ?? 'info', count, message: `${localize(QUESTION.one, lang)} (${count})` };
}
