/**
 * Claims, citations and sources of one report (STUB: being written).
 */
import type { AnalysedDoc } from '../nlp/analyse.js';
import type { Citation, Claim, Source } from '../model/index.js';

export interface Attribution {
  sources: Source[];
  claims: Claim[];
  citations: Citation[];
}

export function extractAttribution(_doc: AnalysedDoc): Attribution {
  return { sources: [], claims: [], citations: [] };
}
