// The packs' lexicons, compiled once per set of packs into one index; each
// policy forks it (engine.ts). The extension adopts a precompiled index
// instead (packs-snapshot.ts), so its pages never compile the packs.
import { LexiconIndex, type EntryLang } from './lexicon';
import type { Pack } from './pack';
import inflections from './packs/inflections.json';

const packIndexCache = new WeakMap<Pack[], LexiconIndex>();

/** Use a precompiled index for these packs. */
export function adoptPackIndex(packs: Pack[], index: LexiconIndex): void {
  packIndexCache.set(packs, index);
}

export function packIndex(packs: Pack[]): LexiconIndex {
  let index = packIndexCache.get(packs);
  if (!index) {
    index = new LexiconIndex(inflections as Record<string, string[]>);
    for (const pack of packs) {
      index.setFuzzy(pack.fuzzy ?? []);
      for (const [name, langs] of Object.entries(pack.lexicons ?? {})) {
        if ('seq' in langs) { index.id(name); continue; } // derived: computed per post from other lexicons
        for (const [lang, list] of Object.entries(langs as Record<string, string[]>)) {
          for (const entry of list ?? []) index.add(name, entry, lang as EntryLang);
        }
      }
    }
    packIndexCache.set(packs, index);
  }
  return index;
}
