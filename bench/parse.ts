/**
 * Parse benchmark: the five seeds (~10 KB each) cycled through the full parser (decode → tables → meta) in
 * one process for a few seconds, in rounds of 100 reports (~20 ms each, so every round carries its share of
 * garbage collection). Ends with the line `parse: N reports/s`, N being the median round's rate: the steady state
 * with its GC, robust to a burst of other work on the machine. The mean over the whole run (with the load average)
 * and the fastest round are printed above it.
 * "One core": `npm run bench:parse` runs Node with --single-threaded-gc, so the collector works on the parsing
 * thread instead of a second core, and the figure is what one core does.
 * Usage: npm run bench:parse [-- SECONDS]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { decodeInput } from '../lib/report-parser/decode';
import { parseReport } from '../lib/report-parser/index';
import { extractMeta } from '../lib/report-parser/meta';

const SEEDS = path.resolve(__dirname, '../../shared/seeds');

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 4);
  const inputs = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(SEEDS, f))) }));
  if (inputs.length === 0) throw new Error(`no seeds in ${SEEDS}`);

  // Warm-up: the gazetteer index and the JIT, so the figure is the steady state.
  for (let i = 0; i < 200; i++) {
    const input = inputs[i % inputs.length]!;
    const r = await parseReport(input.bytes, { fileName: input.name });
    if (!r.ok) throw new Error(`${input.name} did not parse: ${r.error.code}`);
  }

  let peakRss = process.memoryUsage().rss;
  let reports = 0;
  let bytes = 0;
  const ROUND = 100;
  const rounds: number[] = [];
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(seconds * 1e9));
  let roundStart = started;
  for (;;) {
    const input = inputs[reports % inputs.length]!;
    await parseReport(input.bytes, { fileName: input.name });
    reports++;
    bytes += input.bytes.length;
    if (reports % ROUND === 0) {
      const now = process.hrtime.bigint();
      rounds.push(Number(now - roundStart) / 1e9);
      // Reading the RSS takes ~20 µs (a /proc read): done between rounds, not inside the next one.
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      if (now >= deadline) break;
      roundStart = process.hrtime.bigint();
    }
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const avgKb = bytes / reports / 1024;
  // Where the time goes: the input side alone (decode, metadata) for the same inputs.
  const texts = inputs.map((i) => new TextDecoder().decode(i.bytes));
  const per = async (fn: (i: number) => unknown): Promise<number> => {
    const n = 2000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn(i % inputs.length);
    return Number(process.hrtime.bigint() - t0) / 1e3 / n;
  };
  const decodeUs = await per((i) => decodeInput(inputs[i]!.bytes, inputs[i]!.name));
  const metaUs = await per((i) => extractMeta(texts[i]!.split('\n'), texts[i]!));
  console.log(`reports: ${reports} in ${elapsed.toFixed(2)} s (average ${avgKb.toFixed(1)} KB)`);
  console.log(`per report: ${((elapsed * 1e6) / reports).toFixed(0)} µs total; decode ${decodeUs.toFixed(0)} µs, metadata ${metaUs.toFixed(0)} µs`);
  console.log(`throughput: ${(bytes / elapsed / 1024 / 1024).toFixed(2)} MB/s`);
  console.log(`peak rss: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(' ')} on this machine's cores`);
  console.log(`mean over the run: ${Math.round(reports / elapsed)} reports/s; process CPU ${((cpu.user + cpu.system) / reports).toFixed(0)} µs per report (GC threads included)`);
  rounds.sort((a, b) => a - b);
  const median = rounds[Math.floor(rounds.length / 2)] ?? elapsed;
  const fastest = rounds[0] ?? elapsed;
  const gc = process.execArgv.includes('--single-threaded-gc') ? 'single-threaded GC' : 'GC on helper threads too';
  console.log(`rounds of ${ROUND}: ${rounds.length}; fastest ${((fastest * 1e6) / ROUND).toFixed(0)} µs per report, median ${((median * 1e6) / ROUND).toFixed(0)} µs (${gc})`);
  console.log(`parse: ${Math.round(ROUND / median)} reports/s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
