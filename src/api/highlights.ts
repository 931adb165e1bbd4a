/**
 * The spans of one report that the web app highlights: where each claim names its source, its
 * cue, its content and hedges, and the evidence of each incident mention. Offsets are UTF-16
 * indices into the report's text (as the extraction gives them); spans outside the text are
 * dropped rather than sent.
 */
import type { Extraction } from '../model/index.js';

export type HighlightKind = 'source' | 'cue' | 'content' | 'hedge' | 'evidence';

export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
  claim?: string;
  source?: string;
  incident?: string;
}

type Span = { start: number; end: number } | null | undefined;

/** `incidentOf` maps an incident mention id to its incident id (linked), else the mention id is used. */
export function reportHighlights(ex: Extraction, textLength: number, incidentOf: (mentionId: string) => string | null = () => null): Highlight[] {
  const out: Highlight[] = [];
  const add = (s: Span, h: Omit<Highlight, 'start' | 'end'>) => {
    if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end)) return;
    if (s.start < 0 || s.end > textLength || s.end <= s.start) return;
    out.push({ start: s.start, end: s.end, ...h });
  };
  for (const c of ex.claims) {
    const source = c.source ?? undefined;
    add(c.sourceSpan, { kind: 'source', claim: c.id, ...(source ? { source } : {}) });
    add(c.cue, { kind: 'cue', claim: c.id, ...(source ? { source } : {}) });
    add(c.content, { kind: 'content', claim: c.id, ...(source ? { source } : {}) });
    for (const h of c.hedges) add(h, { kind: 'hedge', claim: c.id });
  }
  for (const m of ex.incidents) {
    const incident = incidentOf(m.id) ?? m.id;
    for (const e of m.evidence) add(e, { kind: 'evidence', incident });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.kind.localeCompare(b.kind));
}
