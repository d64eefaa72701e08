/**
 * Configuration, validated once. Nothing else in the project reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a URL like postgres://user:password@host:5432/dbname');

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_READ_URL: postgresUrl.optional(),
  PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, 'must be between 1 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  GONGKAI_DATA_DIR: z.string().trim().min(1).default('data'),
  SITE_URL: z
    .string()
    .trim()
    .url('must be an absolute URL like https://gongkai.example.org')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  GONGKAI_DIST_DIR: z.string().trim().min(1).default('.next'),
  GONGKAI_INCLUDE_SYNTHETIC: z
    .enum(['0', '1', 'true', 'false'], 'must be 1, 0, true or false')
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

export type Env = {
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  port: number;
  host: string;
  /** Absolute path of the data directory (PGlite database, ingest scratch space). */
  dataDir: string;
  /** Absolute path of the embedded database inside dataDir. */
  pgliteDir: string;
  /** Public origin used in canonical URLs, sitemaps and feeds, without a trailing slash. */
  siteUrl: string;
  nodeEnv: 'development' | 'production' | 'test';
  /** Next's build directory relative to the project (next.config.js reads the same variable). */
  distDir: string;
  /**
   * bench:web only: pages, rankings and the API show synthetic (benchmark) agencies and reports, which they leave
   * out by default. Query helpers take `includeSynthetic` and pages pass env().includeSynthetic.
   */
  includeSynthetic: boolean;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function blankToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(source)) out[k] = v === undefined || v.trim() === '' ? undefined : v;
  return out;
}

/** Validates a configuration source; throws ConfigError listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(blankToUndefined(source));
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = result.data;
  const dataDir = path.resolve(e.GONGKAI_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    siteUrl: (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    nodeEnv: e.NODE_ENV,
    distDir: e.GONGKAI_DIST_DIR,
    includeSynthetic: e.GONGKAI_INCLUDE_SYNTHETIC,
  };
}

let cached: Env | undefined;

/** The process configuration, validated on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For command-line entry points: validate now, or print the problems and exit non-zero without a stack trace. */
export function envOrExit(): Env {
  try {
    return env();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`gongkai: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
