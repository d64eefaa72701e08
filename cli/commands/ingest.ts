/**
 * `gongkai ingest PATH…`: files and folders into the database, with a progress bar on a terminal and plain lines
 * otherwise; a summary at the end; exit 1 when any file failed.
 */
import { closeDb, createDb } from '../../db/index';
import { migrate } from '../../db/migrate';
import { envOrExit } from '../../lib/env';
import { IngestLockedError, ingestFiles, type IngestProgress, type IngestSummary } from '../../lib/ingest/index';

export const summary = 'store report files and folders in the database (idempotent; failures kept with their bytes)';
export const usage = [
  'Usage: gongkai ingest PATH… [--no-wait] [--synthetic] [--quiet]',
  '',
  'Reads .txt .md .html .htm .pdf .docx files (folders recursively), parses them and stores each report in its own',
  'transaction. Same bytes again: unchanged. A changed report for the same agency and year: a new revision.',
  'A file that cannot be parsed or stored is recorded in ingest_failures with its bytes; the others go on.',
  '',
  '--no-wait    refuse at once when another ingest holds the database (default: wait for it, PostgreSQL only)',
  '--synthetic  mark the reports as synthetic (generated test data, never shown as real)',
  '--quiet      no progress output, only the summary',
  '',
  'Exit code: 0 all stored or unchanged; 1 some files failed; 2 usage error; 75 database busy; 130 interrupted.',
].join('\n');

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

function counts(s: IngestSummary): string {
  return `new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed}`;
}

function progressReporter(quiet: boolean): (p: IngestProgress) => void {
  if (quiet) return () => {};
  if (!process.stdout.isTTY) {
    return (p) => {
      const r = p.result;
      const why = r.status === 'failed' ? ` (${r.code}: ${r.message})` : '';
      process.stdout.write(`[${p.done}/${p.total}] ${r.status.padEnd(9)} ${p.file}${why}\n`);
    };
  }
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 100 && p.done < p.total) return; // redraw at most ten times a second
    last = now;
    const rate = p.done / Math.max(p.summary.elapsedMs / 1000, 1e-3);
    const eta = (p.total - p.done) / rate;
    const width = Math.max(10, Math.min(40, (process.stdout.columns ?? 80) - 70));
    const filled = Math.round((p.done / Math.max(p.total, 1)) * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    process.stdout.write(
      `\r[${bar}] ${p.done}/${p.total} ${rate.toFixed(1)} files/s ETA ${formatDuration(eta)}  ${counts(p.summary)}\x1b[K`,
    );
  };
}

function printSummary(s: IngestSummary): void {
  if (process.stdout.isTTY) process.stdout.write('\n');
  const secs = s.elapsedMs / 1000;
  const processed = s.new + s.updated + s.unchanged + s.failed;
  process.stdout.write(
    `${s.interrupted ? 'interrupted: ' : ''}${processed}/${s.total} files in ${secs.toFixed(1)} s ` +
      `(${(processed / Math.max(secs, 1e-3)).toFixed(1)} files/s): ${counts(s)}\n`,
  );
  const shown = s.failures.slice(0, 50);
  for (const f of shown) process.stdout.write(`  failed ${f.file}: ${f.code} — ${f.message}\n`);
  if (s.failures.length > shown.length) process.stdout.write(`  … and ${s.failures.length - shown.length} more\n`);
}

export async function run(args: string[]): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const paths = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !['--no-wait', '--synthetic', '--quiet'].includes(f));
  if (paths.length === 0 || unknown.length > 0) {
    process.stderr.write(`gongkai ingest: ${unknown.length ? `unknown option ${unknown[0]}` : 'no PATH given'}\n${usage}\n`);
    return 2;
  }
  const e = envOrExit();
  const db = createDb({ url: e.databaseUrl, pgliteDir: e.pgliteDir });
  const controller = new AbortController();
  // First Ctrl-C: finish (commit or roll back) the report in hand, then stop. Second: leave at once; the open
  // transaction is rolled back by the database.
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\ngongkai ingest: ${signal}, stopping after the current report (again to quit now)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await migrate(db);
    const s = await ingestFiles(db, paths, {
      signal: controller.signal,
      synthetic: flags.has('--synthetic'),
      lock: {
        wait: !flags.has('--no-wait'),
        onWait: () => process.stderr.write('gongkai ingest: another ingest is running; waiting for it to finish…\n'),
      },
      onProgress: progressReporter(flags.has('--quiet')),
    });
    printSummary(s);
    if (s.interrupted) return 130;
    return s.failed > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof IngestLockedError) {
      process.stderr.write(`gongkai ingest: ${err.message}\n`);
      return 75;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`gongkai ingest: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await closeDb(db);
  }
}
