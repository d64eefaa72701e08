/**
 * Query parameters shared by the API routes (zod): region codes, years, report ids, agency kinds.
 */
import { z } from 'zod';
import { AGENCY_KINDS } from '@/db/schema';

export const regionCode = z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3})?)?)?$/, 'must be a GB/T 2260 code of 2, 4, 6 or 9 digits');
export const year = z.coerce.number().int().min(1990).max(2100);
export const reportId = z.coerce.number().int().min(1).max(2_147_483_647);
export const agencyKind = z.enum(AGENCY_KINDS);
export const slug = z.string().regex(/^[a-z0-9-]{1,200}$/, 'must be an agency slug (a-z, 0-9, -)');
