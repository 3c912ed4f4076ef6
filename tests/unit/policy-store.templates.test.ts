// Every deployment template in policy/ carries a policy that passes
// `postcheck validate` (the CLI itself, on the policy taken out of the
// template the way the browser would read it), the templates are up to date
// with policy/generate.mjs, and they name the extension by its fixed ids.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policySchema, validatePolicy } from '../../rules/index';
import { EXTENSION_ID, GECKO_ID } from '../../lib/extension-id';
import { templates } from '../../policy/generate.mjs';

const ROOT = resolve(__dirname, '../..');
const P = (f: string) => join(ROOT, 'policy', f);
const CANONICAL = JSON.parse(readFileSync(P('postcheck-policy.json'), 'utf8'));
const TOP_KEYS = Object.keys((policySchema as any).properties);
const tmp = mkdtempSync(join(tmpdir(), 'postcheck-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `postcheck validate FILE` on a policy; returns [exit code, output]. */
function cliValidate(name: string, policy: unknown): [number, string] {
  const file = join(tmp, `${name.replace(/[^\w.-]/g, '_')}.json`);
  writeFileSync(file, JSON.stringify(policy));
  try {
    const out = execFileSync(process.execPath, [join(ROOT, 'cli/bin.mjs'), 'validate', file], { encoding: 'utf8', stdio: 'pipe' });
    return [0, out];
  } catch (e: any) {
    return [e.status ?? 1, `${e.stdout ?? ''}${e.stderr ?? ''}`];
  }
}

/** Reads the values of one key of a UTF-16 .reg file. */
function readReg(file: string): { key: string; values: Record<string, string | number> } {
  const buf = readFileSync(file);
  expect([buf[0], buf[1]]).toEqual([0xff, 0xfe]);
  const text = buf.subarray(2).toString('utf16le');
  expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
  const key = /^\[([^\]]+)\]\r$/m.exec(text)![1]!;
  const values: Record<string, string | number> = {};
  for (const m of text.matchAll(/^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))\r$/gm)) {
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    values[unescape(m[1]!)] = m[2] !== undefined ? unescape(m[2]) : parseInt(m[3]!, 16);
  }
  return { key, values };
}

/** What Chrome's registry loader does with a REG_SZ where the managed schema expects an object or array. */
function chromeConvert(values: Record<string, string | number>): Record<string, unknown> {
  const props = (policySchema as any).properties;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const type = props[k]?.type;
    out[k] = (type === 'object' || type === 'array') && typeof v === 'string' ? JSON.parse(v) : v;
  }
  return out;
}

/** A small plist (XML) reader: dict, array, string, integer, real, true, false. */
function readPlist(text: string): unknown {
  const tokens = [...text.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '').matchAll(/<(\/?)(\w+)(?:\s[^>]*?)?(\/?)>|([^<]+)/g)];
  let i = 0;
  const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const next = () => {
    while (i < tokens.length && tokens[i]![4] !== undefined && !tokens[i]![4]!.trim()) i++;
    return tokens[i++]!;
  };
  const text_ = (tag: string) => {
    let s = '';
    while (tokens[i]![4] !== undefined) s += tokens[i++]![4];
    const close = tokens[i++]!;
    expect(close[2]).toBe(tag);
    return unxml(s);
  };
  const value = (t: RegExpMatchArray): unknown => {
    const [, closing, tag, selfClosing] = t;
    expect(closing).toBe('');
    if (tag === 'plist') {
      const v = value(next());
      next();
      return v;
    }
    if (selfClosing) return tag === 'true' ? true : tag === 'false' ? false : tag === 'dict' ? {} : [];
    if (tag === 'string') return text_('string');
    if (tag === 'integer' || tag === 'real') return Number(text_(tag));
    if (tag === 'array') {
      const arr: unknown[] = [];
      for (let t = next(); !(t[1] === '/' && t[2] === 'array'); t = next()) arr.push(value(t));
      return arr;
    }
    if (tag === 'dict') {
      const obj: Record<string, unknown> = {};
      for (let t = next(); !(t[1] === '/' && t[2] === 'dict'); t = next()) {
        expect(t[2]).toBe('key');
        const k = text_('key');
        obj[k] = value(next());
      }
      return obj;
    }
    throw new Error(`unexpected <${tag}>`);
  };
  return value(next());
}

const extracted: [string, unknown][] = [];

describe('policy/ templates', () => {
  it('are up to date with policy/generate.mjs and policy/postcheck-policy.json', () => {
    for (const [name, content] of Object.entries<string | Buffer>(templates(CANONICAL))) {
      const want = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
      expect(readFileSync(P(name)).equals(want), `${name} is out of date: run node policy/generate.mjs`).toBe(true);
    }
  });

  it('the canonical policy uses every top-level setting', () => {
    expect(Object.keys(CANONICAL).sort()).toEqual([...TOP_KEYS].sort());
  });

  it('Linux (Chrome and Chromium): 3rdparty.extensions.<id>', () => {
    const j = JSON.parse(readFileSync(P('chrome-linux/postcheck.json'), 'utf8'));
    expect(Object.keys(j['3rdparty'].extensions)).toEqual([EXTENSION_ID]);
    extracted.push(['chrome-linux', j['3rdparty'].extensions[EXTENSION_ID]]);
    const install = JSON.parse(readFileSync(P('chrome-linux/postcheck-install.json'), 'utf8'));
    expect(install.ExtensionSettings[EXTENSION_ID].installation_mode).toBe('force_installed');
  });

  it('Google Admin console: {"key": {"Value": …}}', () => {
    const j = JSON.parse(readFileSync(P('google-admin-console.json'), 'utf8'));
    extracted.push(['google-admin-console', Object.fromEntries(Object.entries<any>(j).map(([k, v]) => [k, v.Value]))]);
  });

  it('Windows .reg for Chrome, Edge and Firefox: REG_SZ JSON strings under the extension’s policy key', () => {
    const chrome = readReg(P('windows/postcheck-chrome.reg'));
    expect(chrome.key).toBe(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`);
    extracted.push(['reg-chrome', chromeConvert(chrome.values)]);
    const edge = readReg(P('windows/postcheck-edge.reg'));
    expect(edge.key).toBe(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`);
    extracted.push(['reg-edge', chromeConvert(edge.values)]);
    const ff = readReg(P('windows/postcheck-firefox.reg'));
    expect(ff.key).toBe(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${GECKO_ID}`);
    // Firefox hands the strings over as they are: the extension parses them
    const v = validatePolicy(ff.values);
    expect(v.errors).toEqual([]);
    extracted.push(['reg-firefox', v.policy]);
  });

  it('ADMX/ADML: well-formed references, one policy per setting for Chrome and Edge, defaults that validate', () => {
    const admx = readFileSync(P('windows/postcheck.admx'), 'utf8');
    const adml = readFileSync(P('windows/en-US/postcheck.adml'), 'utf8');
    const strings = new Set([...adml.matchAll(/<string id="([^"]+)">/g)].map((m) => m[1]));
    const presentations = new Set([...adml.matchAll(/<presentation id="([^"]+)">/g)].map((m) => m[1]));
    for (const m of admx.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings.has(m[1]), `string ${m[1]}`).toBe(true);
    for (const m of admx.matchAll(/\$\(presentation\.([^)]+)\)/g)) expect(presentations.has(m[1]), `presentation ${m[1]}`).toBe(true);
    const policies = [...admx.matchAll(/<policy name="([^"]+)"[^>]*key="([^"]+)">([\s\S]*?)<\/policy>/g)];
    const byBrowser: Record<string, string[]> = {};
    for (const [, name, key, body] of policies) {
      const [browser] = name!.split('_');
      const valueName = /valueName="([^"]+)"/.exec(body!)![1]!;
      const elementId = /<text id="([^"]+)"/.exec(body!)![1]!;
      expect(elementId).toBe(valueName);
      expect(adml).toContain(`<textBox refId="${elementId}">`);
      expect(key).toContain(`\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`);
      (byBrowser[browser!] ??= []).push(valueName);
    }
    expect(Object.keys(byBrowser).sort()).toEqual(['Chrome', 'Edge']);
    for (const names of Object.values(byBrowser)) expect(names.sort()).toEqual([...TOP_KEYS].sort());
    // the text boxes' defaults, as the registry would hold them
    const defaults: Record<string, string> = {};
    for (const m of adml.matchAll(/<textBox refId="([^"]+)">[\s\S]*?<defaultValue>([\s\S]*?)<\/defaultValue>/g)) {
      defaults[m[1]!] = m[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }
    extracted.push(['admx-defaults', chromeConvert(defaults)]);
  });

  it('macOS .mobileconfig: MCX preferences for the Chrome, Edge and Chromium domains', () => {
    const profile = readPlist(readFileSync(P('macos/postcheck.mobileconfig'), 'utf8')) as any;
    expect(profile.PayloadType).toBe('Configuration');
    const content = profile.PayloadContent[0];
    expect(content.PayloadType).toBe('com.apple.ManagedClient.preferences');
    expect(Object.keys(content.PayloadContent).sort()).toEqual(
      [`com.google.Chrome.extensions.${EXTENSION_ID}`, `com.microsoft.Edge.extensions.${EXTENSION_ID}`, `org.chromium.Chromium.extensions.${EXTENSION_ID}`].sort(),
    );
    for (const [domain, v] of Object.entries<any>(content.PayloadContent)) {
      extracted.push([`mobileconfig ${domain}`, v.Forced[0].mcx_preference_settings]);
    }
  });

  it('Firefox policies.json: 3rdparty.Extensions.<add-on id>, force-installed', () => {
    const j = JSON.parse(readFileSync(P('firefox/policies.json'), 'utf8'));
    expect(j.policies.ExtensionSettings[GECKO_ID].installation_mode).toBe('force_installed');
    extracted.push(['firefox', j.policies['3rdparty'].Extensions[GECKO_ID]]);
  });

  it('every template’s policy passes `postcheck validate` and says the same as the canonical policy', () => {
    expect(extracted.length).toBeGreaterThanOrEqual(10);
    for (const [name, policy] of extracted) {
      expect(validatePolicy(policy).errors, name).toEqual([]);
      expect(policy, name).toEqual(CANONICAL);
      const [code, out] = cliValidate(name, policy);
      expect(code, `${name}: ${out}`).toBe(0);
      expect(out).toMatch(/valid policy/);
    }
    // and the CLI does refuse a broken one, by JSON path
    const [code, out] = cliValidate('broken', { ...CANONICAL, workHours: { ...CANONICAL.workHours, start: '25:00' } });
    expect(code).toBe(2);
    expect(out).toContain('$.workHours.start');
  }, 60_000);
});
