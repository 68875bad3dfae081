import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
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

/** Lines over years: one line per series. */
export function LineChart({ labels, series, summary, unit }: ChartProps) {
  const base = useBaseOptions(unit);
  return (
    <div className="chart-box">
      <Line
        role="img"
        aria-label={summary}
        data={{
          labels,
          datasets: series.map((item, index) => ({
            label: item.label,
            data: item.values,
            borderColor: PALETTE[index % PALETTE.length],
            backgroundColor: PALETTE[index % PALETTE.length],
            spanGaps: true,
          })),
        }}
        options={base}
      />
    </div>
  );
}
