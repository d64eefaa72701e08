'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ChartSpec } from './types';

// recharts is fetched only when a reader interacts with a chart: the static SVG already shows everything else.
const InteractiveChart = dynamic(() => import('./interactive-chart'), { ssr: false });

/**
 * Shows the server-drawn chart (`svg`, markup from staticChartSvg, which escapes every text in it) and swaps in the
 * interactive one on first pointer or keyboard focus. The box keeps its size, so nothing shifts; without JavaScript
 * the static chart simply stays.
 */
export function ChartEnhancer({ spec, label, svg }: { spec: ChartSpec; label: string; svg: string }) {
  const [active, setActive] = useState(false);
  const activate = () => setActive(true);
  return (
    <div
      className="chart-box"
      role="img"
      aria-label={label}
      tabIndex={0}
      onPointerEnter={activate}
      onFocus={activate}
      onTouchStart={activate}
      data-chart={spec.id}
      data-interactive={active ? 'true' : 'false'}
    >
      {active ? (
        <InteractiveChart spec={spec} />
      ) : (
        // display: contents, so the SVG sizes itself against the box as if it were its direct child.
        <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      )}
    </div>
  );
}
