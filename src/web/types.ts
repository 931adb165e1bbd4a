/**
 * The shapes the web app reads from the HTTP API (see the API contract in the README:
 * `corroborate serve`). Kept loose where the server may add fields: the app only relies on
 * what is declared here and tolerates missing optional parts.
 */

/** The incident types of the output contract (DESIGN.md). */
export const INCIDENT_TYPES = ['killing', 'execution', 'shooting', 'bombing', 'airstrike', 'shelling', 'armed_clash', 'abduction', 'arrest', 'assault', 'arson', 'other_violence'];

export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

/** A count: `max` null when no upper bound is stated ("at least 12"); `approximate` for "about 20". */
export interface Range { min: number; max: number | null; value?: number; approximate?: boolean }

export interface LocationSummary { name: string | null; admin1?: string | null; country?: string | null; lat: number | null; lon: number | null }

export interface IncidentListItem {
  id: string;
  type: string;
  date: { start: string | null; end: string | null };
  location: LocationSummary | null;
  killed: Range | null;
  injured: Range | null;
  reports: number;
  origins: number;
  independence: string;
  contradictions: string[];
  perpetrators: string[];
  /** fields a documenter corrected: the values shown are the corrected ones */
  reviewed: string[];
}

export interface FieldValue { value: string; count?: Range; reports: string[]; sources: string[]; origins: string[]; independence: string }

export interface FieldSummary {
  field: string;
  values: FieldValue[];
  contradiction: boolean;
  merged: { value: string | null; min: number | string | null; max: number | string | null; rule: string };
  text: string;
}

export interface ProvenanceNode { id: string; name: string; kind: string; origin?: boolean }
export interface ProvenanceEdge { from: string; to: string; evidence?: string[] | string }

export interface Provenance {
  nodes: ProvenanceNode[];
  edges: ProvenanceEdge[];
  counts?: { reports: number; outlets: number; origins: number };
  summary?: string;
}

export interface CaseIncident {
  id: string;
  type: string;
  date: { start: string | null; end: string | null; value?: string | null };
  location: LocationSummary | null;
  killed: Range | null;
  injured: Range | null;
  perpetrators: Array<{ name: string | null; group?: string | null; text?: string } | string>;
  victims?: Array<{ name: string | null; age?: number | null; gender?: string | null; description?: string | null; text?: string }>;
  reports: Array<{ id: string; externalId: string | null; title: string | null; published: string | null; mention?: string }>;
  sources: string[];
  origins: string[];
  contradictions: Array<{ field: string; values: Array<{ value: string; sources: string[]; origins: string[] }> }>;
  fields: FieldSummary[];
  provenance?: Provenance;
}

export interface ReportRef { id: string; externalId: string | null; title: string | null; published: string | null; url: string | null }

export interface Review { field: string; action: string; value: unknown; previous: unknown; by: string | null; at: string; note?: string | null }

export interface IncidentSheet {
  incident: CaseIncident & { provenance: Provenance };
  reports: ReportRef[];
  reviews: Review[];
  effective: Record<string, unknown>;
}

export interface ReportListItem extends ReportRef { status: string; bytes: number }

export interface Highlight {
  start: number;
  end: number;
  kind: 'source' | 'cue' | 'content' | 'hedge' | 'evidence';
  claim?: string;
  source?: string;
  incident?: string;
}

export interface Span { start: number; end: number; text: string }

export interface ReportView {
  report: ReportRef & { status: string; text: string };
  sources: Array<{ id: string; name: string; kind: string }>;
  claims: Array<{ id: string; source: string | null; cue: Span | null; content: Span; quote?: string; hedges?: Span[] }>;
  citations: Array<{ from: string; to: string; evidence?: Span }>;
  incidents: Array<{ mentionId: string; incidentId: string | null; type: string }>;
  highlights: Highlight[];
}

export interface SourceItem { id: string; name: string; kind: string; aliases: string[]; reports: number }

export interface ClaimItem { id: string; reportId: string; source: { id: string; name: string } | null; cue: Span | string | null; content: Span | string; quote: string; hedges: Array<Span | string> }

/** One write as the audit log keeps it; names vary a little between routes, so all are optional. */
export interface AuditEntry {
  id?: string | number;
  by?: string | null;
  who?: string | null;
  actor?: string | null;
  at?: string;
  when?: string;
  action: string;
  target?: string | null;
  previous?: unknown;
  value?: unknown;
  new?: unknown;
  next?: unknown;
  note?: string | null;
  why?: string | null;
}

export interface Me { name?: string | null; role: 'public' | 'viewer' | 'editor' | 'admin' | string }
export interface Config { tiles: string | null; public: boolean }
export interface Health { ok: boolean; reports: number; incidents: number; sources: number }
