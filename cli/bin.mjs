#!/usr/bin/env node
// Entry point of `postcheck`. Runs the bundled CLI; in a source checkout it
// rebuilds the bundle first when a source file (engine, packs, CLI) is newer.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}cli/dist/postcheck.mjs`;

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = `${dir}/${e.name}`;
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) ||
  (existsSync(`${root}rules`) && Math.max(newestSource(`${root}rules`), newestSource(`${root}cli`)) > statSync(bundle).mtimeMs);
if (stale) {
  try {
    const { buildCli } = await import('./build.mjs');
    await buildCli();
  } catch (e) {
    if (!existsSync(bundle)) {
      console.error(`postcheck: cannot build the CLI bundle (${e.message}); run "npm ci" first.`);
      process.exit(2);
    }
  }
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
