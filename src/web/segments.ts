/**
 * Cutting a report's text at highlight boundaries. Highlights overlap (a hedge inside a claim's
 * content, a source inside incident evidence); each piece of text lists every highlight that
 * covers it. Highlights outside the text or empty are ignored rather than trusted.
 */
import type { Highlight } from './types.js';

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

