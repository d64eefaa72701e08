import { serializeJsonLd, type JsonLd } from './json-ld';

/** Renders JSON-LD as <script type="application/ld+json">, escaped by serializeJsonLd. */
export function JsonLdScript({ data }: { data: JsonLd | JsonLd[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
