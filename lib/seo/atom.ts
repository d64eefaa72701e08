/**
 * Atom 1.0 (RFC 4287) documents, written by hand with every text escaped.
 */
import { xmlEscape } from './xml';

export interface AtomEntry {
  /** A permanent URI (we use the tag: scheme so that a change of host keeps ids stable). */
  id: string;
  title: string;
  updated: string;
  published?: string | null;
  link: string;
  summary: string;
  author?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** RFC 3339; the newest entry's, or a fixed epoch for an empty feed. */
  updated: string;
  selfUrl: string;
  alternateUrl: string;
  lang: string;
  author: string;
  entries: readonly AtomEntry[];
}

export function atomXml(f: AtomFeed): string {
  const e = xmlEscape;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(f.lang)}">`,
    `<id>${e(f.id)}</id>`,
    `<title>${e(f.title)}</title>`,
    `<updated>${e(f.updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${e(f.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${e(f.alternateUrl)}"/>`,
    `<author><name>${e(f.author)}</name></author>`,
  ];
  for (const x of f.entries) {
    out.push(
      '<entry>',
      `<id>${e(x.id)}</id>`,
      `<title>${e(x.title)}</title>`,
      `<updated>${e(x.updated)}</updated>`,
      ...(x.published ? [`<published>${e(x.published)}</published>`] : []),
      `<link rel="alternate" type="text/html" href="${e(x.link)}"/>`,
      ...(x.author ? [`<author><name>${e(x.author)}</name></author>`] : []),
      `<summary type="text">${e(x.summary)}</summary>`,
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

/** A tag: URI (RFC 4151) for feed and entry ids: tag:gongkai,2024:report/12 */
export function tagUri(specific: string): string {
  return `tag:gongkai,2024:${specific}`;
}
