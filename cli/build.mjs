// Bundles the CLI (cli/main.ts + rules/) into one ESM file for Node.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export async function buildCli() {
  await build({
    entryPoints: [`${root}cli/main.ts`],
    outfile: `${root}cli/dist/postcheck.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}
if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
