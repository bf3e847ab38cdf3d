/** Display names of sites, and a safe link target for stored URLs. */

import { absoluteHttpUrl } from '../../sites/text';

export { SITE_LABELS } from '../../sites/labels';

/** Only http(s) URLs become links (never javascript: or data:), whatever is in storage. */
export function safeHref(url: string | null | undefined): string | undefined {
  return absoluteHttpUrl(url) ?? undefined;
}

/** A short plain-text excerpt, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
