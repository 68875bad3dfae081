import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  type Plugin,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useMemo, useRef } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';

// Only what these charts draw; the rest of Chart.js stays out of the bundle.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
);

/** Colours told apart by people with the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export interface Series {
  label: string;
  /** One value per label of the chart (`null`: no value that year). */
  values: (number | null)[];
}

interface ChartProps {
  labels: string[];
  series: Series[];
  /** The chart in words, for screen readers (a table of the same data sits beside it). */
  summary: string;
  /** The value axis title, e.g. the unit. */
  unit: string;
}

function useBaseOptions(unit: string) {
  const { i18n } = useTranslation();
  const reducedMotion =
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  return {
    locale: i18n.language,
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? (false as const) : { duration: 300 },
    plugins: { legend: { position: 'bottom' as const } },
    scales: { y: { title: { display: Boolean(unit), text: unit } } },
  };
}

/** Stacked bars: one bar per label, one segment per series. */
export function StackedBarChart({ labels, series, summary, unit }: ChartProps) {
  const base = useBaseOptions(unit);
  return (
    <div className="chart-box">
      <Bar
        role="img"
        aria-label={summary}
        data={{
          labels,
          datasets: series.map((item, index) => ({
            label: item.label,
            data: item.values,
            backgroundColor: PALETTE[index % PALETTE.length],
          })),
        }}
        options={{
          ...base,
          scales: { x: { stacked: true }, y: { ...base.scales.y, stacked: true } },
        }}
      />
    </div>
  );
}

export interface YearSeries {
  label: string;
  /** The series' values by year; years without a value are left out (the line spans the gap). */
  points: { year: number; value: number }[];
}

interface YearChartProps {
  series: YearSeries[];
  summary: string;
  unit: string;
  /** A logarithmic value axis, so series of very different size can be read together (values must be > 0). */
  logarithmic?: boolean;
}

/**
 * Lines over years on a true time axis: a linear scale over the year numbers, so 2013, 2015 and 2020 stand as far
 * apart as they are (a category axis would space them evenly). No date adapter is needed for whole years.
 * The box carries the drawn scale (`data-x-scale`, `data-y-scale`, `data-year-pixels`), read from the chart itself.
 */
export function YearLineChart({ series, summary, unit, logarithmic = false }: YearChartProps) {
  const base = useBaseOptions(unit);
  const box = useRef<HTMLDivElement>(null);
  const years = [...new Set(series.flatMap((item) => item.points.map((point) => point.year)))].sort((a, b) => a - b);
  const shown = useRef(years);
  shown.current = years;
  // After every layout (first draw, new data, a resize, the log switch), note the drawn scales and where each year
  // landed, so the spacing can be checked from outside the canvas.
  const describe = useMemo<Plugin<'line'>>(
    () => ({
      id: 'describeScales',
      afterLayout(drawn) {
        const element = box.current;
        const x = drawn.scales.x;
        const y = drawn.scales.y;
        if (!element || !x || !y) return;
        element.dataset.xScale = x.type;
        element.dataset.yScale = y.type;
        element.dataset.yearPixels = JSON.stringify(
          Object.fromEntries(shown.current.map((year) => [year, Math.round(x.getPixelForValue(year) * 10) / 10])),
        );
      },
    }),
    [],
  );

  return (
    <div className="chart-box" ref={box}>
      <Line
        plugins={[describe]}
        role="img"
        aria-label={summary}
        data={{
          datasets: series.map((item, index) => ({
            label: item.label,
            data: item.points.map((point) => ({ x: point.year, y: point.value })),
            borderColor: PALETTE[index % PALETTE.length],
            backgroundColor: PALETTE[index % PALETTE.length],
          })),
        }}
        options={{
          ...base,
          scales: {
            x: {
              type: 'linear',
              // One year alone gets a year either side, so the axis has a width to place it in.
              min: years.length > 1 ? years[0] : (years[0] ?? 0) - 1,
              max: years.length > 1 ? years.at(-1) : (years[0] ?? 0) + 1,
              // Whole years only, written without a thousands separator ("2015", not "2,015").
              ticks: { precision: 0, callback: (value) => (Number.isInteger(Number(value)) ? String(value) : '') },
            },
            y: { ...base.scales.y, type: logarithmic ? 'logarithmic' : 'linear' },
          },
          plugins: {
            ...base.plugins,
            tooltip: { callbacks: { title: (items) => String(items[0]?.parsed.x ?? '') } },
          },
        }}
      />
    </div>
  );
}
