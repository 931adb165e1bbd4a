/**
 * Incident mentions of one report (STUB: being written).
 */
import type { AnalysedDoc } from '../nlp/analyse.js';
import type { IncidentMention } from '../model/index.js';
import type { Attribution } from './attribution.js';

export function extractIncidents(_doc: AnalysedDoc, _attribution: Attribution): IncidentMention[] {
  return [];
}
