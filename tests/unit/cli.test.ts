import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Drives the real CLI the way a user does: a process, arguments, stdin, exit status.
const bin = join(__dirname, '../../cli/bin.mjs');
const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'postcheck-cli-'));
const file = (name: string, content: string) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
const policy = file('policy.json', JSON.stringify({ employer: { names: ['Acme'] }, confidential: { terms: ['Project Falcon'] } }));

describe('postcheck CLI', { timeout: 60_000 }, () => {
  it('check: exit 1 with the span marked and the reason, exit 0 when clean', () => {
    const bad = run(['check', '--policy', policy, 'Het IBAN van de klant: BE71 0961 2345 6769']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('[[BE71 0961 2345 6769]]');
    expect(bad.out).toMatch(/confidential/);
    const ok = run(['check', '--policy', policy, 'Wat een mooie dag aan zee!']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('No findings');
  });
  it('check --json and stdin (-)', () => {
    const r = run(['check', '--json', '--policy', policy, '-'], 'Project Falcon gaat live');
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.findings[0]).toMatchObject({ category: 'confidential', start: 0, end: 14 });
  });
  it('check --jsonl: one line per input in order; malformed lines reported, the rest processed', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Project Falcon' }),
      '{not json',
      JSON.stringify({ id: 'c', text: 'hello' }),
      JSON.stringify({ id: 'd', text: 42 }),
      JSON.stringify({ id: 'e', text: 'hallo', at: 'yesterday' }),
    ].join('\n');
    const r = run(['check', '--jsonl', '--policy', policy], input);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd', 'e']);
    expect(lines[0].findings).toHaveLength(1);
    expect(lines[1].error).toMatch(/^line 2: not valid JSON/);
    expect(lines[2].findings).toEqual([]);
    expect(lines[3].error).toMatch(/"text" must be a string/);
    expect(lines[4].error).toMatch(/not an ISO-8601/);
    expect(r.code).toBe(2);
  });
  it('validate: names errors by JSON path, exit 2; a valid policy exits 0', () => {
    const broken = file('broken.json', JSON.stringify({ workHours: { start: '8h', days: ['someday'] }, employer: { names: [1] } }));
    const r = run(['validate', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('$.workHours.start');
    expect(r.err).toContain('$.workHours.days[0]');
    expect(r.err).toContain('$.employer.names[0]');
    expect(run(['validate', policy]).code).toBe(0);
    expect(run(['validate', file('notjson.json', '{')]).code).toBe(2);
  });
  it('validate: a rule pack, with its errors by path', () => {
    const pack = file('pack.json', JSON.stringify({ id: 'x', category: 'hate', rules: [{ id: 'r', type: 'near', a: 'nope', examples: { match: [] } }] }));
    const r = run(['validate', pack]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('$.rules[0].a: unknown lexicon "nope"');
    expect(r.err).toContain('$.rules[0].b: is required');
  });
  it('test: runs the examples of a pack file, exit 1 on a failing example', () => {
    const pack = file('t.json', JSON.stringify({
      id: 'extra', category: 'confidential', message: { en: 'Secret!' },
      lexicons: { 'x-secret': { en: ['top secret'] } },
      rules: [{ id: 'secret', type: 'term', lexicon: 'x-secret', examples: { match: ['this is top secret', 'TOP SECRET stuff', 'a secret'], noMatch: ['no secrets', 'top of the secret list'] } }],
    }));
    const r = run(['test', pack]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL extra/secret: expected a match: "a secret"');
    expect(r.out).toContain('extra: 4/5 examples pass');
  });
  it('bad usage exits 2 with a message', () => {
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['check']).code).toBe(2);
    expect(run(['check', '--at', 'noon', 'x']).err).toMatch(/ISO-8601/);
    expect(run(['check', '--policy', join(tmp, 'missing.json'), 'x']).err).toMatch(/cannot read/);
  });
  it('survives empty, huge and binary input', () => {
    expect(run(['check', '-'], '').code).toBe(0);
    expect(run(['check', '-'], 'x'.repeat(100_000)).code).toBe(0);
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    expect([0, 1]).toContain(run(['check', '-'], junk).code);
  });
});
