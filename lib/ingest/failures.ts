/**
 * ingest_failures: a file that could not be parsed or stored keeps its bytes and its reason, so nothing is lost
 * and it can be retried when the parser improves.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { ingestFailures } from '@/db/schema';

export interface FailureInput {
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
  code: string;
  message: string;
}

/** Records (or re-records) a failure; the same bytes failing again update the reason and count the attempt. */
export async function recordFailure(db: Db, f: FailureInput): Promise<void> {
  const message = f.message.slice(0, 4000);
  await db
    .insert(ingestFailures)
    .values({ fileName: f.fileName, sha256: f.sha256, size: f.bytes.byteLength, code: f.code, message, bytes: f.bytes })
    .onConflictDoUpdate({
      target: ingestFailures.sha256,
      set: {
        fileName: f.fileName,
        code: f.code,
        message,
        attempts: sql`${ingestFailures.attempts} + 1`,
        updatedAt: sql`now()`,
      },
    });
}
