import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.js';

/** A cell of a table or chart: a number, a withheld count (null), or text. */
export type Cell = number | string | null;

export interface TableData {
  columns: string[];
  rows: Cell[][];
}

/** CSV (UTF-8 with BOM, so spreadsheet programs read Thai) of a table, withheld counts written as "<min". */
export function toCsv(data: TableData, min: number): string {
  const cell = (v: Cell) => {
    const s = v === null ? `<${min}` : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\uFEFF${[data.columns, ...data.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function downloadCsv(name: string, data: TableData, min: number) {
  const url = URL.createObjectURL(new Blob([toCsv(data, min)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A withheld count as shown: "<5", with the reason for screen readers. */
export function Withheld({ min }: { min: number }) {
  const { t } = useTranslation();
  return (
    <span title={t('dash.suppressed', { min })}>
      <span aria-hidden>{`<${min}`}</span>
      <VisuallyHidden>{t('dash.suppressed', { min })}</VisuallyHidden>
    </span>
  );
}

export function DataTable({
  data,
  min,
  format,
  caption,
}: {
  data: TableData;
  min: number;
  format: (n: number) => string;
  caption: string;
}) {
  return (
    <ScrollRegion label={caption}>
      <Table striped withTableBorder fz="sm" miw={Math.min(640, data.columns.length * 110)}>
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {data.columns.map((c, i) => (
              <Table.Th key={c} ta={i === 0 ? 'left' : 'right'} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r) => (
            <Table.Tr key={String(r[0])}>
              {r.map((v, i) =>
                i === 0 ? (
                  <Table.Th key={data.columns[i]} scope="row" fw={500}>
                    {v}
                  </Table.Th>
                ) : (
                  <Table.Td key={data.columns[i]} ta="right">
                    {v === null ? <Withheld min={min} /> : typeof v === 'number' ? format(v) : v}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/**
 * A chart with its table alternative and a CSV export. The chart is an SVG image described by its title;
 * the same numbers are one button away as a table (screen readers are told so), and the CSV holds them too.
 */
export function ChartCard({
  title,
  description,
  name,
  data,
  min,
  format,
  children,
}: {
  title: string;
  description?: string;
  name: string;
  data: TableData;
  min: number;
  format: (n: number) => string;
  children: (ids: { titleId: string; descId: string; title: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const [table, setTable] = useState(false);
  const titleId = useId();
  const descId = useId();
  return (
    <Paper withBorder p="md" radius="md" data-testid={`chart-${name}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {title}
          </Title>
          <Group gap="xs">
            <Button size="compact-sm" variant="light" aria-pressed={table} onClick={() => setTable(!table)}>
              {table ? t('dash.showChart') : t('dash.showTable')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => downloadCsv(name, data, min)}>
              {t('dash.exportCsv')}
            </Button>
          </Group>
        </Group>
        {description && (
          <Text size="sm" c="dimmed" id={descId}>
            {description}
          </Text>
        )}
        {table ? <DataTable data={data} min={min} format={format} caption={title} /> : children({ titleId, descId, title })}
      </Stack>
    </Paper>
  );
}

/** A label cut at word boundaries (Thai has no spaces) into at most `lines` lines of about `width` characters. */
export function wrapLabel(label: string, width: number, lines = 2): string[] {
  const words =
    typeof Intl !== 'undefined' && 'Segmenter' in Intl
      ? [...new Intl.Segmenter('th', { granularity: 'word' }).segment(label)].map((x) => x.segment)
      : label.split(/(?<=\s)/);
  const out: string[] = [''];
  for (const w of words) {
    const last = out.length - 1;
    if (out[last].length + w.length > width && out[last].length > 0) out.push(w.trimStart());
    else out[last] += w;
  }
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1].slice(0, Math.max(1, width - 1))}…`;
  return kept;
}

const COLORS = ['#1c5fb8', '#b8860b', '#0b7a6f', '#8a3ffc', '#c2410c', '#4b5563'];

/** Horizontal bars, one per row; a withheld value draws no bar and says "<min". */
export function BarChart({
  rows,
  max,
  min,
  format,
  labelledBy,
  title,
  suffix = '',
}: {
  rows: { label: string; value: number | null }[];
  max?: number;
  min: number;
  format: (n: number) => string;
  labelledBy: string;
  title: string;
  suffix?: string;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('dash.noData')}</Text>;
  const width = 340;
  const barH = 14;
  const rowH = 40;
  const top = Math.max(1, max ?? Math.max(0, ...rows.map((r) => r.value ?? 0)));
  const height = rows.length * rowH + 4;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
      style={{ width: '100%', maxWidth: 460, height: 'auto' }}
    >
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = 4 + i * rowH;
        const w = r.value === null ? 0 : ((width - 60) * r.value) / top;
        const shown = r.value === null ? `<${min}` : `${format(r.value)}${suffix}`;
        return (
          <g key={r.label}>
            <title>{`${r.label}: ${shown}`}</title>
            <text x={0} y={y + 12} fontSize={13} fill="#1b2a41">
              {wrapLabel(r.label, 44, 1)[0]}
            </text>
            <rect x={0} y={y + 19} width={Math.max(w, r.value ? 1 : 0)} height={barH} fill={COLORS[0]} rx={2} />
            <text x={w + 4} y={y + 31} fontSize={12} fill="#1b2a41">
              {shown}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Two shares side by side per row (e.g. start and end of the year), as paired bars out of 100%. */
export function PairedBars({
  rows,
  legend,
  labelledBy,
  title,
  format,
}: {
  rows: { label: string; a: number | null; b: number | null }[];
  legend: [string, string];
  labelledBy: string;
  title: string;
  format: (n: number) => string;
}) {
  const width = 340;
  const barH = 10;
  const rowH = 48;
  const height = rows.length * rowH + 24;
  const scale = (v: number | null) => ((width - 50) * (v ?? 0)) / 100;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
      style={{ width: '100%', maxWidth: 460, height: 'auto' }}
    >
      <title>{title}</title>
      <rect x={0} y={2} width={10} height={10} fill={COLORS[1]} />
      <text x={14} y={11} fontSize={12}>
        {legend[0]}
      </text>
      <rect x={170} y={2} width={10} height={10} fill={COLORS[0]} />
      <text x={184} y={11} fontSize={12}>
        {legend[1]}
      </text>
      {rows.map((r, i) => {
        const y = 22 + i * rowH;
        const txt = (v: number | null) => (v === null ? '–' : `${format(v)}%`);
        return (
          <g key={r.label}>
            <title>{`${r.label}: ${legend[0]} ${txt(r.a)}, ${legend[1]} ${txt(r.b)}`}</title>
            <text x={0} y={y + 11} fontSize={13}>
              {wrapLabel(r.label, 44, 1)[0]}
            </text>
            <rect x={0} y={y + 17} width={scale(r.a)} height={barH} fill={COLORS[1]} />
            <text x={scale(r.a) + 3} y={y + 26} fontSize={11}>
              {txt(r.a)}
            </text>
            <rect x={0} y={y + 17 + barH + 2} width={scale(r.b)} height={barH} fill={COLORS[0]} />
            <text x={scale(r.b) + 3} y={y + 26 + barH + 2} fontSize={11}>
              {txt(r.b)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Shares of one whole as a stacked bar, next to a reference bar (the 70:20:10 model). */
export function StackedBar({
  bars,
  keys,
  labels,
  labelledBy,
  title,
}: {
  bars: { label: string; values: Record<string, number> }[];
  keys: string[];
  labels: Record<string, string>;
  labelledBy: string;
  title: string;
}) {
  const width = 340;
  const labelW = 90;
  const barH = 22;
  const height = bars.length * (barH + 10) + 10 + 18 * keys.length;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
      style={{ width: '100%', maxWidth: 640, height: 'auto' }}
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        let x = labelW;
        const y = 10 + i * (barH + 10);
        return (
          <g key={b.label}>
            <title>{`${b.label}: ${keys.map((k) => `${labels[k]} ${b.values[k]}%`).join(', ')}`}</title>
            <text x={0} y={y + barH - 7} fontSize={11}>
              {b.label}
            </text>
            {keys.map((k, j) => {
              const w = ((width - labelW) * b.values[k]) / 100;
              const el = <rect key={k} x={x} y={y} width={w} height={barH} fill={COLORS[j]} />;
              x += w;
              return el;
            })}
          </g>
        );
      })}
      {keys.map((k, j) => {
        const y = 10 + bars.length * (barH + 10) + j * 18;
        return (
          <g key={k}>
            <rect x={labelW} y={y} width={12} height={12} fill={COLORS[j]} />
            <text x={labelW + 16} y={y + 10} fontSize={11}>
              {labels[k]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const BLUES = ['#f8f9fa', '#dbe8fb', '#b3cff5', '#7fb0ee', '#4d8fe3'];
const HEAT = ['#fde2e1', '#fcd3a5', '#fff3bf', '#d3f9d8', '#8ce99a', '#51cf66'];
/** The colour of a share: red (low) to green (high). */
const heatOf = (pct: number) => HEAT[Math.min(5, Math.floor(pct / 20))];

/** A grid of rows × columns with a share (or a count) in each cell; empty where nothing applies. */
export function HeatMap({
  rows,
  columns,
  value,
  labelledBy,
  title,
  describedBy,
  format,
  min,
  colour = 'share',
}: {
  rows: { code: string; label: string }[];
  columns: string[];
  value: (row: string, column: string) => { v: number | null; applies: boolean };
  labelledBy: string;
  title: string;
  describedBy?: string;
  format: (n: number) => string;
  min: number;
  colour?: 'share' | 'count' | 'gap';
}) {
  const labelW = 130;
  const cellW = Math.max(30, Math.floor(240 / Math.max(1, columns.length)));
  const cellH = 32;
  const width = labelW + columns.length * cellW;
  const height = 20 + rows.length * cellH;
  let top = 1;
  for (const r of rows) for (const c of columns) top = Math.max(top, value(r.code, c).v ?? 0);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      style={{ width: '100%', maxWidth: 600, height: 'auto' }}
    >
      <title>{title}</title>
      {columns.map((c, j) => (
        <text key={c} x={labelW + j * cellW + cellW / 2} y={14} fontSize={11} textAnchor="middle" fontWeight={700}>
          {c}
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={r.code}>
          <text x={0} y={20 + i * cellH + (wrapLabel(r.label, 20).length > 1 ? 12 : 20)} fontSize={11}>
            {wrapLabel(r.label, 20).map((line, k) => (
              <tspan key={line} x={0} dy={k === 0 ? 0 : 12}>
                {line}
              </tspan>
            ))}
          </text>
          {columns.map((c, j) => {
            const { v, applies } = value(r.code, c);
            const fill = !applies
              ? '#f8f9fa'
              : v === null
                ? '#e9ecef'
                : colour === 'share'
                  ? heatOf(v)
                  : colour === 'gap'
                    ? v < min
                      ? '#fde2e1'
                      : '#d3f9d8'
                    : BLUES[Math.min(4, Math.ceil((v / top) * 4))];
            const txt = !applies ? '' : v === null ? '–' : format(v);
            return (
              <g key={c}>
                <title>{`${r.label} × ${c}: ${applies ? (v === null ? '–' : format(v)) : '—'}`}</title>
                <rect x={labelW + j * cellW} y={20 + i * cellH} width={cellW - 2} height={cellH - 2} fill={fill} />
                <text x={labelW + j * cellW + cellW / 2 - 1} y={20 + i * cellH + 20} fontSize={11} textAnchor="middle" fill="#1b2a41">
                  {txt}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
