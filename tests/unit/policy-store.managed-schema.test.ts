// public/managed_schema.json (the manifest's storage.managed_schema) is
// derived from the one policy schema in rules/: this test keeps them in step
// and checks that Chrome would accept the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySchema, validatePolicy } from '../../rules/index';
import { chromeSchemaProblems, toManagedSchema } from '../../lib/managed-schema';
import { EXTENSION_ID, EXTENSION_KEY, extensionIdFromKey } from '../../lib/extension-id';

const FILE = resolve(__dirname, '../../public/managed_schema.json');

describe('managed schema', () => {
  const derived = toManagedSchema(policySchema);

  it('public/managed_schema.json is derived from rules/policy-schema.json', () => {
    if (process.env.UPDATE_MANAGED_SCHEMA) writeFileSync(FILE, JSON.stringify(derived, null, 2) + '\n');
    const onDisk = JSON.parse(readFileSync(FILE, 'utf8'));
    expect(onDisk).toEqual(derived);
  });

  it('follows Chrome’s rules for managed_schema', () => {
    expect(chromeSchemaProblems(derived)).toEqual([]);
  });

  it('declares every top-level policy key and no constraint Chrome would drop a key for', () => {
    const top = Object.keys((policySchema as any).properties).sort();
    expect(Object.keys((derived as any).properties).sort()).toEqual(top);
    const keywords = new Set<string>();
    const walk = (s: any) => {
      for (const [k, v] of Object.entries<any>(s)) {
        keywords.add(k);
        if (k === 'properties') Object.values<any>(v).forEach(walk);
        if (k === 'items') walk(v);
      }
    };
    walk(derived);
    for (const k of ['enum', 'pattern', 'minLength', 'maxLength', 'maxItems', 'minimum', 'maximum', 'required', 'additionalProperties']) {
      expect(keywords.has(k), k).toBe(false);
    }
  });

  it('keeps the structure: every property of the policy schema is declared with the same type', () => {
    const walk = (strict: any, loose: any, path: string) => {
      if (strict.$ref) return expect(loose.$ref, path).toBe(strict.$ref);
      expect(loose.type, path).toBe(strict.type);
      for (const [k, sub] of Object.entries<any>(strict.properties ?? {})) {
        expect(loose.properties?.[k], `${path}.${k}`).toBeDefined();
        walk(sub, loose.properties[k], `${path}.${k}`);
      }
      if (strict.items) walk(strict.items, loose.items, `${path}[]`);
    };
    walk(policySchema, derived, '$');
  });

  it('a value Chrome lets through can still be refused by the extension, by JSON path', () => {
    const r = validatePolicy({ workHours: { start: '25:00', end: '17:00' } });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.path)).toContain('$.workHours.start');
  });
});

describe('extension id', () => {
  it('EXTENSION_ID is derived from the manifest key', async () => {
    expect(await extensionIdFromKey(EXTENSION_KEY)).toBe(EXTENSION_ID);
  });
});
