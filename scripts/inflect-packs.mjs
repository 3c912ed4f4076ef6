// English inflections for lexicon entries marked with `~` (`parasite~`,
// `rat~n`, `deport~v`): compromise knows English morphology, so pack authors
// write the base form once and get plurals / conjugations. Run at build time,
// not in the page: compromise is 300+ KB and a full parse costs milliseconds.
//
//   node scripts/inflect-packs.mjs          write rules/packs/inflections.json
//   node scripts/inflect-packs.mjs --check  exit 1 if that file is out of date
import nlp from 'compromise';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packsDir = `${root}rules/packs`;
const out = `${packsDir}/inflections.json`;
const MARK = /([\p{L}'-]+)~([nv]?)/gu;

export function inflect(word, hint) {
  const forms = new Set([word]);
  const doc = nlp(word);
  const tags = new Set(doc.json()[0]?.terms[0]?.tags ?? []);
  const asNoun = hint === 'n' || (!hint && tags.has('Noun'));
  const asVerb = hint === 'v' || (!hint && tags.has('Verb'));
  if (asNoun) {
    const plural = nlp(word).tag('Noun').nouns().toPlural().text();
    if (plural) forms.add(plural.toLowerCase());
  }
  if (asVerb) {
    const c = nlp(word).tag('Verb').verbs().conjugate()[0] ?? {};
    for (const k of ['Infinitive', 'PastTense', 'PresentTense', 'Gerund']) if (c[k] && !/\s/.test(c[k])) forms.add(c[k].toLowerCase());
  }
  return [...forms].sort();
}

export function collect() {
  const table = {};
  for (const f of readdirSync(packsDir).filter((f) => f.endsWith('.json') && f !== 'inflections.json').sort()) {
    const pack = JSON.parse(readFileSync(`${packsDir}/${f}`, 'utf8'));
    for (const langs of Object.values(pack.lexicons ?? {})) {
      for (const entry of langs.en ?? []) {
        for (const m of entry.matchAll(MARK)) {
          const key = `${m[1].toLowerCase()}~${m[2]}`;
          table[key] ??= inflect(m[1].toLowerCase(), m[2]);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = JSON.stringify(collect(), null, 1) + '\n';
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(out, 'utf8'); } catch {}
    if (current !== text) {
      console.error('rules/packs/inflections.json is out of date: run node scripts/inflect-packs.mjs');
      process.exit(1);
    }
    console.log('inflections up to date');
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out} (${Object.keys(JSON.parse(text)).length} entries)`);
  }
}
