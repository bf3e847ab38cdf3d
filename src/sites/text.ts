/**
 * Text helpers shared by the site adapters. The normalisation is the fixtures' contract
 * (test/fixtures/README.md): drop in-text UI controls, replace emoji <img> by their alt text,
 * treat block elements as whitespace, then collapse whitespace (NBSP included) and trim.
 */

/**
 * Tags by `localName` (lowercase), never `tagName`: jsdom upper-cases the name on the first
 * `tagName` read of every element, which costs as much as the walk step itself on fresh rows.
 * The same goes for attributes: adapters read them with `getAttributeNS(null, name)`, which for
 * the plain lowercase attributes of HTML is `getAttribute(name)` without jsdom lower-casing the
 * name and hashing it on every call (half the per-element cost; test/bench/extract.mjs).
 * test/dom/sites-conventions.test.ts keeps both rules.
 */
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'td', 'section', 'article']);
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);

export interface NormalizeOptions {
  /**
   * In-text UI to leave out (a "See more" button), checked per element during the text walk: no
   * subtree query, which matters where nwsapi answers class selectors from the whole document
   * (Mastodon, Threads). For a selector, `skipMatching`.
   */
  skipElement?: (element: Element) => boolean;
}

/** Normalised visible text of an element (whitespace collapsed, NBSP included), or "" when there is no element. */
export function normalizedText(element: Element | null | undefined, options?: NormalizeOptions): string {
  return element ? collapse(rawText(element, '', options?.skipElement ?? null)) : '';
}

/** Whitespace (NBSP included) collapsed to single spaces, and trimmed. */
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * `skipElement` for the elements under `root` that match `selector`: one query, not el.matches()
 * per descendant (under jsdom a matches() call costs about as much as a whole querySelectorAll
 * over a small item).
 */
export function skipMatching(root: Element, selector: string): (element: Element) => boolean {
  const skipped = new Set(Array.from(root.querySelectorAll(selector)));
  return (element) => skipped.has(element);
}

/**
 * `text` plus the text below `node`, before whitespace is collapsed. A plain recursive function
 * appending to one string: no closure, array or option object per call, and one nodeType read per
 * node (each DOM getter is a wrapper call under jsdom).
 */
function rawText(node: Node, text: string, skipElement: ((element: Element) => boolean) | null): string {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      text += (child as Text).data;
    } else if (type === 1) {
      const el = child as Element;
      const tag = el.localName;
      if (SKIPPED_TAGS.has(tag) || skipElement?.(el)) continue;
      if (tag === 'img') {
        text += el.getAttributeNS(null, 'alt') ?? '';
      } else if (BLOCK_TAGS.has(tag)) {
        text = `${rawText(el, `${text} `, skipElement)} `;
      } else {
        text = rawText(el, text, skipElement);
      }
    }
  }
  return text;
}

/** Normalised text, or null when it is empty. */
export function textOrNull(element: Element | null | undefined, options?: NormalizeOptions): string | null {
  return normalizedText(element, options) || null;
}

/** First element matching any of the alternatives, tried in order. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * An absolute http(s) URL for an href, or null (no javascript:, data: or junk). Without a base,
 * only an already absolute URL passes.
 */
export function absoluteHttpUrl(href: string | null | undefined, base?: URL | string): string | null {
  return httpUrl(href, base)?.href ?? null;
}

/** The same check, returning the parsed URL for callers that go on to read its parts (one parse, not two). */
export function httpUrl(href: string | null | undefined, base?: URL | string): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Visit every element below `root` once, in document order. `visit` returns false to skip an
 * element's subtree. Adapters read all their hooks in one pass with this instead of one
 * querySelector per field: each query walks the whole item again, which dominates extraction cost.
 */
export function forEachElement(root: Element, visit: (element: Element) => boolean | void): void {
  // firstElementChild/nextElementSibling: jsdom's lastElementChild and previousElementSibling
  // walk the child list, so a reverse-order stack would cost more than the recursion.
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (visit(child) !== false) forEachElement(child, visit);
  }
}

/** The nearest ancestor (or the element itself), at most `maxDepth` levels up, that is an <a>. */
export function enclosingLink(element: Element | null | undefined, maxDepth = 4): Element | null {
  for (let el = element ?? null, depth = 0; el && depth <= maxDepth; el = el.parentElement, depth += 1) {
    if (el.localName === 'a') return el;
  }
  return null;
}

/**
 * First element below `root` (document order) that satisfies `test`, or null. For small
 * subtrees and checks a selector cannot express cheaply; stops at the first hit.
 * (Used by the LinkedIn, Reddit, YouTube and Facebook adapters.)
 */
export function findElement(root: Element, test: (element: Element) => boolean): Element | null {
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return null;
}

/**
 * An attribute's value, or null when the element or the attribute is missing: the one
 * `getAttributeNS(null, name)` read the adapters share (see the note at the top of this file).
 */
export function attr(element: Element | null | undefined, name: string): string | null {
  return element ? element.getAttributeNS(null, name) : null;
}

/** The class attribute as a string (read as an attribute: SVG elements expose an object as `className`). */
export function classNameOf(element: Element): string {
  return attr(element, 'class') ?? '';
}

/** Does the element carry this class? (No `classList`: jsdom builds a token list per element.) */
export function hasClass(element: Element, name: string): boolean {
  return classNameOf(element).split(/[\t\n\f\r ]+/).includes(name);
}

/** The links under `root`, in document order (a walk: HTMLCollection access is slow in jsdom). */
export function anchorsIn(root: Element): Element[] {
  const anchors: Element[] = [];
  forEachElement(root, (el) => {
    if (el.localName === 'a') anchors.push(el);
    return true;
  });
  return anchors;
}
