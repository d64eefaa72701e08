/** A chart as plain data, shaped on the server and drawn by the static SVG or the interactive client chart. */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartRow {
  /** The x category, e.g. a year. */
  category: string;
  values: Record<string, number | null>;
}

export interface ChartSpec {
  /** Stable id, used for element ids and embeds: requests | outcomes | exemptions | reviews | proactive. */
  id: string;
  title: string;
  description: string;
  /** Stacked bars add series up; grouped bars sit side by side. */
  mode: 'stacked' | 'grouped';
  series: ChartSeries[];
  rows: ChartRow[];
  /** An optional rate (0–1) drawn as a line on a right-hand axis, e.g. the correction rate. */
  line?: { key: string; label: string; color: string; values: (number | null)[] };
  locale: string;
  /** Label of the category column in the data table. */
  categoryLabel: string;
}
