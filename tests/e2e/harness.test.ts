// The harness itself, with a tiny throwaway MV3 extension (not Postcheck): Chromium
// loads an unpacked extension headless, its id is the one extensionIdFor() predicts,
// its content script runs on the fixture sites under their real host names, and a
// managed policy written for that id reaches chrome.storage.managed in the worker.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionIdFor,
  launchBrowser,
  openFacebook,
  openLinkedIn,
  openX,
  POLICY_DIR,
  waitForManagedPolicy,
  type Launched,
} from './harness';
import { existsSync } from 'node:fs';

let dir: string;
let b: Launched;
// Its own policy file, so a concurrent run of the extension's tests (postcheck-test.json) can't clobber it.
const POLICY_FILE = join(POLICY_DIR, 'postcheck-harness-probe.json');
const POLICY = { employer: { names: ['Acme'], unlisted: 'dropped' }, workHours: { start: '08:30' } };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'harness-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'harness probe',
      version: '1.0',
      background: { service_worker: 'sw.js' },
      permissions: ['storage'],
      storage: { managed_schema: 'schema.json' },
      content_scripts: [
        {
          matches: ['https://x.com/*', 'https://*.facebook.com/*', 'https://*.linkedin.com/*'],
          js: ['content.js'],
          run_at: 'document_idle',
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});\n');
  writeFileSync(
    join(dir, 'schema.json'),
    JSON.stringify({
      type: 'object',
      properties: {
        employer: { type: 'object', properties: { names: { type: 'array', items: { type: 'string' } } } },
        workHours: { type: 'object', additionalProperties: { type: 'string' } },
      },
    }),
  );
  writeFileSync(join(dir, 'content.js'), 'document.documentElement.dataset.probe = location.host;\n');
  b = await launchBrowser({ extensionPath: dir, policy: POLICY, policyFile: POLICY_FILE });
});

afterAll(async () => {
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('harness', () => {
  it('loads the unpacked extension headless with the predicted id', async () => {
    expect(b.extensionId).toBe(extensionIdFor(dir));
    expect(b.serviceWorker?.url()).toBe(`chrome-extension://${b.extensionId}/sw.js`);
  });

  it('runs content scripts on the fixture sites under their real https host names', async () => {
    const page = b.page;
    await openX(page);
    expect(await page.evaluate(() => document.documentElement.dataset.probe)).toBe('x.com');
    await openFacebook(page);
    expect(await page.evaluate(() => document.documentElement.dataset.probe)).toBe('www.facebook.com');
    await openLinkedIn(page);
    expect(await page.evaluate(() => document.documentElement.dataset.probe)).toBe('www.linkedin.com');
    expect(page.url()).toBe('https://www.linkedin.com/feed/');
  });

  it('delivers the managed policy to chrome.storage.managed', async () => {
    expect(existsSync(POLICY_FILE)).toBe(true);
    const managed = await waitForManagedPolicy(b.serviceWorker!);
    // Chromium filters by managed_schema: properties the schema doesn't list are dropped.
    expect(managed).toEqual({ employer: { names: ['Acme'] }, workHours: { start: '08:30' } });
  });

  it('removes the policy file on close', async () => {
    await b.close();
    expect(existsSync(POLICY_FILE)).toBe(false);
  });
});
