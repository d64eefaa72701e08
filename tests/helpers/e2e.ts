/**
 * Helpers for tests/e2e (run by vitest.e2e.config.ts). The global setup (tests/e2e/setup.ts) provides the portal's
 * URL and one shared Chromium; a test file imports what it needs from here:
 *
 *   const { page, errors } = await newPage();
 *   const res = await page.goto(url('/zh/agencies/some-slug'));
 *   expect(res?.status()).toBe(200);
 *   expect(errors).toEqual([]);
 *   await screenshot(page, 'agency-zh');
 *
 * Pages and the browser connection are closed after the file's tests (afterAll registered below).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';
import { launchBrowser } from './browser';

export { launchBrowser } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT of the portal under test, without a trailing slash. */
    baseUrl: string;
    /** WebSocket endpoint of the shared Chromium started by the global setup. */
    browserWsEndpoint: string;
  }
}

/** The portal under test, e.g. http://127.0.0.1:41234 (no trailing slash). */
export function baseUrl(): string {
  const v = inject('baseUrl');
  if (!v) throw new Error('baseUrl not provided: run e2e tests with `npx vitest run -c vitest.e2e.config.ts`');
  return v.replace(/\/+$/, '');
}

/** An absolute URL on the portal under test: url('/zh/ranking?year=2023'). */
export function url(pathname: string): string {
  return baseUrl() + (pathname.startsWith('/') ? pathname : `/${pathname}`);
}

let shared: Promise<Browser> | undefined;
const contexts = new Set<BrowserContext>();

/** The Chromium shared by all e2e files (connected once per file). */
export function browser(): Promise<Browser> {
  if (!shared) {
    const ws = inject('browserWsEndpoint');
    shared = ws ? chromium.connect(ws) : launchBrowser();
  }
  return shared;
}

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  contexts.clear();
  if (shared) {
    const b = await shared.catch(() => undefined);
    shared = undefined;
    await b?.close().catch(() => {});
  }
});

export interface TrackedPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far, as text. Assert `toEqual([])`. */
  errors: string[];
  close(): Promise<void>;
}

export interface NewPageOptions {
  viewport?: { width: number; height: number };
  /** Disable JavaScript to check that a page works without it. */
  javaScriptEnabled?: boolean;
  /** Console errors matching one of these are expected (e.g. the 404 of a page under test) and not recorded. */
  ignoreErrors?: RegExp[];
}

/** A page in its own browser context that records console errors and page errors. */
export async function newPage(opts: NewPageOptions = {}): Promise<TrackedPage> {
  const b = await browser();
  const context = await b.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  contexts.add(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const ignored = (text: string) => (opts.ignoreErrors ?? []).some((re) => re.test(text));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const text = `console.error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`;
    if (!ignored(text)) errors.push(text);
  });
  page.on('pageerror', (err) => {
    const text = `pageerror: ${err.message}`;
    if (!ignored(text)) errors.push(text);
  });
  return {
    page,
    errors,
    close: async () => {
      contexts.delete(context);
      await context.close();
    },
  };
}

/**
 * Waits until the page has been network-idle for a moment (bounded), so that late errors (failed prefetches,
 * hydration) are in `errors` before a test asserts on them.
 */
export async function settle(page: Page, timeoutMs = 5000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => {});
}

/** Full-page PNG in artifacts/screenshots/<name>.png (kept by CI as evidence); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(process.cwd(), 'artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface FetchedText {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
}

/** GET (or other method) a path on the portal without a browser; redirects are not followed unless asked. */
export async function fetchText(pathname: string, init: RequestInit = {}): Promise<FetchedText> {
  const res = await fetch(url(pathname), { redirect: 'manual', ...init });
  const text = await res.text();
  return { status: res.status, headers: res.headers, contentType: res.headers.get('content-type') ?? '', text };
}

/** fetchText + JSON.parse, for the API. */
export async function fetchJson<T = unknown>(pathname: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const r = await fetchText(pathname, init);
  return { status: r.status, body: JSON.parse(r.text) as T };
}
