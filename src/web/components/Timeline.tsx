/**
 * The incidents on a time axis: one mark per incident at its date (a bar across its interval
 * when the date is only known to a week or month), stacked when they fall on the same day.
 */
import { dateText, placeText, typeText } from '../format.js';
import { incidentPath, navigate } from '../router.js';
import type { IncidentListItem } from '../types.js';

const W = 640;
const ROW = 12;
const DAY = 86_400_000;

const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

function ticks(min: number, max: number): number[] {
  const span = max - min;
  const out: number[] = [];
  const start = new Date(min);
  const monthly = span > 60 * DAY;
  const step = span > 5 * 365 * DAY ? 12 : span > 2 * 365 * DAY ? 6 : span > 365 * DAY ? 3 : 1;
  if (monthly) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    while (d.getTime() <= max) { if (d.getUTCMonth() % step === 0) out.push(d.getTime()); d.setUTCMonth(d.getUTCMonth() + 1); }
  } else {
    const every = span > 20 * DAY ? 7 : span > 6 * DAY ? 2 : 1;
    for (let t = Math.ceil(min / DAY) * DAY; t <= max; t += every * DAY) out.push(t);
  }
  return out;
}

export function Timeline({ items, hover, onHover }: { items: IncidentListItem[]; hover: string | null; onHover: (id: string | null) => void }) {
  const dated = items.filter((i) => i.date.start).map((i) => ({ item: i, start: ms(i.date.start!), end: ms(i.date.end ?? i.date.start!) + DAY }));
  if (dated.length === 0) return <figure className="timeline"><figcaption className="muted small">No dated incident to draw on the timeline.</figcaption></figure>;
  let min = Math.min(...dated.map((d) => d.start));
  let max = Math.max(...dated.map((d) => d.end));
  const pad = Math.max(DAY, (max - min) * 0.04);
  min -= pad; max += pad;
  const x = (t: number) => 10 + ((t - min) / (max - min)) * (W - 20);
  // stack marks that overlap in pixels
  const rows: number[] = [];
  const placed = dated.sort((a, b) => a.start - b.start).map((d) => {
    const x0 = x(d.start); const x1 = Math.max(x(d.end), x0 + 9);
    let row = rows.findIndex((end) => end < x0 - 2);
    if (row < 0) { row = rows.length; rows.push(x1); } else rows[row] = x1;
    return { ...d, x0, x1, row };
  });
  const h = 26 + Math.min(rows.length, 12) * ROW + 8;
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={`timeline of ${dated.length} dated incidents`}>
        <line x1={10} x2={W - 10} y1={h - 20} y2={h - 20} className="axis" />
        {ticks(min, max).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={h - 20} y2={h - 16} className="axis" />
            <text x={x(t)} y={h - 5} className="tick" textAnchor={x(t) < 40 ? 'start' : x(t) > W - 40 ? 'end' : 'middle'}>{new Date(t).toISOString().slice(0, (max - min) > 60 * DAY ? 7 : 10)}</text>
          </g>
        ))}
        {placed.filter((p) => p.row < 12).map((p) => (
          <rect key={p.item.id} x={p.x0} width={p.x1 - p.x0} y={h - 24 - (p.row + 1) * ROW} height={ROW - 2} rx={2}
            className={`mark type-${p.item.type}${hover === p.item.id ? ' hover' : ''}`} data-incident={p.item.id}
            onMouseEnter={() => onHover(p.item.id)} onMouseLeave={() => onHover(null)} onClick={() => navigate(incidentPath(p.item.id))}>
            <title>{`${dateText(p.item.date)}: ${typeText(p.item.type)}, ${placeText(p.item.location)}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption className="muted small">{dated.length} dated{items.length > dated.length ? `, ${items.length - dated.length} without a date` : ''}</figcaption>
    </figure>
  );
}
