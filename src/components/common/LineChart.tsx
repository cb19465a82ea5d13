/**
 * A small SVG line chart drawn with d3-scale and d3-shape. Pure markup from props, so it renders to
 * static HTML at build time (the picture a reader sees without JavaScript) and re-renders in an island.
 * Colours come from CSS custom properties (src/styles/course.css), so light and dark themes both work.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { JSX } from 'preact';

export interface Series {
  /** Shown in the legend and used for the accessible description. */
  label: string;
  points: readonly (readonly [number, number])[];
  /** "line" joins the points; "dots" marks each one (for measured values). */
  kind?: 'line' | 'dots';
  /** Index into the chart palette (series-0 … series-4 in course.css). */
  color?: number;
  /** A dashed line, e.g. for a threshold or an approximation. */
  dashed?: boolean;
}

export interface LineChartProps {
  /** The chart's accessible name. */
  title: string;
  /** A sentence saying what the chart shows, for screen readers and for print. */
  description: string;
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  yLog?: boolean;
  xFormat?: (x: number) => string;
  yFormat?: (y: number) => string;
  width?: number;
  height?: number;
  /** Horizontal reference lines, e.g. alert thresholds. */
  rules?: readonly { y: number; label: string; color?: number }[];
}

const margin = { top: 12, right: 24, bottom: 44, left: 64 };

export default function LineChart(props: LineChartProps): JSX.Element {
  const { title, description, series, xLabel, yLabel, xDomain, yDomain, width = 640, height = 320 } = props;
  const xFormat = props.xFormat ?? ((x: number) => String(x));
  const yFormat = props.yFormat ?? ((y: number) => String(y));
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const x = scaleLinear().domain(xDomain).range([0, innerW]);
  const y = (props.yLog ? scaleLog() : scaleLinear()).domain(yDomain).range([innerH, 0]).clamp(true);
  const inside = ([px, py]: readonly [number, number]) =>
    Number.isFinite(px) && Number.isFinite(py) && px >= xDomain[0] && px <= xDomain[1] && (!props.yLog || py > 0);
  const path = line<readonly [number, number]>()
    .defined(inside)
    .x(([px]) => x(px))
    .y(([, py]) => y(py));
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const yTicks = props.yLog ? y.ticks(5).filter((t) => Number.isInteger(Math.log10(t))) : y.ticks(5);

  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g transform={`translate(${margin.left},${margin.top})`}>
          {yTicks.map((t) => (
            <g key={`y${t}`} class="chart-grid">
              <line x1={0} x2={innerW} y1={y(t)} y2={y(t)} />
              <text x={-8} y={y(t)} dy="0.32em" text-anchor="end">
                {yFormat(t)}
              </text>
            </g>
          ))}
          {x.ticks(6).map((t) => (
            <g key={`x${t}`} class="chart-grid">
              <line x1={x(t)} x2={x(t)} y1={0} y2={innerH} />
              <text x={x(t)} y={innerH + 18} text-anchor="middle">
                {xFormat(t)}
              </text>
            </g>
          ))}
          {(props.rules ?? []).map((rule) => (
            <g key={`r${rule.y}`} class={`chart-rule series-${rule.color ?? 3}`}>
              <line x1={0} x2={innerW} y1={y(rule.y)} y2={y(rule.y)} />
              <text x={innerW - 4} y={y(rule.y) - 6} text-anchor="end">
                {rule.label}
              </text>
            </g>
          ))}
          {series.map((s, i) =>
            s.kind === 'dots' ? (
              <g key={s.label} class={`chart-dots series-${s.color ?? i}`}>
                {s.points.filter(inside).map(([px, py]) => (
                  <circle key={`${px},${py}`} cx={x(px)} cy={y(py)} r={4} />
                ))}
              </g>
            ) : (
              <path key={s.label} class={`chart-line series-${s.color ?? i}${s.dashed ? ' dashed' : ''}`} d={path(s.points) ?? ''} />
            ),
          )}
          <line class="chart-axis" x1={0} x2={innerW} y1={innerH} y2={innerH} />
          <line class="chart-axis" x1={0} x2={0} y1={0} y2={innerH} />
          <text class="chart-label" x={innerW / 2} y={innerH + 38} text-anchor="middle">
            {xLabel}
          </text>
          <text class="chart-label" transform={`translate(${-50},${innerH / 2}) rotate(-90)`} text-anchor="middle">
            {yLabel}
          </text>
        </g>
      </svg>
      <figcaption class="chart-legend">
        {series.map((s, i) => (
          <span key={s.label} class={`series-${s.color ?? i}`}>
            <span class={`chart-swatch${s.kind === 'dots' ? ' dot' : ''}${s.dashed ? ' dashed' : ''}`} aria-hidden="true" />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
