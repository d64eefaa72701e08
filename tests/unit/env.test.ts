/**
 * lib/env.ts: every setting's default, and a clear message (not a stack trace) for each malformed value.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/env';

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('defaults to PGlite under ./data, 127.0.0.1:3000', () => {
    const e = parseEnv({});
    expect(e.databaseUrl).toBeUndefined();
    expect(e.databaseReadUrl).toBeUndefined();
    expect(e.port).toBe(3000);
    expect(e.host).toBe('127.0.0.1');
    expect(e.dataDir).toBe(path.resolve('data'));
    expect(e.pgliteDir).toBe(path.join(path.resolve('data'), 'pglite'));
    expect(e.siteUrl).toBe('http://localhost:3000');
    expect(e.distDir).toBe('.next');
    expect(e.includeSynthetic).toBe(false);
  });

  it('accepts a full configuration', () => {
    const e = parseEnv({
      DATABASE_URL: 'postgres://u:p@db.internal:5433/gongkai',
      DATABASE_READ_URL: 'postgresql://ro@replica/gongkai',
      PORT: ' 8080 ',
      HOST: '0.0.0.0',
      GONGKAI_DATA_DIR: '/var/lib/gongkai',
      SITE_URL: 'https://gongkai.example.org/',
      NODE_ENV: 'production',
      GONGKAI_DIST_DIR: '.next-bench',
      GONGKAI_INCLUDE_SYNTHETIC: '1',
    });
    expect(e.databaseUrl).toBe('postgres://u:p@db.internal:5433/gongkai');
    expect(e.databaseReadUrl).toBe('postgresql://ro@replica/gongkai');
    expect(e.port).toBe(8080);
    expect(e.host).toBe('0.0.0.0');
    expect(e.dataDir).toBe('/var/lib/gongkai');
    expect(e.pgliteDir).toBe('/var/lib/gongkai/pglite');
    expect(e.siteUrl).toBe('https://gongkai.example.org');
    expect(e.nodeEnv).toBe('production');
    expect(e.distDir).toBe('.next-bench');
    expect(e.includeSynthetic).toBe(true);
  });

  it('treats blank values as unset', () => {
    const e = parseEnv({ DATABASE_URL: '  ', PORT: '', SITE_URL: '' });
    expect(e.databaseUrl).toBeUndefined();
    expect(e.port).toBe(3000);
  });

  it.each([
    ['mysql://u@h/db', 'a non-postgres scheme'],
    ['localhost:5432/gongkai', 'no scheme'],
    ['postgres://', 'no host'],
    ['not a url', 'plain text'],
  ])('rejects DATABASE_URL=%s (%s) naming the variable and the expected form', (url) => {
    const problems = problemsOf({ DATABASE_URL: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL: must be a URL like postgres:\/\//);
  });

  it.each([
    ['abc', /whole number/],
    ['30.5', /whole number/],
    ['-1', /whole number/],
    ['0', /between 1 and 65535/],
    ['70000', /between 1 and 65535/],
  ])('rejects PORT=%s', (port, message) => {
    const problems = problemsOf({ PORT: port });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: /);
    expect(problems[0]).toMatch(message);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ DATABASE_URL: 'nope', PORT: 'x', SITE_URL: 'example.org', GONGKAI_INCLUDE_SYNTHETIC: 'yes' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['DATABASE_URL', 'GONGKAI_INCLUDE_SYNTHETIC', 'PORT', 'SITE_URL'].sort(),
    );
  });

  it('accepts the spellings of GONGKAI_INCLUDE_SYNTHETIC', () => {
    expect(parseEnv({ GONGKAI_INCLUDE_SYNTHETIC: 'true' }).includeSynthetic).toBe(true);
    expect(parseEnv({ GONGKAI_INCLUDE_SYNTHETIC: 'false' }).includeSynthetic).toBe(false);
    expect(parseEnv({ GONGKAI_INCLUDE_SYNTHETIC: '0' }).includeSynthetic).toBe(false);
  });
});

describe('envOrExit', () => {
  // A child process, because envOrExit exits: the message and code are what a user of `npm start` sees.
  function runEnvOrExit(extra: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-env-'));
    const script = path.join(dir, 'main.ts');
    const envModule = JSON.stringify(path.resolve('lib/env.ts'));
    fs.writeFileSync(script, `import { envOrExit } from ${envModule};\nconsole.log('port', envOrExit().port);\n`);
    try {
      return spawnSync(process.execPath, ['--import', 'tsx', script], {
        encoding: 'utf8',
        env: { ...process.env, ...extra },
        timeout: 30_000,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('prints what is wrong and exits 2 without a stack trace', () => {
    const r = runEnvOrExit({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gongkai: Invalid configuration:');
    expect(r.stderr).toContain('DATABASE_URL: must be a URL like postgres://');
    expect(r.stderr).toContain('PORT: must be a whole number');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('returns the configuration when it is valid', () => {
    const r = runEnvOrExit({ PORT: '4321' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('port 4321');
  });
});
