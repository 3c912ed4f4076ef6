// Shared types of the engine. Pure data: no DOM, no browser API.

export const CATEGORIES = ['employer-insult', 'confidential', 'political', 'hate', 'on-behalf'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'warn', 'block'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LANGS = ['nl', 'en', 'fr', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in each of the four languages (missing ones fall back to English). */
export type Localized = Partial<Record<Lang, string>>;

export interface Suggestion {
  label: string;
  replacement?: string;
  /** Text to add at the end of the post (e.g. a personal disclaimer). */
  insert?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the ORIGINAL text. */
  start: number;
  end: number;
  message: string;
  suggestion?: Suggestion;
  /** Raised one step because the user's profile on this site names the employer. */
  raised?: boolean;
}

export interface CheckResult {
  language: Lang;
  findings: Finding[];
  /** Set when per-site settings made the check stricter, with the reason to show. */
  stricter?: { site: string; reason: string };
}
