/**
 * The system packages the tests need: Debian's Chromium, a CJK font (Chinese pages otherwise render as boxes) and
 * the PostgreSQL server binaries. As root, missing ones are installed with apt-get; otherwise we stop and say
 * exactly what to install. `tsx scripts/ensure-system-deps.ts` runs the check alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface SystemDep {
  name: string;
  aptPackage: string;
  present: () => boolean;
}

export const CHROMIUM: SystemDep = {
  name: 'Chromium (/usr/bin/chromium)',
  aptPackage: 'chromium',
  present: () => fs.existsSync('/usr/bin/chromium'),
};

export const CJK_FONT: SystemDep = {
  name: 'a CJK font (fc-list :lang=zh)',
  aptPackage: 'fonts-noto-cjk',
  present: () => {
    const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.trim() !== '';
  },
};

/** Newest /usr/lib/postgresql/<version>/bin holding initdb, or undefined. */
export function postgresBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : undefined;
}

export const POSTGRES_SERVER: SystemDep = {
  name: 'the PostgreSQL server (/usr/lib/postgresql/*/bin/initdb)',
  aptPackage: 'postgresql',
  present: () => postgresBinDir() !== undefined,
};

export const ALL_DEPS = [CHROMIUM, CJK_FONT, POSTGRES_SERVER];

export class MissingSystemDepsError extends Error {}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs what is missing (as root) or throws MissingSystemDepsError naming the apt-get command. */
export function ensureSystemDeps(deps: SystemDep[] = ALL_DEPS, say: (line: string) => void = console.log): void {
  const missing = deps.filter((d) => !d.present());
  if (missing.length === 0) return;
  const pkgs = missing.map((d) => d.aptPackage);
  const what = missing.map((d) => d.name).join(', ');
  if (!isRoot) {
    throw new MissingSystemDepsError(
      `missing ${what}. Install with:\n  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}\nthen run the tests again.`,
    );
  }
  say(`system: installing ${pkgs.join(' ')} (missing ${what})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', ...pkgs], { stdio: 'inherit', env });
  } catch (err) {
    throw new MissingSystemDepsError(`apt-get install -y ${pkgs.join(' ')} failed: ${(err as Error).message}`);
  }
  const still = missing.filter((d) => !d.present());
  if (still.length > 0) {
    throw new MissingSystemDepsError(`still missing after apt-get: ${still.map((d) => d.name).join(', ')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  try {
    ensureSystemDeps();
    console.log('system: chromium, CJK font and PostgreSQL server present');
  } catch (err) {
    console.error(`system: ${(err as Error).message}`);
    process.exit(1);
  }
}
