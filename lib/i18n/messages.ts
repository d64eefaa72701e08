import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './routing';

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/**
 * Messages live in messages/<locale>/<namespace>.json, one file per namespace so that each part of the site owns
 * its strings; they are merged here into one object keyed by namespace.
 */
export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(process.cwd(), 'messages', locale);
  const merged: Messages = {};
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    merged[file.slice(0, -'.json'.length)] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  cache.set(locale, merged);
  return merged;
}
