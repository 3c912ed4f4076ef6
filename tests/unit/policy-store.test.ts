// The background's policy store against WXT's fake browser (storage.managed
// is writable there): what it publishes in storage.local, how it follows
// changes, the last good policy, the start-up grace period.
import { beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEYS, recompute, startPolicyStore, loadPublished, saveUserSettings } from '../../lib/policy-store';
import { DEFAULT_POLICY, validatePolicy } from '../../rules/index';

const ACME = {
  employer: { names: ['Acme Logistics', 'Acme'], handles: ['@acme'], domains: ['acme.example'] },
  confidential: { terms: ['Project Falcon'] },
  workHours: { timeZone: 'Europe/Brussels', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '17:00' },
  locks: ['categories'],
};

async function local(key: string) {
  return (await fakeBrowser.storage.local.get(key))[key] as any;
}

/** Waits until `fn` holds (the store reacts to storage events asynchronously). */
async function until(fn: () => Promise<boolean>, ms = 2000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not reached');
}

describe('policy store', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  it('publishes built-in defaults when there is no policy', async () => {
    await recompute();
    expect(await local(KEYS.effective)).toEqual(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect((await local(KEYS.status)).source).toBe('builtin');
    expect(await local(KEYS.errors)).toBeUndefined();
  });

  it('publishes the admin policy and remembers it as the last good one', async () => {
    await fakeBrowser.storage.managed.set(ACME);
    await recompute();
    const eff = await local(KEYS.effective);
    expect(eff.employer).toEqual(ACME.employer);
    expect(eff.postAnyway).toEqual(DEFAULT_POLICY.postAnyway);
    expect(await local(KEYS.lastGood)).toEqual(ACME);
    const status = await local(KEYS.status);
    expect(status.source).toBe('admin');
    expect(status.locks.categories).toHaveLength(5);
  });

  it('follows storage.onChanged (managed): a broken change keeps the last good value and records the error', async () => {
    await fakeBrowser.storage.managed.set(ACME);
    const store = startPolicyStore({ graceMs: 60_000 });
    stop = store.stop;
    await store.ready;
    expect((await local(KEYS.effective)).employer.names).toContain('Acme');

    await fakeBrowser.storage.managed.set({ workHours: { ...ACME.workHours, start: '7:00' }, employer: { names: ['Globex'] } });
    await until(async () => (await local(KEYS.errors)) !== undefined);
    const errors = await local(KEYS.errors);
    expect(errors.errors.map((e: any) => e.path)).toEqual(['$.workHours.start']);
    expect(typeof errors.at).toBe('number');
    const eff = await local(KEYS.effective);
    expect(eff.workHours.start).toBe('08:30'); // last good
    expect(eff.employer.names).toEqual(['Globex']); // valid part of the change
    expect((await local(KEYS.status)).keptLastGood).toEqual(['workHours']);

    // fixed: errors go away
    await fakeBrowser.storage.managed.set({ workHours: { ...ACME.workHours, start: '07:00' } });
    await until(async () => (await local(KEYS.effective)).workHours.start === '07:00');
    expect(await local(KEYS.errors)).toBeUndefined();
  });

  it('keeps the time the errors were first seen while they stay the same', async () => {
    let now = 1000;
    await fakeBrowser.storage.managed.set({ ...ACME, workHours: '{"start": "99:00"}' });
    await recompute({ now: () => now });
    now = 5000;
    await recompute({ now: () => now });
    expect((await local(KEYS.errors)).at).toBe(1000);
  });

  it('accepts the whole policy’s objects as JSON strings (policies.json / registry)', async () => {
    await fakeBrowser.storage.managed.set({
      employer: JSON.stringify(ACME.employer),
      workHours: JSON.stringify(ACME.workHours),
      locks: JSON.stringify(['language']),
    });
    await recompute();
    expect(await local(KEYS.errors)).toBeUndefined();
    const eff = await local(KEYS.effective);
    expect(eff.employer).toEqual(ACME.employer);
    expect(eff.workHours.start).toBe('08:30');
    expect((await local(KEYS.status)).locks.settings).toEqual(['language']);
  });

  it('at start-up an empty managed area keeps the last good policy until the grace period ends', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.lastGood]: ACME });
    const store = startPolicyStore({ graceMs: 50 });
    stop = store.stop;
    await store.ready;
    expect((await local(KEYS.effective)).employer).toEqual(ACME.employer);
    expect((await local(KEYS.status)).source).toBe('admin');
    // the policy really is gone (removed while the browser was closed)
    await until(async () => (await local(KEYS.status)).source === 'builtin');
    expect(await local(KEYS.lastGood)).toBeUndefined();
    expect((await local(KEYS.effective)).employer).toBeUndefined();
  });

  it('at start-up the policy arriving late replaces the last good one', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.lastGood]: ACME });
    const store = startPolicyStore({ graceMs: 60_000 });
    stop = store.stop;
    await store.ready;
    await fakeBrowser.storage.managed.set({ employer: { names: ['Initech'] } });
    await until(async () => (await local(KEYS.effective)).employer?.names?.[0] === 'Initech');
    expect(await local(KEYS.lastGood)).toEqual({ employer: { names: ['Initech'] } });
  });

  it('removing the policy while running goes back to built-in defaults', async () => {
    await fakeBrowser.storage.managed.set(ACME);
    const store = startPolicyStore({ graceMs: 60_000 });
    stop = store.stop;
    await store.ready;
    await fakeBrowser.storage.managed.clear();
    await until(async () => (await local(KEYS.status)).source === 'builtin');
    expect(await local(KEYS.lastGood)).toBeUndefined();
  });

  it('user settings from storage.sync apply where not locked, and changes are followed', async () => {
    await fakeBrowser.storage.managed.set({ ...ACME, locks: ['language'], language: 'fr' });
    const store = startPolicyStore({ graceMs: 60_000 });
    stop = store.stop;
    await store.ready;
    await saveUserSettings({ language: 'nl', categories: { political: { enabled: false } } });
    await until(async () => (await local(KEYS.effective)).categories?.political?.enabled === false);
    const eff = await local(KEYS.effective);
    expect(eff.language).toBe('fr'); // locked
    expect((await local(KEYS.status)).origins['categories.political']).toBe('user');
  });

  it('user settings stored as a JSON string are read too', async () => {
    await fakeBrowser.storage.sync.set({ [KEYS.user]: JSON.stringify({ language: 'de' }) });
    await recompute();
    expect((await local(KEYS.effective)).language).toBe('de');
  });

  it('a snooze ends when the admin locks snoozing', async () => {
    await fakeBrowser.storage.local.set({ [KEYS.snooze]: Date.now() + 3_600_000 });
    await fakeBrowser.storage.managed.set({ ...ACME, locks: ['snooze'] });
    await recompute();
    expect(await local(KEYS.snooze)).toBeUndefined();
    expect((await loadPublished()).status?.locks.snooze).toBe(true);
  });

  it('answers a refresh message from the options page', async () => {
    const store = startPolicyStore({ graceMs: 60_000 });
    stop = store.stop;
    await store.ready;
    await fakeBrowser.storage.local.remove(KEYS.effective);
    const res = await fakeBrowser.runtime.sendMessage({ type: 'postcheck:refresh-policy' });
    expect(res).toEqual({ ok: true });
    expect(await local(KEYS.effective)).toBeDefined();
  });

  it('Firefox without any policy: storage.managed.get throws, the store still publishes defaults', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await recompute();
    expect((await local(KEYS.status)).source).toBe('builtin');
    spy.mockRestore();
  });
});
