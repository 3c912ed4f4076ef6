// The built-in packs precompiled for the extension (rules/packs-snapshot.ts):
// the extension's build calls packsSnapshotJson() (wxt.config.ts), so the
// snapshot is made from the packs of that very build and is never stale.
// Standalone, it prints sizes:   node scripts/snapshot-packs.mjs
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

let memo;
/** The snapshot as a JSON string (memoised: a build runs Vite several times). */
export function packsSnapshotJson() {
  return (memo ??= make());
}

async function make() {
  // Compile the engine as it is now (TypeScript) into a throwaway Node module.
  const dir = `${root}.output/.snapshot`;
  mkdirSync(dir, { recursive: true });
  const out = `${dir}/freeze.${process.pid}.mjs`;
  await build({
    stdin: {
      contents: "export { BUILTIN_PACKS } from './rules/packs/index'; export { freezePacks } from './rules/packs-snapshot';",
      resolveDir: root, loader: 'ts',
    },
    outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
  });
  try {
    const { BUILTIN_PACKS, freezePacks } = await import(pathToFileURL(out).href);
    return JSON.stringify(freezePacks(BUILTIN_PACKS));
  } finally {
    rmSync(out, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const json = await packsSnapshotJson();
  const s = JSON.parse(json);
  console.log(`packs snapshot: ${(json.length / 1024).toFixed(1)} KB in ${(performance.now() - t0).toFixed(0)} ms; ` +
    `${s.index.entryCount} entries → ${s.index.nodes} nodes, ${s.index.edges} edges, ${s.index.words.split("\n").length} words; arrays ${(s.index.data.length / 1024).toFixed(1)} KB base64, words ${(s.index.words.length / 1024).toFixed(1)} KB`);
}
