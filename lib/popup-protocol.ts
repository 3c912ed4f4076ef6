// What the popup asks the content script of the active tab, and what it
// expects back. The content script answers with sendResponse (return true).
//
//   browser.tabs.sendMessage(tabId, { type: 'postcheck:tab-status' })
//     -> TabStatus
//
// No answer (no content script on the page, or an old one) means Postcheck
// is not active on that tab.

import type { Finding } from '../rules/types';

export const TAB_STATUS = 'postcheck:tab-status';

export interface TabStatusRequest {
  type: typeof TAB_STATUS;
}

export interface TabStatus {
  /** Which site adapter handles this page. */
  site: 'x' | 'facebook' | 'linkedin' | 'generic';
  /** Human name of the adapter in use, e.g. "X (Draft.js)" or "generic fallback". */
  adapter?: string;
  /** Whether the engine is loaded and checking. */
  active: boolean;
  /** The composer that has (or last had) focus; null when none. */
  draft: { length: number; findings: Finding[] } | null;
}

export const SITE_NAMES: Record<TabStatus['site'], string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  generic: 'this site',
};

/** Guess the site from a URL (when the tab's URL is visible), for the "reload" hint. */
export function siteOfUrl(url: string | undefined): TabStatus['site'] | null {
  if (!url) return null;
  try {
    const h = new URL(url).hostname.replace(/^www\./, '');
    if (h === 'x.com' || h === 'twitter.com' || h.endsWith('.x.com') || h.endsWith('.twitter.com')) return 'x';
    if (h === 'facebook.com' || h.endsWith('.facebook.com')) return 'facebook';
    if (h === 'linkedin.com' || h.endsWith('.linkedin.com')) return 'linkedin';
  } catch {
    /* not a URL */
  }
  return null;
}
