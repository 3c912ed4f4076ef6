// The built manifest keeps its promises: least privilege, a stable id, no remote code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXTENSION_DIR, ensureExtensionBuilt } from './extension-helpers';
import { EXTENSION_ID, EXTENSION_KEY, extensionIdFromKey } from '../../lib/extension-id';
import { SITE_MATCHES } from '../../entrypoints/content/matches';

describe('manifest (chrome-mv3)', () => {
  ensureExtensionBuilt();
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  test('asks for storage only, and no host permissions beyond the content script', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...SITE_MATCHES].sort());
  });

  test('has the fixed key, so the id admins put in policies never changes', async () => {
    expect(manifest.key).toBe(EXTENSION_KEY);
    expect(await extensionIdFromKey(manifest.key)).toBe(EXTENSION_ID);
  });

  test('allows no remote code', () => {
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'");
  });

  test('exposes only the lazily loaded engine (and RE2, for custom patterns), and only to the sites', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['postcheck-engine.js', 'postcheck-re2.js'], matches: SITE_MATCHES, use_dynamic_url: true },
    ]);
  });

  test('the engine bundle leaves RE2 out; its own script has it', () => {
    const engine = readFileSync(join(EXTENSION_DIR, 'postcheck-engine.js'), 'utf8');
    const re2 = readFileSync(join(EXTENSION_DIR, 'postcheck-re2.js'), 'utf8');
    // re2js's own error text, present wherever its compiler is bundled
    const marker = 'missing closing )';
    expect(re2).toContain(marker);
    expect(engine).not.toContain(marker);
  });

  test('declares the managed schema, icons and localized name', () => {
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    expect(manifest.name).toBe('__MSG_extName__');
    for (const lang of ['en', 'nl', 'fr', 'de']) {
      const messages = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', lang, 'messages.json'), 'utf8'));
      expect(messages.extName.message).toBe('Postcheck');
    }
  });

  test('keeps the page-load content script small (the engine loads on first use)', () => {
    const size = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js')).length;
    expect(size).toBeLessThan(30_000);
  });
});
