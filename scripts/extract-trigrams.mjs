// The trigram models of the four covered languages, taken from franc-min's
// data (MIT, Titus Wormer; built from the Universal Declaration of Human
// Rights) into rules/trigrams.json: the page needs 4 of franc's 82 models,
// not its 170 KB of data and script expressions. rules/language-trigrams.ts
// scores a post against them.
//   node scripts/extract-trigrams.mjs           (write)
//   node scripts/extract-trigrams.mjs --check   (fail when stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { data } from 'franc-min/data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}rules/trigrams.json`;
const version = JSON.parse(readFileSync(`${root}node_modules/franc-min/package.json`, 'utf8')).version;
const models = {
  source: `franc-min ${version} (MIT, https://github.com/wooorm/franc), Latin-script models; trigrams most frequent first`,
  nl: data.Latin.nld, en: data.Latin.eng, fr: data.Latin.fra, de: data.Latin.deu,
};
const json = `${JSON.stringify(models, null, 1)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== json) {
    console.error('rules/trigrams.json is stale: run node scripts/extract-trigrams.mjs');
    process.exit(1);
  }
  console.log('rules/trigrams.json is up to date');
} else {
  writeFileSync(out, json);
  console.log(`wrote ${out}`);
}
