/** Publication dates as given by inputs, pages and the command line, to ISO YYYY-MM-DD. */

/** "2016-05-03", "2016-05-03T10:00:00Z", "May 3, 2016", "Tue, 03 May 2016 10:00:00 GMT" -> "2016-05-03"; null if not a date. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (value == null) return null;
  const s = value.trim();
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(s);
  if (iso) {
    const [, y, m, d] = iso;
    const dt = new Date(Date.UTC(+y, +m - 1, +d));
    return dt.getUTCMonth() === +m - 1 && dt.getUTCDate() === +d ? `${y}-${m}-${d}` : null;
  }
  if (!/[a-z]/i.test(s) && !/\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const dt = new Date(t);
  // an explicit zone ("GMT", "+0200") is read as UTC day; otherwise the day as written (local)
  const utc = /(gmt|utc|z|[+-]\d{2}:?\d{2})\s*$/i.test(s);
  const y = utc ? dt.getUTCFullYear() : dt.getFullYear();
  const m = (utc ? dt.getUTCMonth() : dt.getMonth()) + 1;
  const d = utc ? dt.getUTCDate() : dt.getDate();
  if (y < 1000 || y > 9999) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
