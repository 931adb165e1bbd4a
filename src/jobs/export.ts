/**
 * `corroborate export` and `GET /api/export/*`: the incidents matching the filters of
 * `corroborate incidents` / `GET /api/incidents`, streamed to a writable a page at a time
 * (memory stays flat whatever the size of the case file) in one of four formats:
 *
 *  - acled:   CSV in ACLED's column layout (src/export/acled-csv.ts)
 *  - geojson: an RFC 7946 FeatureCollection (src/export/geojson.ts)
 *  - prov:    W3C PROV-JSON, one bundle per incident (src/export/prov-json.ts)
 *  - jsonl:   one incident per line (src/export/jsonl.ts)
 *
 * The writable is not ended: the caller ends it (an HTTP response, a file, stdout). Writes
 * respect back-pressure; if the writable errors or closes early the export stops with that error.
 */
import { once } from 'node:events';
import { acledHeader, acledLine } from '../export/acled-csv.js';
import { GEOJSON_HEAD, GEOJSON_TAIL, incidentFeature } from '../export/geojson.js';
import { incidentLine } from '../export/jsonl.js';
import { incidentProvBundle, provBundleEntry, provHead, provTail } from '../export/prov-json.js';
import { extractorVersion, incidentContext, incidentPages, type Db, type IncidentFilters } from '../store/index.js';

export const EXPORT_FORMATS = ['acled', 'geojson', 'prov', 'jsonl'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** Content type and file name of each format (for HTTP responses and `--out` defaults). */
export const EXPORT_MEDIA: Record<ExportFormat, { contentType: string; fileName: string }> = {
  acled: { contentType: 'text/csv; charset=utf-8; header=present', fileName: 'acled.csv' },
  geojson: { contentType: 'application/geo+json', fileName: 'incidents.geojson' },
  prov: { contentType: 'application/json', fileName: 'prov.json' },
  jsonl: { contentType: 'application/x-ndjson; charset=utf-8', fileName: 'incidents.jsonl' },
};

export interface ExportOptions {
  /** incidents per page read from the store (default 200) */
  pageSize?: number;
}

/** Writes with back-pressure; rejects if the stream errors or closes before it drains. */
async function put(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (out.write(chunk)) return;
  const ac = new AbortController();
  try {
    await Promise.race([
      once(out as unknown as NodeJS.EventEmitter, 'drain', { signal: ac.signal }),
      once(out as unknown as NodeJS.EventEmitter, 'close', { signal: ac.signal }).then(() => {
        throw new Error('export: the output closed before the export finished');
      }),
    ]);
  } finally {
    ac.abort();
  }
}

/**
 * Streams the incidents matching `filters` to `out` in `format`. Resolves with the number of
 * incidents written. A bad filter (a date that is not YYYY-MM-DD, a bad `near`) or an unknown
 * format rejects before anything is written.
 */
export async function exportIncidents(db: Db, format: ExportFormat, filters: IncidentFilters, out: NodeJS.WritableStream, opts: ExportOptions = {}): Promise<{ incidents: number }> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`unknown export format "${String(format)}" (one of ${EXPORT_FORMATS.join(', ')})`);
  }
  const pages = incidentPages(db, filters, opts.pageSize ?? 200);
  // read the first page before writing anything: a bad filter fails with nothing written
  let next = await pages.next();
  const software = extractorVersion();
  let count = 0;
  const ids: string[] = [];
  if (format === 'acled') await put(out, acledHeader());
  else if (format === 'geojson') await put(out, GEOJSON_HEAD);
  else if (format === 'prov') await put(out, provHead());
  for (; !next.done; next = await pages.next()) {
    const page = next.value;
    const needsContext = format === 'acled' || format === 'prov';
    const ctx = needsContext ? await incidentContext(db, page.map((s) => s.id), { claims: format === 'prov' }) : null;
    let chunk = '';
    for (const s of page) {
      if (format === 'jsonl') chunk += incidentLine(s);
      else if (format === 'geojson') chunk += (count ? ',\n' : '') + JSON.stringify(incidentFeature(s));
      else if (format === 'acled') {
        chunk += acledLine(s, { mentions: ctx!.mentions.filter((m) => m.incidentId === s.id), updatedAt: ctx!.updatedAt.get(s.id) ?? null });
      } else {
        const bundle = incidentProvBundle(s, { ...ctx!, updatedAt: ctx!.updatedAt.get(s.id) ?? null, software });
        chunk += (count ? ',\n' : '') + provBundleEntry(s, bundle);
        ids.push(s.id);
      }
      count++;
    }
    await put(out, chunk);
  }
  if (format === 'geojson') await put(out, GEOJSON_TAIL);
  else if (format === 'prov') await put(out, provTail(ids, software));
  return { incidents: count };
}
