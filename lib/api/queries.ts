/**
 * The query schemas of every /api/v1 route, shared by the routes (validation) and the OpenAPI document
 * (parameters), so the two cannot drift apart.
 */
import { z } from 'zod';
import { rankingParamsSchema } from '@/lib/ranking-params';
import { paginationParams } from './pagination';
import { agencyKind, regionCode, reportId, slug, year } from './params';
import { formatParam } from './respond';

export const agenciesQuery = z.object({
  region: regionCode.optional().describe('GB/T 2260 code: agencies of this division and every division inside it'),
  kind: agencyKind.optional().describe('kind of agency'),
  q: z.string().max(100).optional().describe('part of the name, its pinyin, or pinyin initials'),
  year: year.optional().describe('only agencies with a report for this year; figures are that year’s'),
  format: formatParam,
  ...paginationParams,
});

export const agencyQuery = z.object({ slug, format: formatParam });

export const reportQuery = z.object({ id: reportId, format: formatParam });

export const regionsQuery = z.object({
  parent: regionCode.optional().describe('children of this division'),
  level: z.coerce.number().int().min(1).max(4).optional().describe('1 province, 2 city, 3 county, 4 town (default 1)'),
  withData: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional()
    .describe('only divisions with at least one agency'),
  format: formatParam,
  ...paginationParams,
});

export const regionQuery = z.object({ code: regionCode, format: formatParam });

// The ranking page's own parameters (lib/ranking-params.ts), rejected with 400 here instead of defaulted.
export const rankingsQuery = z.object({ format: formatParam }).and(rankingParamsSchema);

/** The fields of the rankings query, for documentation. */
export const rankingsQueryShape = { format: formatParam, ...rankingParamsSchema.in.shape };
