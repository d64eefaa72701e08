import { reportShareCard } from '@/app/_seo/share-card';
import { CARD_SIZE } from '@/lib/seo/share-card';

export const size = CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'gongkai';
export const dynamic = 'force-dynamic';

/** 1200×630 PNG share card with the name, year and three key figures. */
export default function Image({ params }: { params: Promise<{ locale: string; id: string }> }) {
  return reportShareCard(params);
}
