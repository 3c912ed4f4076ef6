// Browser benchmark (not a test): the three fixture sites in Debian's Chromium,
// WITHOUT and WITH the built extension (.output/chrome-mv3) in the same run,
// several runs; medians and p95 over runs, and the with/without ratio taken
// within each run (then its median). Prints a table and writes
// bench/results/browser.json.
//
//   npm run bench:browser                (node bench/browser.mjs)
//   RUNS=5 POSTS=8 CHARS=3000 npm run bench:browser
//   SITES=x,linkedin npm run bench:browser
//   EXT=/path/to/other/chrome-mv3 npm run bench:browser     (a baseline build, not rebuilt)
// (defaults: RUNS=3 POSTS=5, about 5 minutes per run on 2 CPUs)
//
// What is measured (issue 5):
//   load     bytes of the content script injected at document_start, and the main-thread
//            time (CDP Performance.getMetrics) plus the time in Postcheck's own scripts
//            (trace events whose URL is chrome-extension://…) from navigation until
//            just before the first composer focus (page load, then scrolling/mouse moves)
//   ready    first composer focus → engine module loaded → policy compiled (a warm-up check
//            follows in the next task: measured apart)
//            (User Timing marks postcheck:engine-* set by entrypoints/content/engine.ts)
//   typing   a CHARS-character post typed key by key (with a pause of PAUSE_MS every 500
//            characters, so the typing indicator checks as it does for a person): main-thread
//            CPU time (CDP ThreadTime; TaskDuration is wall time and swings with other load on
//            the machine) with vs without; Postcheck's own time from the sampling profiler
//            (samples with a chrome-extension:// frame on the stack), its longest
//            uninterrupted stretch, and long tasks (> 50 ms, trace 'toplevel' RunTask)
//   post     mouseup on Post → panel in the DOM / next frame (flagged post) or the
//            site's own handler recording the post (clean post, with vs without)
//   memory   JS heap of the X page (after GC) once the engine is in and after 100 checks
//            (100 clean posts), with minus without = Postcheck's share (one isolate)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 3);
const POSTS = Number(process.env.POSTS ?? 5);
const CHARS = Number(process.env.CHARS ?? 3000);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 600);
const CHECKS = Number(process.env.CHECKS ?? 100);
const SITES = (process.env.SITES ?? 'x,facebook,linkedin').split(',');
// EXT=dir measures another build (e.g. a baseline for a before/after); it is then not rebuilt.
const EXT_DIR = process.env.EXT ? process.env.EXT : join(root, '.output/chrome-mv3');
const OUT = join(root, 'bench/results');
mkdirSync(OUT, { recursive: true });

// ---------- the harness (TypeScript) and the engine, bundled like bench/engine.mjs does ----------
const fixtureModules = {
  name: 'fixtures-external',
  setup(b) {
    // The fixtures locate their files from import.meta.url: keep them as they are.
    b.onResolve({ filter: /fixtures\/(build|server)\.mjs$/ }, (args) => ({
      path: new URL(args.path, `file://${args.resolveDir}/`).href,
      external: true,
    }));
  },
};
await build({
  entryPoints: [join(root, 'tests/e2e/harness.ts')], outfile: join(OUT, 'harness.mjs'),
  bundle: true, platform: 'node', format: 'esm', packages: 'external', plugins: [fixtureModules], logLevel: 'warning',
});
await build({
  entryPoints: [join(root, 'rules/index.ts')], outfile: join(OUT, 'engine.mjs'),
  bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
});
const harness = await import(join(OUT, 'harness.mjs'));
const { startFixtureServer } = await import(join(root, 'tests/fixtures/server.mjs'));
const engine = await import(join(OUT, 'engine.mjs'));
const { SEL } = harness;

// ---------- the extension: build when stale, then a private copy for this run ----------
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((e) => newest(join(path, e))));
}
const builtAt = existsSync(join(EXT_DIR, 'manifest.json')) ? statSync(join(EXT_DIR, 'manifest.json')).mtimeMs : 0;
if (!process.env.EXT && (process.env.BUILD === '1' || ['entrypoints', 'components', 'rules', 'lib', 'wxt.config.ts'].some((s) => newest(join(root, s)) > builtAt))) {
  console.log('building the extension (npx wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
// Another build may replace .output while we run: measure a snapshot (the id comes from the manifest key).
const extCopy = mkdtempSync(join(tmpdir(), 'postcheck-bench-ext-'));
cpSync(EXT_DIR, extCopy, { recursive: true });
const manifest = JSON.parse(readFileSync(join(extCopy, 'manifest.json'), 'utf8'));
const injected = manifest.content_scripts.flatMap((c) => c.js.map((f) => ({ file: f, runAt: c.run_at ?? 'document_idle' })));
const injectedBytes = injected.map(({ file, runAt }) => {
  const buf = readFileSync(join(extCopy, file));
  return { file, runAt, bytes: buf.length, gzip: gzipSync(buf).length };
});
const lazyBuf = readFileSync(join(extCopy, 'postcheck-engine.js'));
const lazyBytes = { file: 'postcheck-engine.js', bytes: lazyBuf.length, gzip: gzipSync(lazyBuf).length };

// ---------- texts: realistic posts from the corpus; "clean" has no held finding ----------
const corpus = readFileSync(join(root, 'tests/corpus/general.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const compiled = engine.compilePolicy(undefined);
const held = (t) => engine.check(t, { compiled, at: new Date() }).findings.filter((f) => f.severity !== 'info');
function cleanText(length) {
  let s = '';
  for (const c of corpus) {
    if (c.labels.length) continue;
    const next = (s ? `${s} ` : '') + c.text.replace(/\s+/g, ' ');
    if (held(next).length === 0) s = next;
    if (s.length >= length) break;
  }
  while (s.length < length) s = `${s} ${s}`; // (the corpus is large enough; never reached in practice)
  s = s.slice(0, length).trimEnd();
  if (held(s).length) throw new Error('could not build a clean text');
  return s;
}
const CLEAN = cleanText(CHARS);
const FLAG_TAIL = ' Eerlijk gezegd: mijn baas is een eikel.';
const FLAGGED = CLEAN.slice(0, CHARS - FLAG_TAIL.length) + FLAG_TAIL;
if (!held(FLAGGED).length) throw new Error('flagged text has no finding');

// ---------- statistics ----------
const sorted = (xs) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const quant = (xs, p) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
};
const med = (xs) => quant(xs, 0.5);
const p95 = (xs) => quant(xs, 0.95);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------- CDP helpers ----------
async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  const get = (n) => m.find((x) => x.name === n)?.value ?? 0;
  // TaskDuration is wall time of the main thread's tasks (inflated when other processes
  // compete for the CPU); ThreadTime is the main thread's CPU time (robust to that).
  return { task: get('TaskDuration') * 1000, cpu: get('ThreadTime') * 1000, script: get('ScriptDuration') * 1000, heap: get('JSHeapUsedSize') };
}

// Load: script evaluation and compilation too; typing: only tasks and function calls (less tracing overhead).
const LOAD_CATEGORIES = ['devtools.timeline', 'v8', 'toplevel'].join(',');
// Typing: only tasks (for long tasks), the same events with and without the extension;
// Postcheck's share comes from the sampling profiler (its cost does not depend on how
// many listener calls there are, so it does not favour either side).
const TYPING_CATEGORIES = ['toplevel'].join(',');

async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile;
}

/** Per sample: whether a chrome-extension:// frame is on its stack; its time and timestamp. */
function oursSamples(profile) {
  const parent = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const isOurs = (id) => {
    if (memo.has(id)) return memo.get(id);
    const n = byId.get(id);
    const v = !!n && (n.callFrame.url.startsWith('chrome-extension://') || (parent.has(id) && isOurs(parent.get(id))));
    memo.set(id, v);
    return v;
  };
  const out = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    ts += dt;
    const next = profile.timeDeltas[i + 1] ?? 0;
    if (isOurs(id)) out.push({ ts, ms: next / 1000 });
  });
  return out;
}

async function startTrace(cdp, categories) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** URL an event is about (script evaluation, compile, function call), when it says. */
function urlOf(e) {
  const a = e.args ?? {};
  return a.data?.url ?? a.data?.scriptName ?? a.fileName ?? a.url ?? a.data?.fileName ?? '';
}

/**
 * From a trace: Postcheck's own time on the renderer main thread (union of the intervals
 * of script events with a chrome-extension:// URL), and the long tasks (> 50 ms) with
 * the share of Postcheck's time inside each.
 */
function analyseTrace(events, fromTs = 0) {
  const mainTids = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e) => mainTids.has(`${e.pid}:${e.tid}`) && e.ts >= fromTs;
  // Complete events ('X'); B/E pairs are rare for these categories and turned into X here.
  const complete = [];
  const open = new Map();
  for (const e of events) {
    if (!onMain(e)) continue;
    if (e.ph === 'X') complete.push(e);
    else if (e.ph === 'B') open.set(`${e.tid}:${e.name}`, e);
    else if (e.ph === 'E') {
      const b = open.get(`${e.tid}:${e.name}`);
      if (b) complete.push({ ...b, ph: 'X', dur: e.ts - b.ts, args: { ...b.args, ...e.args } });
    }
  }
  const ours = complete
    .filter((e) => e.name !== 'RunTask' && urlOf(e).startsWith('chrome-extension://'))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, t] of ours) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], t);
    else merged.push([s, t]);
  }
  const oursMs = merged.reduce((sum, [s, t]) => sum + (t - s), 0) / 1000;
  if (process.env.DEBUG_TRACE) {
    const by = new Map();
    for (const e of complete.filter((e) => e.name !== 'RunTask' && urlOf(e).startsWith('chrome-extension://'))) {
      const k = `${e.name} ${e.args?.data?.functionName ?? ''} ${urlOf(e).split('/').pop()}:${e.args?.data?.lineNumber ?? ''}`;
      const v = by.get(k) ?? { n: 0, ms: 0 };
      v.n++; v.ms += (e.dur ?? 0) / 1000;
      by.set(k, v);
    }
    console.log([...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15));
  }
  const tasks = complete.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
  const long = tasks.map((t) => {
    const end = t.ts + t.dur;
    const inside = merged.reduce((sum, [s, u]) => sum + Math.max(0, Math.min(u, end) - Math.max(s, t.ts)), 0) / 1000;
    return { ms: t.dur / 1000, postcheckMs: inside };
  });
  const maxOursTask = Math.max(0, ...complete.filter((e) => e.name === 'RunTask').map((t) => {
    const end = t.ts + t.dur;
    return merged.reduce((sum, [s, u]) => sum + Math.max(0, Math.min(u, end) - Math.max(s, t.ts)), 0) / 1000;
  }));
  return { oursMs, longTasks: long.length, longTasksByPostcheck: long.filter((l) => l.postcheckMs > 50 || l.postcheckMs > l.ms / 2).length, maxPostcheckInTask: maxOursTask, long };
}

// ---------- sites ----------
const site = {
  x: {
    open: (page) => harness.openX(page),
    async composer(page) {
      return page.locator(SEL.x.inlineEditor).first();
    },
    async submit(page) {
      return page.locator(SEL.x.inlineButton).first();
    },
    insert: 'paste',
  },
  facebook: {
    open: (page) => harness.openFacebook(page),
    async composer(page) {
      if (!(await page.locator(SEL.facebook.editor).count())) await page.locator(SEL.facebook.trigger).first().click();
      const ed = page.locator(SEL.facebook.editor).first();
      await ed.waitFor();
      return ed;
    },
    async submit(page) {
      return page.locator(SEL.facebook.postButton()).first();
    },
    insert: 'paste',
  },
  linkedin: {
    open: (page) => harness.openLinkedIn(page),
    async composer(page) {
      if (!(await page.locator(SEL.linkedin.editor).count())) await page.locator(SEL.linkedin.trigger).first().click();
      const ed = page.locator(SEL.linkedin.editor).first();
      await ed.waitFor();
      return ed;
    },
    async submit(page) {
      return page.locator(SEL.linkedin.postButton).first();
    },
    insert: 'execCommand',
  },
};

/** In the page (main world), from navigation on: first focus, and timestamps for the next post outcome. */
function probeScript() {
  const b = (window.__bench = { up: 0, posted: 0, panel: 0, frame: 0, focus: 0 });
  window.addEventListener('mouseup', (e) => { b.up = e.timeStamp; }, true);
  window.addEventListener('focusin', (e) => {
    const t = e.composedPath()[0];
    if (!b.focus && t instanceof Element && t.isContentEditable) b.focus = e.timeStamp;
  }, true);
  const seen = new WeakSet();
  const onMutation = () => {
    for (const host of document.querySelectorAll('postcheck-panel')) {
      if (host.shadowRoot && !seen.has(host.shadowRoot)) {
        seen.add(host.shadowRoot);
        mo.observe(host.shadowRoot, { childList: true, subtree: true });
      }
    }
    if (!b.panel && [...document.querySelectorAll('postcheck-panel')].some((h) => h.shadowRoot?.querySelector('[role="alertdialog"]'))) {
      b.panel = performance.now();
      requestAnimationFrame(() => { b.frame = performance.now(); });
    }
  };
  const mo = new MutationObserver(onMutation);
  mo.observe(document, { childList: true, subtree: true });
}

/** Wraps the fixture's __posts.push: when the site's own handler recorded a post. */
function hookPosts(page) {
  return page.evaluate(() => {
    const w = window;
    if (w.__posts.__hooked) return;
    const push = w.__posts.push;
    w.__posts.push = function (...args) {
      w.__bench.posted = performance.now();
      return push.apply(this, args);
    };
    w.__posts.__hooked = true;
  });
}

async function waitEngine(page, timeout = 15_000) {
  await page.waitForFunction(() => performance.getEntriesByName('postcheck:engine-ready').length > 0, null, { timeout });
}

async function fill(page, s, editor, text) {
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await harness.insertAtEnd(editor, text, s.insert);
}

/** One site, one browser: load, readiness, typing, posting. */
async function measureSite(context, name, withExt) {
  const s = site[name];
  const out = { site: name, withExt };
  // --- load (and idle) until just before a composer is opened or focused ---
  const page = await context.newPage();
  // Tall enough that a 3,000-character draft leaves the Post buttons on screen (the
  // Facebook fixture's dialog, 22 px text, is centred in a fixed layer and does not scroll).
  await page.setViewportSize({ width: 1280, height: name === 'facebook' ? 3400 : 2000 });
  await page.addInitScript(probeScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const m0 = await metrics(cdp);
  let stop = await startTrace(cdp, LOAD_CATEGORIES);
  await s.open(page);
  await sleep(500);
  await page.mouse.move(400, 300);
  for (let i = 0; i < 5; i++) { await page.mouse.wheel(0, 200); await sleep(50); }
  await page.mouse.wheel(0, -1000);
  await sleep(300);
  let trace = analyseTrace(await stop());
  const m1 = await metrics(cdp);
  out.load = { taskMs: m1.task - m0.task, cpuMs: m1.cpu - m0.cpu, scriptMs: m1.script - m0.script, postcheckMs: trace.oursMs };
  out.load.engineLoadedBeforeFocus = await page.evaluate(() => performance.getEntriesByName('postcheck:engine-start').length > 0);
  await hookPosts(page);

  // --- readiness: first composer focus (FB/LI: the dialog focuses its editor when opened) → engine ready ---
  const editor = await s.composer(page);
  await editor.click();
  if (withExt) {
    await waitEngine(page);
    await page.waitForFunction(() => performance.getEntriesByName('postcheck:engine-warm').length > 0, null, { timeout: 15_000 });
    out.ready = await page.evaluate(() => {
      const m = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      const focus = window.__bench.focus || NaN;
      return {
        totalMs: m('postcheck:engine-ready') - focus,
        importMs: m('postcheck:engine-loaded') - m('postcheck:engine-start'),
        compileMs: m('postcheck:engine-ready') - m('postcheck:engine-loaded'),
        warmMs: m('postcheck:engine-warm') - m('postcheck:engine-ready'),
        focusToStartMs: m('postcheck:engine-start') - focus,
      };
    });
  }
  await sleep(300);

  // --- typing CHARS characters, key by key ---
  const t0 = await metrics(cdp);
  stop = await startTrace(cdp, TYPING_CATEGORIES);
  const stopProfile = await startProfile(cdp);
  await page.keyboard.press('Control+End');
  for (let i = 0; i < CLEAN.length; i += 500) {
    await page.keyboard.type(FLAGGED.slice(i, i + 500));
    await sleep(PAUSE_MS); // a pause: the indicator checks (debounce) as it would for a person
  }
  const profile = await stopProfile();
  const traceEvents = await stop();
  const t1 = await metrics(cdp);
  trace = analyseTrace(traceEvents);
  const ours = oursSamples(profile);
  trace.oursMs = ours.reduce((sum, x) => sum + x.ms, 0);
  // Garbage collection on the page's isolate (shared by the page and the content script).
  const gcIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(garbage collector)').map((n) => n.id));
  trace.gcMs = profile.samples.reduce((sum, id, i) => sum + (gcIds.has(id) ? (profile.timeDeltas[i + 1] ?? 0) / 1000 : 0), 0);
  // Longest uninterrupted stretch of Postcheck samples (one call of ours, e.g. a check):
  // a long task caused by Postcheck would show as a stretch > 50 ms.
  const bursts = [];
  for (const x of ours) {
    const last = bursts[bursts.length - 1];
    if (last && x.ts - last.end < 1000) { last.end = x.ts; last.ms += x.ms; } else bursts.push({ end: x.ts, ms: x.ms });
  }
  trace.maxPostcheckInTask = Math.max(0, ...bursts.map((b) => b.ms));
  trace.longTasksByPostcheck = bursts.filter((b) => b.ms > 50).length;
  out.typing = {
    taskMs: t1.task - t0.task, cpuMs: t1.cpu - t0.cpu, scriptMs: t1.script - t0.script, postcheckMs: trace.oursMs, gcMs: trace.gcMs,
    longTasks: trace.longTasks, longTasksByPostcheck: trace.longTasksByPostcheck, maxPostcheckInTaskMs: trace.maxPostcheckInTask,
    typedChars: await editor.evaluate((el) => el.innerText.trim().length),
    dot: withExt ? await page.locator('postcheck-indicator .dot:not([hidden])').count() : 0,
  };

  // --- posting: flagged (panel) and clean (let through) ---
  out.post = { panelDom: [], panelFrame: [], clean: [] };
  const posts = () => page.evaluate(() => window.__posts.length);
  for (let i = 0; i < POSTS; i++) {
    for (const kind of withExt ? ['flagged', 'clean'] : ['clean']) {
      const ed = await s.composer(page);
      if (!(i === 0 && kind === 'flagged')) await fill(page, s, ed, kind === 'flagged' ? FLAGGED : CLEAN);
      await sleep(PAUSE_MS); // the user stops typing; the indicator's check runs before the click
      await page.evaluate(() => Object.assign(window.__bench, { up: 0, posted: 0, panel: 0, frame: 0 }));
      const before = await posts();
      await (await s.submit(page)).click();
      if (kind === 'flagged') {
        await page.waitForFunction(() => window.__bench.frame > 0, null, { timeout: 5000 });
        const b = await page.evaluate(() => window.__bench);
        out.post.panelDom.push(b.panel - b.up);
        out.post.panelFrame.push(b.frame - b.up);
        if ((await posts()) !== before) throw new Error(`${name}: a flagged post went through`);
        await page.keyboard.press('Escape'); // "Edit": panel closes, the draft stays
        await page.waitForFunction(() => !document.querySelector('postcheck-panel'), null, { timeout: 5000 });
      } else {
        await page.waitForFunction((n) => window.__posts.length > n, before, { timeout: 5000 });
        const b = await page.evaluate(() => window.__bench);
        out.post.clean.push(b.posted - b.up);
      }
    }
  }
  await page.close();
  return out;
}

function sel(name) {
  return { x: SEL.x.inlineEditor, facebook: SEL.facebook.editor, linkedin: SEL.linkedin.editor }[name];
}

/** Heap of the X page after GC: once the engine is in (or the composer focused), and after CHECKS posts. */
async function measureMemory(context, withExt) {
  const page = await context.newPage();
  await page.addInitScript(probeScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await harness.openX(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const beforeFocus = await heap();
  const ed = page.locator(SEL.x.inlineEditor).first();
  await ed.click();
  if (withExt) await waitEngine(page);
  await sleep(200);
  const ready = await heap();
  for (let i = 0; i < CHECKS; i++) {
    await harness.insertAtEnd(ed, CLEAN.slice(0, 280 + (i % 7) * 300), 'paste');
    const before = await page.evaluate(() => window.__posts.length);
    await page.locator(SEL.x.inlineButton).click();
    await page.waitForFunction((n) => window.__posts.length > n, before, { timeout: 5000 });
  }
  await sleep(200);
  const after = await heap();
  await page.close();
  return { beforeFocus, ready, after };
}

// ---------- the run ----------
const runs = [];
const started = Date.now();
console.log(`Postcheck browser benchmark — ${execFileSync(harness.CHROMIUM, ['--version']).toString().trim()}, ${cpus().length} CPUs, ` +
  `${RUNS} runs, sites ${SITES.join(', ')}, ${CHARS}-character posts, ${POSTS} posts per kind per run`);
for (let r = 0; r < RUNS; r++) {
  await harness.ensureFixturesBuilt();
  const server = await startFixtureServer();
  const run = { without: {}, with: {} };
  // Both browsers stay open; each site is measured without and with back to back (the
  // order alternating by run), so load from other processes hits both sides alike.
  const browsers = {};
  for (const withExt of [false, true]) {
    const launched = await harness.launchBrowser({ extensionPath: withExt ? extCopy : undefined, server });
    browsers[withExt ? 'with' : 'without'] = launched;
    if (withExt) {
      // Let the background publish the effective policy before measuring (no recompile mid-run).
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const p = await launched.serviceWorker.evaluate(() => chrome.storage.local.get('effectivePolicy'));
        if (p.effectivePolicy) break;
        await sleep(200);
      }
    }
  }
  const order = r % 2 ? ['with', 'without'] : ['without', 'with'];
  try {
    for (const name of SITES) {
      for (const key of order) run[key][name] = await measureSite(browsers[key].context, name, key === 'with');
      process.stdout.write('.');
    }
    for (const key of order) run[key].memory = await measureMemory(browsers[key].context, key === 'with');
    process.stdout.write('m');
  } finally {
    for (const b of Object.values(browsers)) await b.close();
  }
  await server.close();
  runs.push(run);
  process.stdout.write(` run ${r + 1}/${RUNS} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
rmSync(extCopy, { recursive: true, force: true });

// ---------- summary ----------
const KB = (b) => `${(b / 1024).toFixed(1)} KB`;
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const pct = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%` : '—');
const summary = { date: new Date().toISOString(), chromium: execFileSync(harness.CHROMIUM, ['--version']).toString().trim(), cpus: cpus().length, runs: RUNS, posts: POSTS, chars: CHARS, injected: injectedBytes, lazy: lazyBytes, sites: {}, memory: {} };
const rows = [];
const row = (...cells) => rows.push(cells);
for (const name of SITES) {
  const w = runs.map((r) => r.with[name]);
  const wo = runs.map((r) => r.without[name]);
  const ratio = (get) => runs.map((r) => get(r.with[name]) / get(r.without[name]) - 1);
  const s = {
    load: {
      taskMs: { without: med(wo.map((x) => x.load.taskMs)), with: med(w.map((x) => x.load.taskMs)), extra: med(ratio((x) => x.load.taskMs)) },
      cpuMs: { without: med(wo.map((x) => x.load.cpuMs)), with: med(w.map((x) => x.load.cpuMs)), extra: med(ratio((x) => x.load.cpuMs)) },
      postcheckScriptMs: { median: med(w.map((x) => x.load.postcheckMs)), p95: p95(w.map((x) => x.load.postcheckMs)) },
      engineLoadedBeforeFocus: w.some((x) => x.load.engineLoadedBeforeFocus),
    },
    ready: Object.fromEntries(['totalMs', 'importMs', 'compileMs', 'warmMs', 'focusToStartMs'].map((k) => [k, { median: med(w.map((x) => x.ready[k])), p95: p95(w.map((x) => x.ready[k])) }])),
    typing: {
      taskMs: { without: med(wo.map((x) => x.typing.taskMs)), with: med(w.map((x) => x.typing.taskMs)), extra: med(ratio((x) => x.typing.taskMs)), extraP95: p95(ratio((x) => x.typing.taskMs)) },
      cpuMs: { without: med(wo.map((x) => x.typing.cpuMs)), with: med(w.map((x) => x.typing.cpuMs)), extra: med(ratio((x) => x.typing.cpuMs)), extraP95: p95(ratio((x) => x.typing.cpuMs)) },
      scriptMs: { without: med(wo.map((x) => x.typing.scriptMs)), with: med(w.map((x) => x.typing.scriptMs)), extra: med(ratio((x) => x.typing.scriptMs)) },
      postcheckMs: { median: med(w.map((x) => x.typing.postcheckMs)), p95: p95(w.map((x) => x.typing.postcheckMs)) },
      gcMs: { without: med(wo.map((x) => x.typing.gcMs)), with: med(w.map((x) => x.typing.gcMs)) },
      postcheckShareOfCpu: med(w.map((x) => x.typing.postcheckMs / x.typing.cpuMs)),
      longTasks: { without: wo.reduce((n, x) => n + x.typing.longTasks, 0), with: w.reduce((n, x) => n + x.typing.longTasks, 0), byPostcheck: w.reduce((n, x) => n + x.typing.longTasksByPostcheck, 0) },
      maxPostcheckInOneTaskMs: Math.max(...w.map((x) => x.typing.maxPostcheckInTaskMs)),
      typedChars: med(w.map((x) => x.typing.typedChars)),
      dotShown: w.every((x) => x.typing.dot > 0),
    },
    post: {
      panelDom: { median: med(w.flatMap((x) => x.post.panelDom)), p95: p95(w.flatMap((x) => x.post.panelDom)), n: w.flatMap((x) => x.post.panelDom).length },
      panelFrame: { median: med(w.flatMap((x) => x.post.panelFrame)), p95: p95(w.flatMap((x) => x.post.panelFrame)) },
      cleanWith: { median: med(w.flatMap((x) => x.post.clean)), p95: p95(w.flatMap((x) => x.post.clean)), n: w.flatMap((x) => x.post.clean).length },
      cleanWithout: { median: med(wo.flatMap((x) => x.post.clean)), p95: p95(wo.flatMap((x) => x.post.clean)) },
    },
  };
  summary.sites[name] = s;
}
const mw = runs.map((r) => r.with.memory);
const mwo = runs.map((r) => r.without.memory);
summary.memory = {
  extraAtLoad: med(runs.map((r) => r.with.memory.beforeFocus - r.without.memory.beforeFocus)),
  extraEngineIn: med(runs.map((r) => r.with.memory.ready - r.without.memory.ready)),
  extraAfterChecks: med(runs.map((r) => r.with.memory.after - r.without.memory.after)),
  growthWith: med(mw.map((m) => m.after - m.ready)),
  growthWithout: med(mwo.map((m) => m.after - m.ready)),
  checks: CHECKS,
};
summary.raw = runs;
writeFileSync(join(OUT, 'browser.json'), JSON.stringify(summary, null, 2));

const MB = (b) => `${(b / 1024 / 1024).toFixed(2)} MB`;
console.log(`\nPage load — injected at ${injectedBytes.map((i) => i.runAt).join(', ')}: ${injectedBytes.map((i) => `${i.file} ${KB(i.bytes)} (${KB(i.gzip)} gzip)`).join(', ')} (budget 40 KB); ` +
  `lazily loaded: ${lazyBytes.file} ${KB(lazyBytes.bytes)} (${KB(lazyBytes.gzip)} gzip)`);
const table = [['', ...SITES]];
const add = (label, f) => table.push([label, ...SITES.map((n) => f(summary.sites[n]))]);
add('load: main-thread CPU without → with (ms)', (s) => `${f1(s.load.cpuMs.without)} → ${f1(s.load.cpuMs.with)} (${pct(s.load.cpuMs.extra)})`);
add('load: main-thread tasks (wall) without → with', (s) => `${f1(s.load.taskMs.without)} → ${f1(s.load.taskMs.with)} (${pct(s.load.taskMs.extra)})`);
add('load: Postcheck scripts, median / p95 (ms)', (s) => `${f1(s.load.postcheckScriptMs.median)} / ${f1(s.load.postcheckScriptMs.p95)}`);
add('load: engine loaded before focus?', (s) => (s.load.engineLoadedBeforeFocus ? 'YES' : 'no'));
add('ready: focus → engine ready, med / p95 (ms, ≤ 50)', (s) => `${f1(s.ready.totalMs.median)} / ${f1(s.ready.totalMs.p95)}`);
add('  of which import / compile, med (ms)', (s) => `${f1(s.ready.importMs.median)} / ${f1(s.ready.compileMs.median)}`);
add('  then a warm-up check in the next task, med (ms)', (s) => f1(s.ready.warmMs.median));
add(`typing ${CHARS}: main-thread CPU without → with (ms)`, (s) => `${f1(s.typing.cpuMs.without)} → ${f1(s.typing.cpuMs.with)}`);
add('typing: extra main-thread CPU, med / p95 (≤ +5%)', (s) => `${pct(s.typing.cpuMs.extra)} / ${pct(s.typing.cpuMs.extraP95)}`);
add('typing: main-thread tasks (wall) without → with', (s) => `${f1(s.typing.taskMs.without)} → ${f1(s.typing.taskMs.with)} (${pct(s.typing.taskMs.extra)})`);
add('typing: script without → with (ms)', (s) => `${f1(s.typing.scriptMs.without)} → ${f1(s.typing.scriptMs.with)} (${pct(s.typing.scriptMs.extra)})`);
add('typing: Postcheck scripts, med (ms, share of CPU)', (s) => `${f1(s.typing.postcheckMs.median)} (${pct(s.typing.postcheckShareOfCpu).replace('+', '')})`);
add('typing: garbage collection without → with (ms)', (s) => `${f1(s.typing.gcMs.without)} → ${f1(s.typing.gcMs.with)}`);
add('typing: long tasks without / with / by Postcheck', (s) => `${s.typing.longTasks.without} / ${s.typing.longTasks.with} / ${s.typing.longTasks.byPostcheck}`);
add('typing: longest Postcheck stretch (ms)', (s) => f1(s.typing.maxPostcheckInOneTaskMs));
add('post flagged: mouseup → panel in DOM, med / p95', (s) => `${f1(s.post.panelDom.median)} / ${f1(s.post.panelDom.p95)}`);
add('post flagged: → next frame, med / p95 (≤ 50)', (s) => `${f1(s.post.panelFrame.median)} / ${f1(s.post.panelFrame.p95)}`);
add('post clean: mouseup → site posts, without (med/p95)', (s) => `${f1(s.post.cleanWithout.median)} / ${f1(s.post.cleanWithout.p95)}`);
add('post clean: with (med / p95, ≤ 50)', (s) => `${f1(s.post.cleanWith.median)} / ${f1(s.post.cleanWith.p95)}`);
const widths = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
for (const r of table) console.log(r.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  '));
const m = summary.memory;
console.log(`\nMemory (X page, JS heap after GC; with − without, same run): at load ${MB(m.extraAtLoad)}, engine in ${MB(m.extraEngineIn)}, ` +
  `after ${CHECKS} checks ${MB(m.extraAfterChecks)}; growth over the ${CHECKS} checks: with ${MB(m.growthWith)}, without ${MB(m.growthWithout)}`);
console.log(`\n${RUNS} runs, ${((Date.now() - started) / 1000).toFixed(0)} s; medians over runs (posts: over all samples); written to bench/results/browser.json`);
