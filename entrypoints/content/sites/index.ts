// Picks the adapter for the page's host. The only place host names meet adapters.
import { facebook } from './facebook';
import { genericAdapter } from './generic';
import { linkedin } from './linkedin';
import type { SiteAdapter } from './types';
import { x } from './x';

export function adapterFor(hostname: string): SiteAdapter {
  const host = hostname.toLowerCase();
  const is = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (is('x.com') || is('twitter.com')) return x;
  if (is('facebook.com')) return facebook;
  if (is('linkedin.com')) return linkedin;
  return genericAdapter;
}

export type { Composer, InsertMethod, MediaCount, SiteAdapter } from './types';
