// Inline SVG charts for the HTML report: pass rate bars by business unit and a pass-rate line over runs.
import { h, percent } from './html-escape';

export interface Point {
  label: string;
  rate: number;
}

/** Horizontal bars, one per item, scaled 0–100%. */
export function barChart(items: Point[], title: string): string {
  if (items.length === 0) return '<p class="muted">No business units to chart.</p>';
  const rowH = 26;
  const labelW = 180;
  const barW = 360;
  const height = items.length * rowH + 10;
  const bars = items
    .map((item, i) => {
      const y = i * rowH + 5;
      const w = Math.round(Math.max(0, Math.min(1, item.rate)) * barW);
      return (
        `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${h(truncate(item.label, 28))}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="18" class="track"/>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w}" height="18" class="${barClass(item.rate)}"/>` +
        `<text x="${labelW + barW + 8}" y="${y + 16}">${h(percent(item.rate))}</text>`
      );
    })
    .join('');
  return `<svg role="img" aria-label="${h(title)}" width="${labelW + barW + 70}" height="${height}" viewBox="0 0 ${labelW + barW + 70} ${height}"><title>${h(title)}</title>${bars}</svg>`;
}

/** A line of pass rate over runs, oldest first. */
export function lineChart(points: Point[], title: string): string {
  if (points.length === 0) return '<p class="muted">No runs recorded yet.</p>';
  const w = 600;
  const ht = 200;
  const pad = 36;
  const x = (i: number) =>
    pad + (points.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (points.length - 1));
  const y = (rate: number) => ht - pad - Math.max(0, Math.min(1, rate)) * (ht - 2 * pad);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.rate).toFixed(1)}`)
    .join(' ');
  const dots = points
    .map(
      (p, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(p.rate).toFixed(1)}" r="3"><title>${h(p.label)}: ${h(percent(p.rate))}</title></circle>`,
    )
    .join('');
  const axis =
    `<line x1="${pad}" y1="${y(0)}" x2="${w - pad}" y2="${y(0)}" class="axis"/>` +
    `<line x1="${pad}" y1="${y(1)}" x2="${w - pad}" y2="${y(1)}" class="grid"/>` +
    `<text x="${pad - 4}" y="${y(1) + 4}" text-anchor="end">100%</text>` +
    `<text x="${pad - 4}" y="${y(0) + 4}" text-anchor="end">0%</text>` +
    `<text x="${pad}" y="${ht - 8}">${h(points[0].label)}</text>` +
    (points.length > 1
      ? `<text x="${w - pad}" y="${ht - 8}" text-anchor="end">${h(points[points.length - 1].label)}</text>`
      : '');
  return `<svg role="img" aria-label="${h(title)}" width="${w}" height="${ht}" viewBox="0 0 ${w} ${ht}"><title>${h(title)}</title>${axis}<path d="${path}" class="line"/>${dots}</svg>`;
}

function barClass(rate: number): string {
  return rate >= 0.9 ? 'good' : rate >= 0.7 ? 'fair' : 'poor';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
