/**
 * `gongkai generate`: writes synthetic reports (benchmarks, scale tests) and their ground truth.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LAYOUTS, generateReports, type Layout } from '../../lib/synthetic/index';

export const summary = 'write deterministic synthetic reports (for benchmarks and tests only)';
export const usage = [
  'Usage: gongkai generate --reports N --out DIR [--seed S] [--layouts a,b,…] [--break-rate R] [--truth]',
  '',
  `Layouts: ${LAYOUTS.join(', ')} (all by default, in turn).`,
  '--break-rate  share of reports with one or two failing identities (default 0.1)',
  '--truth       also write DIR/truth.jsonl: {file, layout, broken, report} per line (the expected ParsedReport)',
  'Ingest them with `gongkai ingest --synthetic DIR` so they are never shown as real data.',
].join('\n');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<number> {
  const reports = Number(option(args, '--reports'));
  const out = option(args, '--out');
  const seed = Number(option(args, '--seed') ?? '1');
  const breakRate = Number(option(args, '--break-rate') ?? '0.1');
  const layouts = (option(args, '--layouts')?.split(',').filter(Boolean) ?? []) as Layout[];
  const bad = layouts.find((l) => !(LAYOUTS as readonly string[]).includes(l));
  if (!Number.isInteger(reports) || reports < 0 || !out || !Number.isInteger(seed) || bad || !(breakRate >= 0 && breakRate <= 1)) {
    process.stderr.write(`gongkai generate: ${bad ? `unknown layout ${bad}` : 'bad or missing options'}\n${usage}\n`);
    return 2;
  }
  fs.mkdirSync(out, { recursive: true });
  const truth = args.includes('--truth') ? fs.openSync(path.join(out, 'truth.jsonl'), 'w') : null;
  try {
    for (const r of generateReports(reports, { seed, breakRate, layouts })) {
      fs.writeFileSync(path.join(out, r.fileName), r.bytes);
      if (truth !== null) {
        fs.writeSync(truth, `${JSON.stringify({ file: r.fileName, layout: r.layout, broken: r.broken, report: r.truth })}\n`);
      }
    }
  } finally {
    if (truth !== null) fs.closeSync(truth);
  }
  process.stdout.write(`${reports} synthetic reports written to ${out}\n`);
  return 0;
}
