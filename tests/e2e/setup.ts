/**
 * Global setup of the browser tests. Under `npm test` the harness has already built and started the portal and
 * passes BASE_URL; run alone (`npx vitest run -c vitest.e2e.config.ts`) it starts its own: a build in .next-test,
 * a fresh data dir with the sample reports, `next start` on a free port. Either way one Chromium is shared by all
 * test files.
 */
import type { TestProject } from 'vitest/node';
import { launchBrowserServer } from '../helpers/browser';
import { startTestPortal } from '../helpers/server';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  // The harness's hand-off, not app configuration (which lib/env.ts owns). Vite itself sets BASE_URL to '/' (its
  // public base path), so only an absolute URL counts.
  let base = /^https?:\/\//.test(process.env.BASE_URL ?? '') ? process.env.BASE_URL : undefined;
  if (!base) {
    process.stdout.write('e2e setup: no BASE_URL, building and starting a portal with the sample data…\n');
    const portal = await startTestPortal();
    cleanups.push(portal.stop);
    base = portal.url;
  }
  try {
    const server = await launchBrowserServer();
    cleanups.unshift(() => server.close());
    project.provide('baseUrl', base);
    project.provide('browserWsEndpoint', server.wsEndpoint());
  } catch (err) {
    for (const c of cleanups) await c();
    throw err;
  }
  return async () => {
    for (const c of cleanups) await c().catch(() => {});
  };
}
