/**
 * Which files an ingest reads: the paths given, and inside folders (recursively) the report formats.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx'] as const;

export function isReportFile(file: string): boolean {
  return (REPORT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/**
 * Expands paths into files, sorted within each folder so that runs are reproducible. A file named explicitly is
 * always included (the parser decides whether it is a report); inside folders only report formats are.
 */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && isReportFile(e.name)) out.push(full);
    }
  };
  for (const p of paths) {
    const stat = await fs.stat(p); // a missing path is the caller's error, not a report failure
    if (stat.isDirectory()) await walk(p);
    else out.push(p);
  }
  return out;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
