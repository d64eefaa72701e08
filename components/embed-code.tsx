'use client';

import { useId, useState } from 'react';

/** The widget's strings (namespace embed.code), translated on the server. */
export interface EmbedCodeLabels {
  chart: string;
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  help: string;
}

export interface EmbedChartOption {
  id: string;
  title: string;
}

/** The <iframe> snippet for one chart; attribute values are escaped so that titles cannot break out. */
export function embedSnippet(src: string, title: string, height = 460): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/**
 * "Copy embed code" for an agency's charts: pick a chart, read or copy the iframe snippet. Without JavaScript the
 * snippet of the first chart is still there to select by hand.
 */
export function EmbedCode({ origin, locale, slug, agencyName, charts, labels }: {
  /** Public origin (env().siteUrl), passed from the server. */
  origin: string;
  locale: string;
  slug: string;
  agencyName: string;
  charts: EmbedChartOption[];
  labels: EmbedCodeLabels;
}) {
  const id = useId();
  const [chart, setChart] = useState(charts[0]?.id ?? 'requests');
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const title = `${agencyName} · ${charts.find((c) => c.id === chart)?.title ?? chart}`;
  const snippet = embedSnippet(`${origin}/embed/${locale}/agencies/${encodeURIComponent(slug)}/${chart}`, title);

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <div className="embed-code">
      <p>
        <label htmlFor={`${id}-chart`}>{labels.chart}</label>{' '}
        <select
          id={`${id}-chart`}
          value={chart}
          onChange={(e) => {
            setChart(e.target.value);
            setStatus('idle');
          }}
        >
          {charts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </p>
      <label htmlFor={`${id}-code`}>{labels.label}</label>
      <textarea
        id={`${id}-code`}
        readOnly
        rows={3}
        value={snippet}
        onFocus={(e) => e.currentTarget.select()}
        style={{ width: '100%', fontFamily: 'monospace', fontSize: '0.85rem' }}
      />
      <p>
        <button type="button" onClick={copy}>
          {labels.copy}
        </button>{' '}
        <span role="status" aria-live="polite">
          {status === 'copied' ? labels.copied : status === 'failed' ? labels.copyFailed : ''}
        </span>
      </p>
      <p className="muted">{labels.help}</p>
    </div>
  );
}
