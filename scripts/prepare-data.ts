/**
 * `tsx scripts/prepare-data.ts`: migrate the configured database and load the samples when it is empty, then exit.
 * The test and benchmark harnesses run this in a child process with their own GONGKAI_DATA_DIR / DATABASE_URL.
 * Exits 1 when a sample failed to load, so a harness does not test against a half-loaded database.
 */
import { envOrExit } from '@/lib/env';
import { setUpDatabase } from './database-setup';

async function main(): Promise<void> {
  envOrExit();
  const result = await setUpDatabase((line) => process.stdout.write(`${line}\n`));
  if (result.samplesFailed > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`prepare-data: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
