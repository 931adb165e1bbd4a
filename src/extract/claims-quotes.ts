/**
 * Quotation regions of a text: “curly”, "straight", ''doubled apostrophes'' and ``TeX-style''.
 * A region runs from its opening mark to the end of its closing mark (end exclusive). Quotes do
 * not run over a line break: an unclosed quote at the end of a paragraph is dropped (news
 * paragraphs that continue a quote re-open it). Linear in the length of the text.
 */
export interface QuoteRegion {
  start: number;
  /** exclusive, after the closing mark */
  end: number;
}

export interface QuoteIndex {
  regions: QuoteRegion[];
  /** region whose opening mark starts at `offset` */
  openingAt(offset: number): QuoteRegion | null;
  /** region whose closing mark ends at `offset` */
  closingAt(offset: number): QuoteRegion | null;
  /** innermost region containing [start, end) */
  containing(start: number, end: number): QuoteRegion | null;
}

export function findQuotes(text: string): QuoteIndex {
  const regions: QuoteRegion[] = [];
  let open = -1;
  let style = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { open = -1; style = ''; continue; }
    if (c === '“') {
      open = i; style = 'curly';
    } else if (c === '”') {
      if (open >= 0 && style === 'curly') { regions.push({ start: open, end: i + 1 }); open = -1; style = ''; }
      else if (open >= 0 && style === 'straight') { regions.push({ start: open, end: i + 1 }); open = -1; style = ''; }
    } else if (c === '"') {
      if (open >= 0 && (style === 'straight' || style === 'curly')) { regions.push({ start: open, end: i + 1 }); open = -1; style = ''; }
      else { open = i; style = 'straight'; }
    } else if (c === "'" && text[i + 1] === "'") {
      if (open >= 0 && (style === 'double' || style === 'tex')) { regions.push({ start: open, end: i + 2 }); open = -1; style = ''; }
      else if (open < 0) { open = i; style = 'double'; }
      i++;
    } else if (c === '`' && text[i + 1] === '`') {
      open = i; style = 'tex'; i++;
    }
  }
  const byStart = new Map<number, QuoteRegion>();
  const byEnd = new Map<number, QuoteRegion>();
  for (const r of regions) { byStart.set(r.start, r); byEnd.set(r.end, r); }
  return {
    regions,
    openingAt: o => byStart.get(o) ?? null,
    closingAt: o => byEnd.get(o) ?? null,
    containing(start, end) {
      // regions are sorted by start and do not overlap: binary search the last region starting <= start
      let lo = 0, hi = regions.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (regions[mid].start <= start) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      if (found >= 0 && regions[found].end >= end) return regions[found];
      return null;
    },
  };
}
