/**
 * JSON Lines export: one incident per line, exactly the line of `corroborate incidents --format
 * jsonl` (`incidentJson`: id, type, date, location, killed, injured, perpetrators, victims,
 * reports, sources, sourceNames, origins, independence, contradictions).
 */
import { incidentJson } from '../jobs/case-file.js';
import type { IncidentSummary } from '../store/index.js';

/** The JSON object of one incident (the `incidents --format jsonl` line, parsed). */
export function incidentLineObject(s: IncidentSummary): Record<string, unknown> {
  return incidentJson(s);
}

/** One line, newline-terminated. JSON.stringify escapes U+2028 / U+2029 and every control character. */
export function incidentLine(s: IncidentSummary): string {
  return JSON.stringify(incidentLineObject(s)) + '\n';
}
