// Bundles the CLI (cli/main.ts + rules/) into one ESM file for Node.
import { build } from 'esbuild';
import { renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export async function buildCli() {
  const tmp = `${root}cli/dist/postcheck.${process.pid}.mjs`;
  await build({
    entryPoints: [`${root}cli/main.ts`],
    // Build aside and rename: several processes may rebuild at once.
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  renameSync(tmp, `${root}cli/dist/postcheck.mjs`);
}
if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
