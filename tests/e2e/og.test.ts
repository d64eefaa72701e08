/**
 * Share cards: the og:image of the agency and report pages is a 1200×630 PNG (read from the IHDR chunk), drawn
 * without network access.
 */
import { describe, expect, it } from 'vitest';
import { fetchText, url } from '../helpers/e2e';
import { AGENCY_PAGE_EXISTS, REPORT_PAGE_EXISTS, seedAgency } from './seo-fixtures';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function ogImageOf(path: string): Promise<string> {
  const page = await fetchText(path);
  expect(page.status).toBe(200);
  const m = /<meta property="og:image" content="([^"]+)"/.exec(page.text);
  expect(m).not.toBeNull();
  return m![1]!.replace(/&amp;/g, '&');
}

describe('share cards', () => {
  const cases = [
    ...(AGENCY_PAGE_EXISTS ? ['agency-zh', 'agency-en'] : []),
    ...(REPORT_PAGE_EXISTS ? ['report-zh', 'report-en'] : []),
  ];
  it.each(cases)('%s: og:image is a 1200×630 PNG', async (which) => {
    const seed = await seedAgency();
    const [kind, locale] = which.split('-');
    const path = kind === 'agency' ? `/${locale}/agencies/${seed.slug}` : `/${locale}/reports/${seed.reportId}`;
    const image = new URL(await ogImageOf(path));
    const res = await fetch(url(image.pathname + image.search));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(ihdr(png)).toEqual({ width: 1200, height: 630 });
    expect(png.length).toBeGreaterThan(10_000); // text was drawn, not a blank card
  });

  // The card route itself does not need the page: it is checked directly too.
  it.each(['zh', 'en'])('the cards render directly as 1200×630 PNGs (%s)', async (locale) => {
    const seed = await seedAgency();
    for (const path of [`/${locale}/agencies/${seed.slug}/opengraph-image`, `/${locale}/reports/${seed.reportId}/opengraph-image`]) {
      const res = await fetch(url(path));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(ihdr(Buffer.from(await res.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    }
  });

  it('answers 404 for an unknown agency', async () => {
    const res = await fetch(url('/zh/agencies/no-such-agency/opengraph-image'));
    expect(res.status).toBe(404);
  });
});
