import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
// @ts-expect-error: a plain .mjs build script without type declarations
import { packsSnapshotJson } from './scripts/snapshot-packs.mjs';
import preact from '@preact/preset-vite';
import { EXTENSION_KEY, GECKO_ID } from './lib/extension-id';
import { SITE_MATCHES } from './entrypoints/content/matches';

// Extension id in Chromium (derived from EXTENSION_KEY, see lib/extension-id.ts):
//   eoihngabiiommcfjkbdmbpjaldpopalj
// Admin policy files name the extension by this id, so it must never change.

// The managed schema belongs to the policy side (issue 4); Chrome refuses to
// load an extension whose manifest names a missing schema file, so leave a
// permissive placeholder only when that file does not exist yet.
const SCHEMA = 'public/managed_schema.json';
if (!existsSync(SCHEMA)) {
  mkdirSync('public', { recursive: true });
  writeFileSync(SCHEMA, JSON.stringify({ type: 'object', properties: {} }, null, 2) + '\n');
}

// The extension ships the packs precompiled: `rules/packs/index` (the packs'
// JSON, compiled on first use) is replaced in this build by a module that
// thaws a snapshot of the compiled index (rules/packs-snapshot.ts). Compiling
// in the page took ~250 ms; thawing takes a few. Node (CLI, tests) keeps
// compiling the JSON, and a unit test holds both paths to the same findings.
const PACKS_INDEX = resolve('rules/packs/index.ts');
const PRECOMPILED = '\0postcheck:precompiled-packs';
function precompiledPacks(): Plugin {
  return {
    name: 'postcheck:precompiled-packs',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/packs\/index(\.ts)?$/.test(source)) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r?.id === PACKS_INDEX ? PRECOMPILED : null;
    },
    async load(id) {
      if (id !== PRECOMPILED) return null;
      const snap = JSON.parse(await packsSnapshotJson());
      // The two big strings (words, arrays) as plain literals, the rest through
      // JSON.parse of a literal: V8 reads data faster so than as object literals.
      const { words, data } = snap.index;
      snap.index.words = '';
      snap.index.data = '';
      return `import { thawPacks } from ${JSON.stringify(resolve('rules/packs-snapshot.ts'))};\n` +
        `export const BUILTIN_PACKS = /* @__PURE__ */ (() => {\n` +
        `  const s = JSON.parse(${JSON.stringify(JSON.stringify(snap))});\n` +
        `  s.index.words = ${JSON.stringify(words)};\n` +
        `  s.index.data = ${JSON.stringify(data)};\n` +
        `  return thawPacks(s);\n` +
        `})();\n`;
    },
  };
}

// The engine bundle (postcheck-engine.js) leaves re2js out: rules/re2.ts is
// swapped for rules/re2-on-demand.ts there, and postcheck-re2.js is loaded
// only for a policy with custom patterns. Other bundles (background, options)
// keep rules/re2.ts.
const RE2_MODULE = resolve('rules/re2.ts');
function re2OnDemandInEngine(): Plugin {
  let engineBuild = false;
  return {
    name: 'postcheck:re2-on-demand',
    enforce: 'pre',
    options(opts) {
      engineBuild = JSON.stringify(opts.input ?? '').includes('postcheck-engine');
      return null;
    },
    async resolveId(source, importer, options) {
      if (!engineBuild || !/(^|\/)re2(\.ts)?$/.test(source)) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r?.id === RE2_MODULE ? resolve('rules/re2-on-demand.ts') : null;
    },
  };
}

export default defineConfig({
  // Dev knob: build only some entrypoints, e.g. POSTCHECK_ONLY=content,postcheck-engine,background
  ...(process.env.POSTCHECK_ONLY ? { filterEntrypoints: process.env.POSTCHECK_ONLY.split(',') } : {}),
  vite: () => ({ plugins: [preact(), precompiledPacks(), re2OnDemandInEngine()] }),
  manifest: ({ browser, manifestVersion }) => ({
    // Localised in public/_locales (en, nl, fr, de).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the effective policy (written by the background) and user settings.
    // Nothing else: no tabs, no scripting, no host permissions beyond the content script's matches.
    permissions: ['storage'],
    // Chromium: a fixed key keeps the id stable for unpacked builds and admin policy.
    ...(browser === 'firefox' ? {} : { key: EXTENSION_KEY }),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '115.0',
        // Postcheck collects and transmits nothing: drafts are checked on the device.
        data_collection_permissions: { required: ['none'] },
      } as { id: string; strict_min_version: string },
    },
    storage: { managed_schema: 'managed_schema.json' },
    // No remote code, ever: scripts only from the package itself.
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "script-src 'self'; object-src 'self'" }
        : "script-src 'self'; object-src 'self'",
    // The engine and the panel are loaded on first use by the content script with
    // import(): the module must be web-accessible on the sites it runs on. With
    // use_dynamic_url it is reachable only at a per-session URL (what
    // runtime.getURL returns), so a page cannot probe for Postcheck at a fixed one.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['postcheck-engine.js', 'postcheck-re2.js'], matches: SITE_MATCHES, use_dynamic_url: true }]
        : ['postcheck-engine.js', 'postcheck-re2.js'],
  }),
});
