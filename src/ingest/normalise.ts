/**
 * Text normalisation shared by every reader: the text the extractors see and the offsets of
 * the output refer to. Unicode NFC; CRLF / CR / U+2028 / U+2029 to LF; runs of spaces, tabs
 * and other horizontal spaces (NBSP, thin space, ...) to one space; lines trimmed; at most one
 * blank line between paragraphs; the whole trimmed. Curly quotes, dashes, apostrophes and
 * every letter are kept as they are (no ASCII folding).
 */

// C0/C1 control characters other than TAB and LF (CR, VT and FF are turned into LF first).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Byte-order marks, zero-width spaces and soft hyphens: invisible and never meaningful in a report.
const INVISIBLE = /[\uFEFF\u200B\u00AD]/g;
const HSPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

export function normaliseText(raw: string): string {
  let t = raw.normalize('NFC');
  t = t.replace(/\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g, '\n');
  t = t.replace(CONTROL, '').replace(INVISIBLE, '');
  t = t.replace(HSPACE, ' ');
  // trim every line, then collapse runs of blank lines to one
  t = t.replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n');
  return t.trim();
}

/** Count of characters that are neither letters/digits/punctuation nor whitespace we accept: used by the binary check. */
export function controlRatio(sample: string): number {
  if (!sample.length) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127 || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}
