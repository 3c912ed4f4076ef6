#!/usr/bin/env node
// Writes every deployment template in policy/ from ONE policy file, so that
// they all say the same thing:
//
//   node policy/generate.mjs [POLICY.json] [--out DIR] [--check]
//
// POLICY.json defaults to policy/postcheck-policy.json (edit that one, then
// run this). --out writes somewhere else (e.g. your own policy, kept out of
// the repository). --check writes nothing and exits 1 when a template is out
// of date (the unit tests use it).
//
// The extension ids come from lib/extension-id.ts.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export function extensionIds() {
  const src = readFileSync(join(HERE, '../lib/extension-id.ts'), 'utf8');
  const chrome = /EXTENSION_ID\s*=\s*'([a-p]{32})'/.exec(src)?.[1];
  const gecko = /GECKO_ID\s*=\s*'([^']+)'/.exec(src)?.[1];
  if (!chrome || !gecko) throw new Error('cannot read the ids from lib/extension-id.ts');
  return { chrome, gecko };
}

/** Top-level policy keys in the order the schema lists them. */
function orderedKeys(policy) {
  let order = [];
  try {
    order = Object.keys(JSON.parse(readFileSync(join(HERE, '../rules/policy-schema.json'), 'utf8')).properties);
  } catch {
    /* schema not found: keep the file's order */
  }
  const keys = Object.keys(policy);
  return [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
}

const json = (v) => JSON.stringify(v, null, 2) + '\n';

// ---------------------------------------------------------------- Windows

/** A .reg string value: backslashes and quotes escaped. */
function regString(s) {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Objects and arrays go in as one REG_SZ JSON string each; Chrome converts them using the managed schema. */
function regValue(v) {
  if (typeof v === 'string') return regString(v);
  if (typeof v === 'boolean') return `dword:${v ? '00000001' : '00000000'}`;
  if (Number.isInteger(v) && v >= 0) return `dword:${v.toString(16).padStart(8, '0')}`;
  return regString(JSON.stringify(v));
}

function regFile(key, policy, comment) {
  const lines = ['Windows Registry Editor Version 5.00', '', ...comment.map((c) => `; ${c}`), '', `[${key}]`];
  for (const k of orderedKeys(policy)) lines.push(`${regString(k)}=${regValue(policy[k])}`);
  // regedit expects UTF-16LE with a byte-order mark and CRLF line ends for "Version 5.00" files
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]);
}

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ADMX_KEYS = {
  employer: ['Employer', 'Names, social-media handles and web domains of the employer, as JSON.\n\nExample: {"names":["Acme Logistics","Acme"],"handles":["@acme"],"domains":["acme.example"]}'],
  confidential: ['Confidential terms', 'Project names and other terms that must not be posted, as JSON.\n\nExample: {"terms":["Project Falcon"]}'],
  workHours: ['Work hours', 'When political campaigning gets a warning, as JSON: IANA time zone, days, start and end (HH:MM).\n\nExample: {"timeZone":"Europe/Brussels","days":["mon","tue","wed","thu","fri"],"start":"08:30","end":"17:00"}'],
  categories: ['Categories', 'Per category (employer-insult, confidential, political, hate, on-behalf): on or off and severity (info, warn, block), as JSON.\n\nExample: {"hate":{"enabled":true,"severity":"block"}}'],
  customRules: ['Custom rules', 'Extra rules of the organisation, as a JSON array. Each rule has an id, a category, "terms" (a list) or "pattern" (RE2, linear time), and optionally a severity and a message per language (nl, en, fr, de).'],
  postAnyway: ['Posting anyway', 'May the user post despite a finding, as JSON: {"warn":true,"block":false,"requireReason":true}. A reason, when asked, stays on the device.'],
  policyUrl: ['Social-media policy link', 'An https:// link to the organisation\'s social-media policy, shown in the warning panel.'],
  language: ['Language', 'Language of the warnings: auto (the post\'s language), nl, en, fr or de.'],
  locks: ['Locked settings', 'Settings the user may not change in the options page, as a JSON array. Possible values: "categories", "language", "workHours", "postAnyway", "snooze", a category id ("hate") or "categories.<id>".\n\nExample: ["categories"]'],
  media: ['Photo and video nudge', 'The question "would you show this to all your colleagues?" when a post has photos or videos, as JSON: {"enabled":true,"severity":"info"}. info = a reminder that does not hold the post; warn or block hold it.'],
  sites: ['Per-site settings', 'Settings per site (x, facebook, linkedin), as JSON: employerInProfile (the profile names the employer: employer-insult, confidential and on-behalf rise one step; default true on LinkedIn) and category overrides.\n\nExample: {"linkedin":{"employerInProfile":true},"x":{"categories":{"political":{"severity":"info"}}}}'],
};

function admx(ids) {
  const targets = [
    ['Chrome', `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ids.chrome}\\policy`],
    ['Edge', `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ids.chrome}\\policy`],
  ];
  const policies = [];
  for (const [browser, key] of targets) {
    for (const k of Object.keys(ADMX_KEYS)) {
      policies.push(
        `    <policy name="${browser}_${k}" class="Machine" displayName="$(string.${k})" explainText="$(string.${k}_Explain)" presentation="$(presentation.${k})" key="${xml(key)}">
      <parentCategory ref="Postcheck${browser}" />
      <supportedOn ref="SUPPORTED_Postcheck" />
      <elements>
        <text id="${k}" valueName="${k}" maxLength="1000000" required="true" />
      </elements>
    </policy>`,
      );
    }
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Postcheck: policy for Google Chrome and Microsoft Edge (Administrative Templates).
     Generated by policy/generate.mjs for extension id ${ids.chrome}.
     Copy to C:\\Windows\\PolicyDefinitions (or the SYSVOL central store) with en-US\\postcheck.adml. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="postcheck" namespace="Postcheck.Policies.Postcheck" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_Postcheck" displayName="$(string.SUPPORTED_Postcheck)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="Postcheck" displayName="$(string.Postcheck)" />
    <category name="PostcheckChrome" displayName="$(string.PostcheckChrome)">
      <parentCategory ref="Postcheck" />
    </category>
    <category name="PostcheckEdge" displayName="$(string.PostcheckEdge)">
      <parentCategory ref="Postcheck" />
    </category>
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
}

function adml(ids, policy) {
  const strings = [
    ['Postcheck', 'Postcheck'],
    ['PostcheckChrome', 'Postcheck in Google Chrome'],
    ['PostcheckEdge', 'Postcheck in Microsoft Edge'],
    ['SUPPORTED_Postcheck', 'Postcheck extension (Chrome and Edge, Manifest V3)'],
  ];
  for (const [k, [name, explain]] of Object.entries(ADMX_KEYS)) {
    strings.push([k, name]);
    strings.push([
      `${k}_Explain`,
      `${explain}\n\nPostcheck checks the user's draft posts on X, Facebook and LinkedIn on the device and never reports anything. It validates this value itself: if it is invalid, the options page shows the error with its JSON path and the last valid value stays in force.\n\nWritten to the extension's policy key as a REG_SZ value named "${k}" (extension id ${ids.chrome}).`,
    ]);
  }
  const presentations = Object.entries(ADMX_KEYS).map(([k, [name]]) => {
    const v = policy[k];
    const def = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return `      <presentation id="${k}">
        <textBox refId="${k}">
          <label>${xml(name)}:</label>
          <defaultValue>${xml(def)}</defaultValue>
        </textBox>
      </presentation>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Postcheck: English strings for postcheck.admx. Generated by policy/generate.mjs. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Postcheck</displayName>
  <description>Organisation settings for the Postcheck browser extension.</description>
  <resources>
    <stringTable>
${strings.map(([id, s]) => `      <string id="${id}">${xml(s)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

// ---------------------------------------------------------------- macOS

function plist(v, indent) {
  const pad = '  '.repeat(indent);
  if (typeof v === 'string') return `${pad}<string>${xml(v)}</string>`;
  if (typeof v === 'boolean') return `${pad}<${v}/>`;
  if (typeof v === 'number') return Number.isInteger(v) ? `${pad}<integer>${v}</integer>` : `${pad}<real>${v}</real>`;
  if (Array.isArray(v)) return v.length ? `${pad}<array>\n${v.map((x) => plist(x, indent + 1)).join('\n')}\n${pad}</array>` : `${pad}<array/>`;
  const entries = Object.entries(v);
  if (!entries.length) return `${pad}<dict/>`;
  return `${pad}<dict>\n${entries.map(([k, x]) => `${pad}  <key>${xml(k)}</key>\n${plist(x, indent + 1)}`).join('\n')}\n${pad}</dict>`;
}

/** Stable UUIDs, so regenerating does not churn the file (replace them for your own profile if you like). */
function uuid(seed) {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

function mobileconfig(ids, policy) {
  const ordered = Object.fromEntries(orderedKeys(policy).map((k) => [k, policy[k]]));
  const forced = { Forced: [{ mcx_preference_settings: ordered }] };
  const profile = {
    PayloadContent: [
      {
        PayloadContent: {
          [`com.google.Chrome.extensions.${ids.chrome}`]: forced,
          [`com.microsoft.Edge.extensions.${ids.chrome}`]: forced,
          [`org.chromium.Chromium.extensions.${ids.chrome}`]: forced,
        },
        PayloadDisplayName: 'Postcheck extension policy',
        PayloadEnabled: true,
        PayloadIdentifier: `app.postcheck.policy.${ids.chrome}.mcx`,
        PayloadType: 'com.apple.ManagedClient.preferences',
        PayloadUUID: uuid(`mcx:${ids.chrome}`),
        PayloadVersion: 1,
      },
    ],
    PayloadDescription: 'Organisation settings for the Postcheck browser extension (Chrome, Edge, Chromium).',
    PayloadDisplayName: 'Postcheck',
    PayloadIdentifier: `app.postcheck.policy.${ids.chrome}`,
    PayloadOrganization: '',
    PayloadRemovalDisallowed: true,
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: uuid(`profile:${ids.chrome}`),
    PayloadVersion: 1,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
${plist(profile, 0)}
</plist>
`;
}

// ---------------------------------------------------------------- all

export function templates(policy, ids = extensionIds()) {
  const ordered = Object.fromEntries(orderedKeys(policy).map((k) => [k, policy[k]]));
  const winComment = (browser) => [
    `Postcheck policy for ${browser}. Generated by policy/generate.mjs from postcheck-policy.json.`,
    'Objects and lists are JSON strings (REG_SZ); the browser or Postcheck parses them.',
  ];
  return {
    'chrome-linux/postcheck.json': json({ '3rdparty': { extensions: { [ids.chrome]: ordered } } }),
    'chrome-linux/postcheck-install.json': json({
      ExtensionSettings: {
        [ids.chrome]: {
          installation_mode: 'force_installed',
          update_url: 'https://clients2.google.com/service/update2/crx',
          toolbar_pin: 'force_pinned',
        },
      },
    }),
    'google-admin-console.json': json(Object.fromEntries(Object.entries(ordered).map(([k, v]) => [k, { Value: v }]))),
    'windows/postcheck-chrome.reg': regFile(
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ids.chrome}\\policy`,
      ordered,
      winComment('Google Chrome'),
    ),
    'windows/postcheck-edge.reg': regFile(
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ids.chrome}\\policy`,
      ordered,
      winComment('Microsoft Edge (replace the id with the one of the Edge Add-ons listing if you install from there)'),
    ),
    'windows/postcheck-firefox.reg': regFile(
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${ids.gecko}`,
      ordered,
      winComment('Mozilla Firefox (read at browser start)'),
    ),
    'windows/postcheck.admx': admx(ids),
    'windows/en-US/postcheck.adml': adml(ids, ordered),
    'macos/postcheck.mobileconfig': mobileconfig(ids, policy),
    'firefox/policies.json': json({
      policies: {
        ExtensionSettings: {
          [ids.gecko]: {
            installation_mode: 'force_installed',
            install_url: 'https://intranet.acme.example/postcheck/postcheck-firefox.xpi',
          },
        },
        '3rdparty': { Extensions: { [ids.gecko]: ordered } },
      },
    }),
  };
}

function main(argv) {
  const check = argv.includes('--check');
  const outIdx = argv.indexOf('--out');
  const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : HERE;
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out') ?? join(HERE, 'postcheck-policy.json');
  const policy = JSON.parse(readFileSync(file, 'utf8'));
  let stale = 0;
  for (const [name, content] of Object.entries(templates(policy))) {
    const path = join(out, name);
    const buf = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    if (check) {
      if (!existsSync(path) || !readFileSync(path).equals(buf)) {
        console.error(`out of date: ${name}`);
        stale++;
      }
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, buf);
    console.log(`wrote ${path}`);
  }
  if (stale) {
    console.error('run: node policy/generate.mjs');
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
