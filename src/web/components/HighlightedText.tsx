/**
 * A report's text with its highlights. The text is data, never markup: it is cut at the
 * highlight boundaries and every piece is a React text child (no HTML is ever parsed from it).
 * Overlapping highlights (a hedge inside a claim's content) give a piece several kinds.
 */
import { Fragment, type ReactNode } from 'react';
import type { Highlight } from '../types.js';
import { segments } from '../segments.js';

export function HighlightedText({ text, highlights, shown, describe, onPick, focus }: {
  text: string;
  highlights: Highlight[];
  shown: Set<string>;
  describe: (h: Highlight) => string;
  onPick: (h: Highlight) => void;
  /** highlights to mark more strongly (an incident's evidence, a picked claim) */
  focus?: (h: Highlight) => boolean;
}) {
  const parts: ReactNode[] = segments(text.length, highlights).map((seg) => {
    const piece = text.slice(seg.start, seg.end);
    const marks = seg.marks.filter((m) => shown.has(m.kind));
    if (marks.length === 0) return <Fragment key={seg.start}>{piece}</Fragment>;
    const kinds = [...new Set(marks.map((m) => m.kind))];
    const target = marks.find((m) => m.incident) ?? marks.find((m) => m.claim) ?? marks[0];
    const focused = focus !== undefined && marks.some(focus);
    return (
      <mark key={seg.start} className={kinds.map((k) => `hl-${k}`).join(' ') + (focused ? ' focus' : '')} data-kinds={kinds.join(' ')}
        data-incident={marks.find((m) => m.incident)?.incident} title={marks.map(describe).join('\n')}
        onClick={() => onPick(target)}>{piece}</mark>
    );
  });
  return <div className="report-text">{parts}</div>;
}
