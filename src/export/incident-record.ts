import type { CountRange } from '../model/index.js';
import { withCorrections, type IncidentSummary } from '../store/index.js';

/**
 * The stored incident record (src/link `CaseIncident` as saved by src/jobs/case-file.ts
 * `incidentRecord`, read back as JSON) as the export formats read it: every field optional,
 * because records written by older versions may lack some.
 */
export interface StoredIncident {
  type?: string | null;
  date?: { start: string | null; end: string | null } | null;
  location?: { name?: string | null; admin1?: string | null; country?: string | null; lat?: number | null; lon?: number | null } | null;
  /** `max` null: no upper bound stated */
  killed?: CountRange | null;
  injured?: CountRange | null;
  perpetrators?: { name: string | null; group: string | null; text: string }[];
  victims?: { description: string | null; text: string }[];
  origins?: string[];
  sources?: string[];
  contradictions?: { field: string; values: { value: string; sources: string[] }[] }[];
  fields?: { field: string; values: { value: string; sources: string[] }[]; text: string }[];
  provenance?: {
    nodes?: { id: string; name: string; kind: string }[];
    edges?: { from: string; to: string; evidence: string[] }[];
    summary?: string;
    reports?: Record<string, { outlet?: string; speakers?: string[] }>;
  };
}

/** What an export states of an incident: its stored record with the documenters' corrections in force. */
export function effectiveRecord(s: Pick<IncidentSummary, 'record' | 'reviewed'>): StoredIncident {
  return withCorrections(s.record as unknown as StoredIncident, s.reviewed);
}
