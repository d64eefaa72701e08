/**
 * `npm start`: validate the configuration, migrate the database and load the samples when it is empty, build when
 * there is no current build, then hand over to `next start` (signals forwarded, its exit code returned).
 */
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { envOrExit } from '@/lib/env';
import { isBuildCurrent, markBuildCurrent, sourceHash } from './build-cache';
import { setUpDatabase } from './database-setup';

const say = (line: string) => process.stdout.write(`gongkai: ${line}\n`);

function fail(message: string): never {
  process.stderr.write(`gongkai: ${message}\n`);
  process.exit(1);
}

/** Fails before the slow steps rather than after them when the port is taken. */
function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') fail(`port ${port} on ${host} is in use; stop what uses it or set PORT=…`);
      fail(`cannot listen on ${host}:${port}: ${err.message}`);
    });
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const e = envOrExit();
  await assertPortFree(e.host, e.port);

  try {
    await setUpDatabase(say);
  } catch (err) {
    fail(`database setup failed: ${err instanceof Error ? err.message : String(err)}`);
  }

  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };
  if (isBuildCurrent(e.distDir)) {
    say(`build: ${e.distDir} is current`);
  } else {
    say(`build: building into ${e.distDir} (a minute or two, once)…`);
    const hash = sourceHash();
    const t = Date.now();
    const r = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv });
    if (r.status !== 0) fail(`next build failed (exit ${r.status ?? r.signal})`);
    markBuildCurrent(e.distDir, hash);
    say(`build: done in ${Math.round((Date.now() - t) / 1000)} s`);
  }

  const shownHost = e.host === '0.0.0.0' || e.host === '::' ? 'localhost' : e.host;
  say(`serving on http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${e.port}/ (Ctrl-C to stop)`);
  const child = spawn(process.execPath, [nextBin, 'start', '-H', e.host, '-p', String(e.port)], {
    stdio: 'inherit',
    env: childEnv,
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (child.exitCode === null) child.kill(sig);
    });
  }
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1) : 1));
  });
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
