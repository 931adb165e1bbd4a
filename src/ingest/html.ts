/**
 * Main article text of an HTML page: @mozilla/readability on a linkedom DOM, then the article
 * DOM is turned into text with one paragraph per block element (readability's own
 * `textContent` glues paragraphs together).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from './errors.js';
import { normaliseText } from './normalise.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul', 'caption',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'head', 'button', 'select', 'input', 'textarea']);
const CELL = new Set(['td', 'th']);

/** Text of a DOM subtree with blank lines between blocks and newlines for <br>. Iterative (deep pages do not overflow the stack). */
export function blockText(root: any): string {
  const out: string[] = [];
  // stack of nodes, or a marker string to emit when leaving a block
  const stack: any[] = [root];
  let pre = 0;
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node === '</pre>') pre--;
      else out.push(node);
      continue;
    }
    if (node.nodeType === 3) {
      const v: string = node.nodeValue ?? '';
      out.push(pre > 0 ? v : v.replace(/[ \t\r\n\f]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = String(node.localName ?? node.nodeName ?? '').toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === 'br') { out.push('\n'); continue; }
    const block = BLOCK.has(name);
    if (block) out.push('\n\n');
    if (name === 'pre') { pre++; stack.push('</pre>'); }
    if (block) stack.push('\n\n');
    else if (CELL.has(name)) stack.push(' ');
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return normaliseText(out.join(''));
}

/** Readability's cost grows steeply with nesting depth and element count: beyond these, a linear fallback. */
const MAX_READABILITY_DEPTH = 80;
const MAX_READABILITY_ELEMENTS = 40_000;
/** Page furniture removed by the fallback extractor. */
const FALLBACK_DROP = 'nav, header, footer, aside, form, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

/** Element count and maximum element depth under `root` (iterative). */
export function domShape(root: any): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: Array<[any, number]> = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    const kids = node.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      elements++;
      if (d + 1 > depth) depth = d + 1;
      stack.push([kids[i], d + 1]);
    }
  }
  return { elements, depth };
}

export interface HtmlArticle {
  title: string | null;
  text: string;
  /** ISO date (YYYY-MM-DD or datetime) from the page metadata, if any */
  published: string | null;
  lang: string | null;
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(!doctype html|html))/.test(head)) return true;
  if (!head.startsWith('<')) return false;
  const tags = head.match(/<\/?(p|div|span|a|br|article|section|h[1-6]|ul|li|table|meta|title|script)\b/g);
  return (tags?.length ?? 0) >= 3;
}

function wrap(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 5000)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

export function htmlToArticle(html: string): HtmlArticle {
  let document: any;
  try {
    document = parseHTML(wrap(html)).document;
  } catch (e) {
    throw new IngestError('no_article', `HTML could not be parsed (${(e as Error).message})`);
  }
  const pageTitle: string | null = (document.title ?? '').replace(/\s+/g, ' ').trim() || null;
  const lang: string | null = document.documentElement?.getAttribute?.('lang') ?? null;
  const shape = domShape(document.documentElement ?? document);
  if (shape.depth > MAX_READABILITY_DEPTH || shape.elements > MAX_READABILITY_ELEMENTS) {
    // pathological page: readability would take minutes; keep the body minus page furniture
    const body = document.body ?? document.documentElement;
    for (const el of [...body.querySelectorAll(FALLBACK_DROP)]) el.remove();
    return { title: pageTitle, text: blockText(body), published: null, lang };
  }
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(document, { keepClasses: false }).parse();
  } catch {
    parsed = null;
  }
  if (!parsed || !parsed.content) throw new IngestError('no_article', 'no article text found in HTML');
  const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const text = blockText(articleDoc.body ?? articleDoc);
  const title = (parsed.title ?? '').replace(/\s+/g, ' ').trim() || pageTitle;
  return { title, text, published: parsed.publishedTime ?? null, lang };
}
