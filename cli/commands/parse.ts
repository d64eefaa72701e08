/**
 * `gongkai parse FILE…`: one JSON document per file ({file, ok, report} or {file, ok:false, error}), pretty for
 * one file, one per line for several; exit code 1 when any file failed, after all are printed.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseReport } from '../../lib/report-parser/index';
import { MAX_BINARY_BYTES } from '../../lib/report-parser/decode';
import type { ParsedReport, ParseError } from '../../lib/report-parser/types';

export const summary = 'parse report files (text, HTML, PDF, DOCX) and print the JSON contract';
export const usage = [
  'Usage: gongkai parse FILE… [--compact]',
  '',
  'Prints one JSON document per file: {"file","ok":true,"report"} or {"file","ok":false,"error":{code,message}}.',
  'One file: pretty-printed. Several files (or --compact): one document per line.',
  'Exit code: 0 when every file parsed, 1 when any failed, 2 on a usage error.',
].join('\n');

export type ParseDocument =
  | { file: string; ok: true; report: ParsedReport }
  | { file: string; ok: false; error: ParseError };

async function readLimited(file: string): Promise<Uint8Array | ParseError> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { code: 'unreadable', message: 'not a regular file' };
    // Refuse before reading: a huge file must not be loaded only to be rejected.
    if (info.size > MAX_BINARY_BYTES) {
      return { code: 'too-large', message: `the file has ${info.size} bytes; the limit is ${MAX_BINARY_BYTES}` };
    }
    const handle = await open(file, 'r');
    try {
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(e);
    return { code: 'unreadable', message: why };
  }
}

/** Parse one file into its JSON document; never throws. */
export async function parseFile(file: string): Promise<ParseDocument> {
  const name = path.basename(file);
  const bytes = await readLimited(file);
  if (!(bytes instanceof Uint8Array)) return { file: name, ok: false, error: bytes };
  try {
    const result = await parseReport(bytes, { fileName: name });
    return result.ok ? { file: name, ok: true, report: result.report } : { file: name, ok: false, error: result.error };
  } catch (e) {
    return { file: name, ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}

export async function run(args: string[]): Promise<number> {
  const compact = args.includes('--compact');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--compact' && a !== '-');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length === 0) {
    process.stderr.write(`${unknown.length > 0 ? `unknown option ${unknown[0]}\n` : ''}${usage}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const doc = await parseFile(file);
    if (!doc.ok) failed++;
    const json = files.length === 1 && !compact ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
    process.stdout.write(json + '\n');
  }
  return failed > 0 ? 1 : 0;
}
