/**
 * "Is the build current?": a hash of everything that goes into `next build`, stored in the build directory after
 * a successful build. `npm start` and the test harness rebuild only when it differs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const INPUTS = [
  'package-lock.json',
  'next.config.js',
  'proxy.ts',
  'tsconfig.json',
  'app',
  'components',
  'lib',
  'db',
  'messages',
  'public',
];
const STAMP = 'gongkai-build-hash';

function walk(root: string, rel: string, out: string[]): void {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return;
  const st = fs.statSync(abs);
  if (st.isFile()) {
    out.push(rel);
    return;
  }
  if (!st.isDirectory()) return;
  for (const name of fs.readdirSync(abs).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    walk(root, path.join(rel, name), out);
  }
}

/** Hash of the build inputs under `root` (paths and contents). */
export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(root, input, files);
  const h = createHash('sha256');
  for (const rel of files) {
    h.update(rel.split(path.sep).join('/'));
    h.update('\0');
    h.update(fs.readFileSync(path.join(root, rel)));
    h.update('\0');
  }
  return h.digest('hex');
}

function stampPath(distDir: string, root: string): string {
  return path.join(path.resolve(root, distDir), STAMP);
}

/** True when `distDir` holds a finished build of the current sources. */
export function isBuildCurrent(distDir: string, root = process.cwd()): boolean {
  const stamp = stampPath(distDir, root);
  // BUILD_ID is written by next build only when it succeeds.
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(path.resolve(root, distDir), 'BUILD_ID'))) return false;
  return fs.readFileSync(stamp, 'utf8').trim() === sourceHash(root);
}

/** Records that `distDir` now holds a build of sources with this hash. */
export function markBuildCurrent(distDir: string, hash: string, root = process.cwd()): void {
  fs.writeFileSync(stampPath(distDir, root), `${hash}\n`);
}
