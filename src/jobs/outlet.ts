/**
 * The publisher (outlet) of a report from its address. Its own small module: ingest needs it
 * without loading the linker.
 */

/** The publisher of a report, when its URL names one (host without "www."). */
export function outletOf(url: string | null | undefined): string | null {
  if (!url) return null;
  // an archived copy names the archive, not the publisher: look at the archived address
  const archived = /^https?:\/\/(?:web\.)?archive\.org\/web\/[^/]+\/(.+)$/i.exec(url) ?? /^https?:\/\/archive\.(?:today|is|ph|li)\/[^/]+\/(.+)$/i.exec(url);
  if (archived) return outletOf(/^https?:/i.test(archived[1]) ? archived[1] : `http://${archived[1]}`);
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host || null;
  } catch {
    return null;
  }
}
