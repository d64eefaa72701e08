/**
 * The 1200×630 share card (Open Graph / Twitter image): agency name, year and three key figures, rendered by
 * next/og with a CJK font shipped in assets/fonts, so nothing is fetched at render time.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';

export const CARD_SIZE = { width: 1200, height: 630 } as const;
// Latin first, CJK for everything else: satori picks, glyph by glyph, the first font that has it. Every glyph
// the card can show is covered, so next/og never tries to download a font.
const FONT_FILES = [
  { file: 'DejaVuSans-Latin.ttf', name: 'CardLatin', weight: 400 },
  { file: 'DejaVuSans-Bold-Latin.ttf', name: 'CardLatin', weight: 700 },
  { file: 'DroidSansFallback-GB2312.ttf', name: 'CardCJK', weight: 400 },
  { file: 'DroidSansFallback-GB2312.ttf', name: 'CardCJK', weight: 700 },
] as const;

type CardFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: Promise<CardFont[]> | undefined;
function loadFonts(): Promise<CardFont[]> {
  fonts ??= Promise.all(
    FONT_FILES.map(async (f) => ({
      name: f.name,
      weight: f.weight,
      style: 'normal' as const,
      data: await readFile(path.join(process.cwd(), 'assets', 'fonts', f.file)),
    })),
  ).catch((err: unknown) => {
    fonts = undefined;
    throw err;
  });
  return fonts;
}

export interface ShareCard {
  title: string;
  subtitle: string | null;
  yearLabel: string | null;
  figures: { label: string; value: string }[];
  footer: string;
}

/** The card as a PNG response. */
export async function shareCardResponse(card: ShareCard): Promise<ImageResponse> {
  const cardFonts = await loadFonts();
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px',
          background: '#ffffff',
          color: '#1a1a1a',
          fontFamily: 'CardLatin, CardCJK',
          borderTop: '16px solid #b3261e',
        }}
      >
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ display: 'flex', fontSize: 30, color: '#5f5f5f' }}>
            {[card.subtitle, card.yearLabel].filter(Boolean).join(' · ')}
          </div>
          <div style={{ display: 'flex', fontSize: card.title.length > 16 ? 56 : 72, marginTop: 16, lineHeight: 1.15 }}>
            {card.title}
          </div>
        </div>
        <div style={{ display: 'flex', gap: 40 }}>
          {card.figures.map((f) => (
            <div
              key={f.label}
              style={{ display: 'flex', flexDirection: 'column', flex: 1, borderLeft: '6px solid #b3261e', paddingLeft: 24 }}
            >
              <div style={{ display: 'flex', fontSize: 84, fontWeight: 700 }}>{f.value}</div>
              <div style={{ display: 'flex', fontSize: 30, color: '#5f5f5f' }}>{f.label}</div>
            </div>
          ))}
        </div>
        <div style={{ display: 'flex', fontSize: 24, color: '#5f5f5f' }}>{card.footer}</div>
      </div>
    ),
    {
      ...CARD_SIZE,
      fonts: cardFonts,
      headers: { 'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400' },
    },
  );
}
