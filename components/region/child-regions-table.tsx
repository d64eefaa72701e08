import { getTranslations } from 'next-intl/server';
import type { ChildRegion } from '@/db/queries/regions';
import { formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import styles from './region.module.css';

/** Child regions with their report counts; every one links to its page, with or without data. */
export async function ChildRegionsTable({
  items,
  locale,
  caption,
}: {
  items: ChildRegion[];
  locale: string;
  caption: string;
}) {
  const t = await getTranslations('regions');
  return (
    <div className="table-scroll">
      <table data-testid="child-regions">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('children.name')}</th>
            <th scope="col">{t('children.code')}</th>
            <th scope="col" className="num">
              {t('children.reports')}
            </th>
            <th scope="col" className="num">
              {t('children.agencies')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.code} className={c.reports === 0 ? styles.zero : undefined}>
              <td>
                <Link href={`/regions/${c.code}`}>{c.name}</Link>
              </td>
              <td>{c.code}</td>
              <td className="num">{formatNumber(c.reports, locale, 0)}</td>
              <td className="num">{formatNumber(c.agencies, locale, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
