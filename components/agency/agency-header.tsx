import { getTranslations } from 'next-intl/server';
import type { AgencyProfile } from '@/db/queries/agencies';
import { Link } from '@/lib/i18n/navigation';
import styles from './agency.module.css';

/** Name, region path (each level links to its region page), kind, and a notice on synthetic data. */
export async function AgencyHeader({ agency }: { agency: Pick<AgencyProfile, 'name' | 'kind' | 'regionPath' | 'synthetic'> }) {
  const t = await getTranslations('agency');
  return (
    <header>
      <nav aria-label={t('regionPath')} className="breadcrumbs">
        <ol>
          {agency.regionPath.length === 0 ? (
            <li className="muted">{t('noRegion')}</li>
          ) : (
            agency.regionPath.map((r) => (
              <li key={r.code}>
                <Link href={`/regions/${r.code}`}>{r.name}</Link>
              </li>
            ))
          )}
        </ol>
      </nav>
      <h1>{agency.name}</h1>
      <p className={styles.meta}>{t(`kind.${agency.kind}`)}</p>
      {agency.synthetic && (
        <p className={styles.notice} role="note">
          {t('syntheticNotice')}
        </p>
      )}
    </header>
  );
}
