// Benchmark of the engine (not a test): median and p99 time of check() on a
// 280-character and a 3,000-character post with the full built-in packs, the
// time to compile the packs, and the same texts through two peers measured in
// the same run: alex (retext-based insensitive-writing linter) and obscenity
// (English profanity matcher).
//
//   npm run bench            (node --expose-gc bench/engine.mjs)
//   RUNS=500 npm run bench
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { text as alexText } from 'alex';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 300);

mkdirSync(`${root}bench/results`, { recursive: true });
await build({
  stdin: { contents: "export * from './rules/index'; export { freezePacks, thawPacks } from './rules/packs-snapshot';", resolveDir: root, loader: 'ts' },
  outfile: `${root}bench/results/engine.mjs`,
  bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
});
const engine = await import(`${root}bench/results/engine.mjs`);

// Realistic posts from the corpus, joined until the target length (mixed languages, some findings).
const corpus = readFileSync(`${root}tests/corpus/general.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
function postOf(length, offset) {
  let s = '';
  for (let i = offset; s.length < length; i++) s += (s ? ' ' : '') + corpus[i % corpus.length];
  return s.slice(0, length);
}
const texts = { '280 chars': postOf(280, 7), '3,000 chars': postOf(3000, 101) };

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p99: q(0.99) };
}
function time(fn, runs = RUNS) {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm-up
  globalThis.gc?.();
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(out);
}

const policy = JSON.parse(readFileSync(`${root}tests/corpus/policy.json`, 'utf8'));
// Cold: the packs' trie is built (first use in a page). Warm: a new policy on already compiled packs.
const compileStats = time(() => engine.compilePolicy(policy, [...engine.BUILTIN_PACKS]), Math.min(RUNS, 30));
const compileWarm = time(() => engine.compilePolicy(policy), Math.min(RUNS, 50));
// The extension does not compile the packs: it thaws the build-time snapshot
// (rules/packs-snapshot.ts). Checks below run on that, as in the browser; the
// findings are the same as from the JSON (tests/unit/packs-snapshot.test.ts).
const snapshotJson = JSON.stringify(engine.freezePacks(engine.BUILTIN_PACKS));
const thawStats = time(() => engine.compilePolicy(policy, engine.thawPacks(JSON.parse(snapshotJson))), Math.min(RUNS, 50));
const compiled = engine.compilePolicy(policy, engine.thawPacks(JSON.parse(snapshotJson)));
const compiledFromJson = engine.compilePolicy(policy);
const at = new Date('2026-03-04T10:00:00+01:00');
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const ms = (x) => `${x.toFixed(3)} ms`;
console.log(`Postcheck engine benchmark — Node ${process.version}, ${RUNS} runs each, medians and p99`);
console.log(`load the precompiled packs + compile a policy (the extension; JSON.parse included): median ${ms(thawStats.median)}, p99 ${ms(thawStats.p99)} (target ≤ 50 ms)`);
console.log(`compile the packs from their JSON + policy (CLI, tests, the build): median ${ms(compileStats.median)}, p99 ${ms(compileStats.p99)}; a new policy on compiled packs: ${ms(compileWarm.median)}\n`);
// Every contender warmed on every text first: the first one measured must not
// pay for compiling the others' code or for their garbage.
for (const text of Object.values(texts)) {
  for (let i = 0; i < 100; i++) {
    engine.check(text, { compiled, at });
    engine.check(text, { compiled: compiledFromJson, at });
    alexText(text);
    matcher.getAllMatches(text);
  }
}
const rows = [];
for (const [name, text] of Object.entries(texts)) {
  const ours = time(() => engine.check(text, { compiled, at }));
  const alex = time(() => alexText(text), Math.min(RUNS, 100));
  const obs = time(() => matcher.getAllMatches(text));
  rows.push({ name, ours, alex, obs });
  console.log(`${name}: postcheck median ${ms(ours.median)} p99 ${ms(ours.p99)} (target ${name.startsWith('280') ? '≤ 0.3' : '≤ 3'} ms)`);
  console.log(`  alex      median ${ms(alex.median)} p99 ${ms(alex.p99)}  → postcheck is ${(alex.median / ours.median).toFixed(1)}× faster`);
  console.log(`  obscenity median ${ms(obs.median)} p99 ${ms(obs.p99)}  → ratio postcheck/obscenity ${(ours.median / obs.median).toFixed(2)} (obscenity: English profanity only)`);
  const json = time(() => engine.check(text, { compiled: compiledFromJson, at }));
  console.log(`  (packs compiled from JSON, as in the CLI: median ${ms(json.median)})`);
}

// How cost grows with text length (should be near linear) ...
console.log('\ncost by text length (median):');
let prev;
for (const len of [280, 1000, 3000, 10000, 30000, 100000]) {
  const text = postOf(len, 13);
  const t = time(() => engine.check(text, { compiled, at }), len >= 30000 ? 30 : 100);
  console.log(`  ${String(len).padStart(7)} chars: ${ms(t.median)}  (${(t.median / len * 1000).toFixed(2)} µs/char${prev ? `, ×${(t.median / prev).toFixed(1)} for ×${(len / prevLen).toFixed(1)} text` : ''})`);
  prev = t.median; var prevLen = len;
}
// ... and with the number of policy terms (should barely grow).
console.log('\ncost by number of confidential terms in the policy (3,000-char post, median):');
const text3k = texts['3,000 chars'];
for (const n of [10, 1000, 10000]) {
  const terms = Array.from({ length: n }, (_, i) => `Codename ${i.toString(36)} ${(i * 7919 % 10007).toString(36)}`);
  const p = { ...policy, confidential: { terms } };
  const c = time(() => engine.compilePolicy(p), 5); // packs already compiled: the policy's own cost
  const compiledN = engine.compilePolicy(p);
  const t = time(() => engine.check(text3k, { compiled: compiledN, at }), 100);
  console.log(`  ${String(n).padStart(6)} terms: check ${ms(t.median)}, compile ${ms(c.median)}`);
}
