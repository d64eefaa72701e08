/**
 * Concurrent ingest of a generated stream, as both benchmarks load it: one agency's consecutive reports go to one
 * worker, in order, as a folder ingested by `gongkai ingest` would be. Otherwise two in-flight reports of one
 * agency race: each misses the other's identity 7, both try to create the agency, and their transactions wait on
 * each other until PostgreSQL's deadlock detector (1 s) aborts one. At most `concurrency` groups of a few reports
 * are held at a time, whatever the stream's length.
 */
import type { SyntheticReport } from '../lib/synthetic/index';

export async function forEachByAgency(
  reports: Iterator<SyntheticReport>,
  concurrency: number,
  handle: (r: SyntheticReport) => Promise<void>,
): Promise<void> {
  let pending: SyntheticReport | undefined;
  const pull = (): SyntheticReport | undefined => {
    const next = reports.next();
    return next.done ? undefined : next.value;
  };
  const nextGroup = (): SyntheticReport[] => {
    const first = pending ?? pull();
    pending = undefined;
    if (!first) return [];
    const group = [first];
    for (;;) {
      const r = pull();
      if (!r) break;
      if (r.truth.agencyName !== first.truth.agencyName) {
        pending = r;
        break;
      }
      group.push(r);
    }
    return group;
  };
  const worker = async () => {
    for (let group = nextGroup(); group.length > 0; group = nextGroup()) {
      for (const r of group) await handle(r);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
