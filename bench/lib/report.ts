import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** One line of the results table: a portal figure, its bare baseline when there is one, and the team's target. */
export interface Row {
  scenario: string;
  measure: string;
  unit: string;
  portal: number | null;
  baseline?: number | null;
  /** Which bare server `baseline` comes from. */
  baselineName?: string;
  /** portal ÷ baseline for rates and memory; baseline ÷ portal for latencies (higher is better there). */
  ratio?: number | null;
  target?: string;
  /** null when the target cannot be judged (the measurement was void or missing). */
  met?: boolean | null;
  /** The load generator saturated its core: the figure says more about the generator than the server. */
  void?: boolean;
  generatorCpu?: number;
  serverCpu?: number | null;
  note?: string;
}

export const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || !b ? null : Math.round((a / b) * 100) / 100;

const fmt = (n: number | null | undefined, unit = ''): string => {
  if (n === null || n === undefined) return '–';
  const text = Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 100) / 100);
  return unit ? `${text} ${unit}` : text;
};

/** A Markdown table (what docs/performance.md holds). */
export function table(rows: Row[]): string {
  const head = ['scenario', 'measure', 'portal', 'bare baseline', 'ratio', 'target', 'status', 'gen. CPU', 'note'];
  const lines = rows.map((r) => [
    r.scenario,
    r.measure,
    fmt(r.portal, r.unit),
    r.baseline === undefined ? '' : `${fmt(r.baseline, r.unit)}${r.baselineName ? ` (${r.baselineName})` : ''}`,
    r.ratio === undefined || r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    r.target ?? '',
    r.void
      ? 'void (generator saturated)'
      : r.met === undefined
        ? ''
        : r.met === null
          ? 'n/a'
          : r.met
            ? 'met'
            : 'not met',
    r.generatorCpu === undefined ? '' : r.generatorCpu.toFixed(2),
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(head), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function writeResults(results: object): string {
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
