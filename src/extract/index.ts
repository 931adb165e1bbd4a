/**
 * Per-report extraction: a pure function from one input report to the output contract of
 * `corroborate extract` (DESIGN.md). No I/O, no database: safe to run in worker threads.
 */
import { createHash } from 'node:crypto';
import type { Extraction, ReportInput } from '../model/index.js';
import { readReport } from '../ingest/read.js';
import { analyse } from '../nlp/analyse.js';
import { extractAttribution } from './attribution.js';
import { extractIncidents } from './incidents.js';

export function extractReport(input: ReportInput): Extraction {
  const read = readReport(input);
  const id = 'sha256:' + createHash('sha256').update(input.text, 'utf8').digest('hex');
  // The title is part of what the report says (headlines carry counts and places): it leads
  // the normalised text, so evidence found in it has offsets like any other span.
  const title = read.title ? headline(read.title) : '';
  const text = title && !read.text.startsWith(title) ? `${title}\n\n${read.text}` : read.text;
  const doc = analyse(text, { published: read.published, title: read.title });
  const attribution = extractAttribution(doc);
  const incidents = read.language === 'en' ? extractIncidents(doc, attribution) : [];
  return {
    report: { id, title: read.title, published: read.published, language: read.language, text },
    sources: attribution.sources,
    claims: attribution.claims,
    citations: attribution.citations,
    incidents,
    ...(read.warnings.length ? { warnings: read.warnings } : {}),
  };
}

/** A page title without the site name appended to it ("Man shot downtown :: WRAL.com"). */
function headline(title: string): string {
  return title.replace(/\s+(\||::|»)\s+[^|:»]{1,60}$/u, '').trim();
}
