/**
 * Ingest: files → parser → database, one transaction per report, idempotent by content hash. A file that fails
 * is recorded in ingest_failures with its bytes; the others go on.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { ingestFailures, reports } from '@/db/schema';
import { parseReport } from '@/lib/report-parser';
import type { ParseResult } from '@/lib/report-parser/types';
import { recordFailure } from './failures';
import { listInputFiles, sha256Hex } from './files';
import { acquireIngestLock, type LockOptions } from './lock';
import { loadRegions } from './regions';
import { noteStored } from './statistics';
import { findReportBySha, storeReport, UnstorableReportError, type StoreStatus } from './store';

export { IngestLockedError } from './lock';
export { loadRegions } from './regions';

export type IngestStatus = StoreStatus | 'failed';

export interface IngestOneResult {
  status: IngestStatus;
  reportId?: number;
  code?: string;
  message?: string;
}

export interface IngestFailureSummary {
  file: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  total: number;
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: IngestFailureSummary[];
  elapsedMs: number;
  /** Stopped early by the abort signal; the files not reached are neither stored nor failed. */
  interrupted: boolean;
}

export interface IngestProgress {
  done: number;
  total: number;
  file: string;
  result: IngestOneResult;
  summary: IngestSummary;
}

export type ParseFn = (bytes: Uint8Array, fileName: string) => Promise<ParseResult>;

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  /** Stop between reports (Ctrl-C): the report being stored commits or rolls back as a whole. */
  signal?: AbortSignal;
  synthetic?: boolean;
  lock?: LockOptions;
  /** The parser; parseReport by default. */
  parse?: ParseFn;
}

const MAX_KEPT_BYTES = 100 * 1024 * 1024;

const defaultParse: ParseFn = (bytes, fileName) => parseReport(bytes, { fileName });

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Stores one already-parsed input (generator, benchmark, or ingestFiles after parsing). */
export async function ingestParsed(
  db: Db,
  input: { fileName: string; bytes: Uint8Array; result: ParseResult; synthetic?: boolean; sha256?: string },
): Promise<IngestOneResult> {
  const { fileName, bytes, result } = input;
  const sha256 = input.sha256 ?? sha256Hex(bytes);
  const fail = async (code: string, message: string): Promise<IngestOneResult> => {
    await recordFailure(db, { fileName, sha256, bytes, code, message });
    return { status: 'failed', code, message };
  };
  if (!result.ok) return fail(result.error.code, result.error.message);
  try {
    const out = await storeReport(db, {
      fileName,
      sha256,
      format: result.format,
      encoding: result.encoding,
      text: result.text,
      report: result.report,
      synthetic: input.synthetic,
    });
    if (out.status !== 'unchanged') await noteStored(db);
    return { status: out.status, reportId: out.reportId };
  } catch (err) {
    if (err instanceof UnstorableReportError) return fail(err.code, err.message);
    return fail('store-failed', errorMessage(err));
  }
}

interface Prepared {
  file: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  /** Already stored from these bytes. */
  existingId: number | null;
  result?: ParseResult;
  readError?: string;
}

async function prepare(db: Db, file: string, parse: ParseFn): Promise<Prepared> {
  const fileName = path.basename(file);
  let bytes: Uint8Array;
  try {
    const { size } = await fs.stat(file);
    // Far past anything the parser accepts: keep the reason, not hundreds of megabytes in a table row.
    if (size > MAX_KEPT_BYTES) throw new Error(`the file has ${size} bytes; files over ${MAX_KEPT_BYTES} are not read`);
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (err) {
    const placeholder = new Uint8Array(0);
    // No bytes to hash: key the failure by path so that distinct unreadable files stay distinct.
    return { file, fileName, bytes: placeholder, sha256: sha256Hex(Buffer.from(`unreadable:${path.resolve(file)}`)), existingId: null, readError: errorMessage(err) };
  }
  const sha256 = sha256Hex(bytes);
  const existingId = await findReportBySha(db, sha256);
  if (existingId !== null) return { file, fileName, bytes, sha256, existingId };
  let result: ParseResult;
  try {
    result = await parse(bytes, fileName);
  } catch (err) {
    // The parser promises never to throw; if it does, that is a bug to record, not a reason to stop.
    result = { ok: false, error: { code: 'internal', message: errorMessage(err) } };
  }
  return { file, fileName, bytes, sha256, existingId: null, result };
}

function emptySummary(total: number): IngestSummary {
  return { total, new: 0, updated: 0, unchanged: 0, failed: 0, failures: [], elapsedMs: 0, interrupted: false };
}

/** Ingests files and folders (recursively). Takes the database's ingest lock for the whole run. */
export async function ingestFiles(db: Db, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const files = await listInputFiles(paths);
  const summary = emptySummary(files.length);
  await loadRegions(db);
  const lock = await acquireIngestLock(db, opts.lock);
  const started = performance.now(); // rates and ETA count the files, not the one-off regions load or a wait
  const parse = opts.parse ?? defaultParse;
  try {
    // Parse the next file while the current one is written: the database works on another core.
    let pending: Promise<Prepared> | null = files[0] ? prepare(db, files[0], parse) : null;
    for (let i = 0; i < files.length && pending; i++) {
      const prepared: Prepared = await pending;
      if (opts.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const nextFile = files[i + 1];
      pending = nextFile ? prepare(db, nextFile, parse) : null;
      let result: IngestOneResult;
      if (prepared.existingId !== null) {
        result = { status: 'unchanged', reportId: prepared.existingId };
      } else if (prepared.readError !== undefined) {
        await recordFailure(db, { fileName: prepared.fileName, sha256: prepared.sha256, bytes: prepared.bytes, code: 'read-failed', message: prepared.readError });
        result = { status: 'failed', code: 'read-failed', message: prepared.readError };
      } else {
        result = await ingestParsed(db, {
          fileName: prepared.fileName,
          bytes: prepared.bytes,
          sha256: prepared.sha256,
          result: prepared.result as ParseResult,
          synthetic: opts.synthetic,
        });
      }
      summary[result.status] += 1;
      if (result.status === 'failed') {
        summary.failures.push({ file: prepared.file, code: result.code ?? 'unknown', message: result.message ?? '' });
      }
      summary.elapsedMs = performance.now() - started;
      opts.onProgress?.({ done: i + 1, total: files.length, file: prepared.file, result, summary });
    }
    if (pending) await pending.catch(() => undefined); // settle the read-ahead before releasing the database
  } finally {
    await lock.release();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** data/samples, found from the working directory upwards. */
export async function samplesDir(): Promise<string | null> {
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, 'data', 'samples');
    try {
      if ((await fs.stat(candidate)).isDirectory()) return candidate;
    } catch {
      /* keep looking */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * For `npm start`: a database with no real reports (and no recorded failures) gets the sample set, so a fresh
 * install shows something. Returns null when nothing was done.
 */
export async function loadSamplesIfEmpty(db: Db, opts: IngestOptions = {}): Promise<IngestSummary | null> {
  await loadRegions(db);
  const [r] = await db.select({ n: count() }).from(reports).where(eq(reports.synthetic, false));
  const [f] = await db.select({ n: count() }).from(ingestFailures);
  if ((r?.n ?? 0) > 0 || (f?.n ?? 0) > 0) return null;
  const dir = await samplesDir();
  if (!dir) return null;
  return ingestFiles(db, [dir], opts);
}
