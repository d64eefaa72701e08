/**
 * limit/offset pagination (or `page`, 1-based, which sets the offset) with absolute links to the
 * neighbouring pages, the way datasette and the GitHub API answer.
 */
import { z } from 'zod';
import { env } from '@/lib/env';

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

export const paginationParams = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
};

export interface PageRequest {
  limit: number;
  offset: number;
}

/** `page` wins over `offset` when both are given. */
export function pageRequest(p: { limit: number; offset: number; page?: number | undefined }): PageRequest {
  return { limit: p.limit, offset: p.page === undefined ? p.offset : (p.page - 1) * p.limit };
}

export interface PageLinks {
  self: string;
  first: string;
  prev: string | null;
  next: string | null;
  last: string;
}

export interface PageInfo {
  total: number;
  limit: number;
  offset: number;
  links: PageLinks;
}

/** Links to other pages of the same query, on the public origin, keeping every other parameter. */
export function pageInfo(requestUrl: string, page: PageRequest, total: number): PageInfo {
  const url = new URL(requestUrl);
  const at = (offset: number) => {
    const q = new URLSearchParams(url.searchParams);
    q.delete('page');
    q.set('limit', String(page.limit));
    q.set('offset', String(offset));
    return `${env().siteUrl}${url.pathname}?${q.toString()}`;
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / page.limit) * page.limit;
  return {
    total,
    limit: page.limit,
    offset: page.offset,
    links: {
      self: at(page.offset),
      first: at(0),
      prev: page.offset > 0 ? at(Math.max(0, page.offset - page.limit)) : null,
      next: page.offset + page.limit < total ? at(page.offset + page.limit) : null,
      last: at(lastOffset),
    },
  };
}
