import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.resolve(ROOT, '../shared/seeds/000_d0c4e47c7a6f8a9c.txt');
const tmp = mkdtempSync(path.join(tmpdir(), 'gongkai-cli-'));
const BAD = path.join(tmp, 'random.bin');
writeFileSync(BAD, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251)));

/** Runs the real shim from another working directory, as `npx gongkai` would. */
function gongkai(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/gongkai.mjs'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gongkai parse', () => {
  it('one good file: pretty JSON per the contract, exit 0', () => {
    const r = gongkai('parse', SEED);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(10); // pretty-printed
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      file: '000_d0c4e47c7a6f8a9c.txt',
      ok: true,
      report: { agencyName: '鲤城区人民政府', regionCode: '350502', year: 2022, template: '2021', feesCollectedYuan: 0 },
    });
    expect(doc.report.applications.newReceived.total).toBe(50);
  }, 60_000);

  it('several files: one document per line, exit 1 after printing all when one fails', () => {
    const r = gongkai('parse', SEED, BAD, path.join(tmp, 'missing.txt'));
    expect(r.code).toBe(1);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => [d.file, d.ok, d.error?.code])).toEqual([
      ['000_d0c4e47c7a6f8a9c.txt', true, undefined],
      ['random.bin', false, 'binary'],
      ['missing.txt', false, 'unreadable'],
    ]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  }, 60_000);

  it('usage errors and help', () => {
    expect(gongkai('parse').code).toBe(2);
    expect(gongkai('frobnicate').code).toBe(2);
    const help = gongkai('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('parse');
    expect(gongkai('parse', '--help').stdout).toContain('Usage: gongkai parse');
  }, 60_000);
});
