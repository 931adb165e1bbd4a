/**
 * The --tiles template as the web app can use it (src/web/tiles.ts fills in {z}, {x} and {y}
 * only): an http(s) URL with those three and no other placeholder; a RangeError saying what to
 * change otherwise. Checked by buildServer and, before anything is opened, by the command line
 * (so this module imports nothing).
 */
export function checkTileTemplate(template: string): string {
  const t = template.trim();
  const example = 'such as https://tile.example.org/{z}/{x}/{y}.png';
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !t.includes(p));
  if (missing.length) throw new RangeError(`the tile URL must contain {z}, {x} and {y} (${example}); ${missing.join(', ')} missing in "${t.slice(0, 200)}"`);
  const other = /\{[^}]*\}/g.exec(t.replace(/\{[zxy]\}/g, ''));
  if (other) throw new RangeError(`the tile URL may contain only {z}, {x} and {y}, not ${other[0]}: give one host and the tile path (${example})`);
  let url: URL;
  try {
    url = new URL(t.replace(/\{[zxy]\}/g, '0'));
  } catch {
    throw new RangeError(`the tile URL is not a URL: "${t.slice(0, 200)}" (${example})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`the tile URL must be http or https (${example}); got ${url.protocol}`);
  return t;
}
