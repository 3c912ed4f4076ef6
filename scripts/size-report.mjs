// Sizes of every built file, and the budgets CI enforces (issue 5): what is
// injected into x.com / facebook.com / linkedin.com at page load must stay
// small; the engine loads lazily and only gets a generous ceiling.
//   node scripts/size-report.mjs [.output/chrome-mv3]
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] ?? '.output/chrome-mv3';
const KB = 1024;
const BUDGETS = [
  { what: 'content script injected at page load', match: /^content-scripts\/.*\.js$/, max: 40 * KB },
  { what: 'lazily loaded engine (precompiled packs, language models, panel)', match: /^postcheck-engine\.js$/, max: 900 * KB },
  { what: 'RE2, loaded only for policies with custom patterns', match: /^postcheck-re2\.js$/, max: 200 * KB },
  { what: 'whole extension', match: /./, max: 3 * 1024 * KB, total: true },
];

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
}
const files = walk(dir).map((f) => ({ file: relative(dir, f), bytes: statSync(f).size })).sort((a, b) => b.bytes - a.bytes);
const fmt = (b) => `${(b / KB).toFixed(1)} KB`;
for (const f of files) console.log(`${fmt(f.bytes).padStart(10)}  ${f.file}`);

let failed = false;
const results = [];
console.log('\nbudgets:');
for (const b of BUDGETS) {
  const hit = files.filter((f) => b.match.test(f.file));
  const size = b.total ? hit.reduce((s, f) => s + f.bytes, 0) : Math.max(0, ...hit.map((f) => f.bytes));
  const ok = hit.length > 0 && size <= b.max;
  if (!ok) failed = true;
  results.push({ what: b.what, bytes: size, max: b.max, ok });
  console.log(`  ${ok ? 'ok  ' : 'OVER'} ${b.what}: ${hit.length ? fmt(size) : 'missing'} (budget ${fmt(b.max)})`);
}
writeFileSync(join(dir, '..', `size-report-${dir.split('/').pop()}.json`), JSON.stringify({ files, budgets: results }, null, 2));
if (failed) {
  console.error('size budget exceeded');
  process.exit(1);
}
