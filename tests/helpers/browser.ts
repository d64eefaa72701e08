/**
 * Debian's Chromium driven by playwright-core (no browser download: the project uses the system package).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk`,
    );
  }
}

/** A new Chromium process; the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A Chromium that several processes connect to (the e2e global setup shares one across test files). */
export async function launchBrowserServer(): Promise<BrowserServer> {
  assertChromium();
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** "Chromium 1xx.0.…" as the installed binary reports it. */
export function chromiumVersion(): string {
  assertChromium();
  // stderr: Debian's wrapper script prints a harmless shell warning on some machines.
  return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}
