// The built-in packs as the extension ships them: rules and messages without
// their examples, and the lexicons precompiled (lexicon-snapshot.ts) instead
// of as entry lists. The extension's build (wxt.config.ts, through
// scripts/snapshot-packs.mjs) replaces `rules/packs/index` with a module that
// thaws a snapshot made at build time; Node (CLI, tests) compiles the JSON.
import { adoptPackIndex, packIndex } from './pack-index';
import { freezeIndex, thawIndex, type FrozenIndex } from './lexicon-snapshot';
import type { Pack } from './pack';

export interface PacksSnapshot {
  v: 1;
  /** Packs with only their derived (`seq`) lexicons: the others live in `index`. */
  packs: Pack[];
  index: FrozenIndex;
}

export function freezePacks(packs: Pack[]): PacksSnapshot {
  const index = freezeIndex(packIndex(packs));
  const slim = packs.map((p) => ({
    ...p,
    lexicons: Object.fromEntries(Object.entries(p.lexicons ?? {}).filter(([, l]) => 'seq' in l)),
    rules: p.rules.map(({ examples: _examples, ...r }) => r),
  })) as Pack[];
  return { v: 1, packs: slim, index };
}

export function thawPacks(s: PacksSnapshot): Pack[] {
  if (s.v !== 1) throw new Error(`unknown packs snapshot version ${String(s.v)}`);
  adoptPackIndex(s.packs, thawIndex(s.index));
  return s.packs;
}
