#!/usr/bin/env node
// Runs cli/gongkai.ts through tsx in a child Node process, forwarding arguments, exit code and signals.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'cli', 'gongkai.ts');
// Resolve tsx from this package, not from the caller's working directory.
const tsx = import.meta.resolve('tsx');

// tsx looks for tsconfig.json (the `@/` path alias) in the working directory; point it at the package's own.
const env = { ...process.env, TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? path.join(root, 'tsconfig.json') };

const child = spawn(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], { stdio: 'inherit', env });

const forward = (signal) => () => {
  if (!child.killed) child.kill(signal);
};
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const s of signals) process.on(s, forward(s));

child.on('error', (err) => {
  process.stderr.write(`gongkai: could not start node: ${err.message}\n`);
  process.exit(70);
});
child.on('exit', (code, signal) => {
  if (signal) {
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
