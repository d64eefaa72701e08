import 'server-only';
import { getTranslations } from 'next-intl/server';
import { EmbedCode } from '@/components/embed-code';
import { env } from '@/lib/env';

/** The agency page's "embed a chart" section: one line on the page, the public origin filled in here. */
export async function AgencyEmbedCode({
  locale,
  agency,
  charts,
}: {
  locale: string;
  agency: { slug: string; name: string };
  charts: { id: string; title: string }[];
}) {
  const t = await getTranslations({ locale, namespace: 'embed' });
  return (
    <section aria-labelledby="embed-code">
      <h2 id="embed-code">{t('code.heading')}</h2>
      <EmbedCode
        origin={env().siteUrl}
        locale={locale}
        slug={agency.slug}
        agencyName={agency.name}
        charts={charts.map((c) => ({ id: c.id, title: c.title }))}
        labels={{
          chart: t('code.chart'),
          label: t('code.label'),
          copy: t('code.copy'),
          copied: t('code.copied'),
          copyFailed: t('code.copyFailed'),
          help: t('code.help'),
        }}
      />
    </section>
  );
}
