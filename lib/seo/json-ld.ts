/**
 * schema.org JSON-LD builders (BreadcrumbList, GovernmentOrganization, Dataset) and their safe serialisation into
 * a <script> element: `<` is escaped so that no text in the data can close the script.
 */

export type JsonLd = Record<string, unknown>;

/** JSON for an inline script: `<`, `>`, `&` and the JavaScript line separators as \u escapes. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface Crumb {
  name: string;
  url: string;
}

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

export interface OrganizationInput {
  name: string;
  url: string;
  description: string;
  regionName: string | null;
  regionCode: string | null;
  reports: { name: string; url: string }[];
}

export function governmentOrganization(o: OrganizationInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': `${o.url}#organization`,
    name: o.name,
    url: o.url,
    description: o.description,
    ...(o.regionName
      ? {
          areaServed: {
            '@type': 'AdministrativeArea',
            name: o.regionName,
            ...(o.regionCode ? { identifier: `GB/T 2260:${o.regionCode}` } : {}),
          },
        }
      : {}),
    ...(o.reports.length
      ? { subjectOf: o.reports.map((r) => ({ '@type': 'Dataset', name: r.name, url: r.url })) }
      : {}),
  };
}

export interface DatasetInput {
  name: string;
  description: string;
  url: string;
  inLanguage: string;
  year: number;
  agency: { name: string; url: string };
  regionName: string | null;
  publisher: { name: string; url: string };
  datePublished: string | null;
  dateModified: string;
  /** Named figures of the report, e.g. newReceived → 80. */
  figures: { name: string; description: string; value: number | null }[];
  csvUrl: string;
  jsonUrl: string;
}

export function dataset(d: DatasetInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${d.url}#dataset`,
    name: d.name,
    description: d.description,
    url: d.url,
    inLanguage: d.inLanguage,
    temporalCoverage: `${d.year}-01-01/${d.year}-12-31`,
    ...(d.regionName ? { spatialCoverage: { '@type': 'Place', name: d.regionName } } : {}),
    creator: { '@type': 'GovernmentOrganization', name: d.agency.name, url: d.agency.url },
    publisher: { '@type': 'Organization', name: d.publisher.name, url: d.publisher.url },
    isAccessibleForFree: true,
    ...(d.datePublished ? { datePublished: d.datePublished } : {}),
    dateModified: d.dateModified,
    variableMeasured: d.figures.map((f) => ({
      '@type': 'PropertyValue',
      name: f.name,
      description: f.description,
      ...(f.value === null ? {} : { value: f.value }),
    })),
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: d.csvUrl },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: d.jsonUrl },
    ],
  };
}
