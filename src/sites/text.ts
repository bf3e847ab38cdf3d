/**
 * Text helpers shared by the site adapters. The normalisation is the fixtures' contract
 * (test/fixtures/README.md): drop in-text UI controls, replace emoji <img> by their alt text,
 * treat block elements as whitespace, then collapse whitespace (NBSP included) and trim.
 */

const BLOCK_TAGS = new Set(['P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'TD', 'SECTION', 'ARTICLE']);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg']);

export interface NormalizeOptions {
  /** In-text UI to leave out, e.g. a "See more" button. */
  skip?: string;
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Normalised visible text of an element, or "" when there is no element. */
export function normalizedText(element: Element | null | undefined, options: NormalizeOptions = {}): string {
  if (!element) return '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push((child as Text).data);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIPPED_TAGS.has(el.tagName)) continue;
        if (options.skip && el.matches(options.skip)) continue;
        if (el.tagName === 'IMG') {
          parts.push(el.getAttribute('alt') ?? '');
          continue;
        }
        const block = BLOCK_TAGS.has(el.tagName);
        if (block) parts.push(' ');
        walk(el);
        if (block) parts.push(' ');
      }
    }
  };
  walk(element);
  return collapseWhitespace(parts.join(''));
}

/** Normalised text, or null when it is empty. */
export function textOrNull(element: Element | null | undefined, options?: NormalizeOptions): string | null {
  const text = normalizedText(element, options);
  return text === '' ? null : text;
}

/** First element matching any of the alternatives, tried in order. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** An absolute http(s) URL for an href, or null (no javascript:, data: or junk). */
export function absoluteHttpUrl(href: string | null | undefined, base: URL | string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
