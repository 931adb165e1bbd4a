/**
 * A report's text with its highlights. The text is data, never markup: it is cut at the
 * highlight boundaries and every piece is a React text child (no HTML is ever parsed from it).
 * Overlapping highlights (a hedge inside a claim's content) give a piece several kinds.
 */
import { Fragment, type ReactNode } from 'react';
import type { Highlight } from '../types.js';

export interface Segment { start: number; end: number; marks: Highlight[] }

/** Cut [0, length) at every highlight boundary; each piece lists the highlights covering it. */
export function segments(length: number, highlights: Highlight[]): Segment[] {
  const valid = highlights.filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= length && h.start < h.end);
  const cuts = new Set<number>([0, length]);
  for (const h of valid) { cuts.add(h.start); cuts.add(h.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end, marks: valid.filter((h) => h.start <= start && h.end >= end) });
  }
  return out;
}

export function HighlightedText({ text, highlights, shown, describe, onPick }: {
  text: string;
  highlights: Highlight[];
  shown: Set<string>;
  describe: (h: Highlight) => string;
  onPick: (h: Highlight) => void;
}) {
  const parts: ReactNode[] = segments(text.length, highlights).map((seg) => {
    const piece = text.slice(seg.start, seg.end);
    const marks = seg.marks.filter((m) => shown.has(m.kind));
    if (marks.length === 0) return <Fragment key={seg.start}>{piece}</Fragment>;
    const kinds = [...new Set(marks.map((m) => m.kind))];
    const target = marks.find((m) => m.incident) ?? marks.find((m) => m.claim) ?? marks[0];
    return (
      <mark key={seg.start} className={kinds.map((k) => `hl-${k}`).join(' ')} data-kinds={kinds.join(' ')}
        data-incident={marks.find((m) => m.incident)?.incident} title={marks.map(describe).join('\n')}
        onClick={() => onPick(target)}>{piece}</mark>
    );
  });
  return <div className="report-text">{parts}</div>;
}
