import { MAX_THREAD_PARTS } from '../core/items';
import type { SiteAdapter, ThreadPart } from '../sites/types';

/**
 * On a conversation page, the author's self-thread the post belongs to (read only now, when it
 * is saved), so the whole thread is kept as one item without other people's replies.
 */
export function selfThreadOf(adapter: SiteAdapter, element: Element): { parts?: ThreadPart[] } {
  try {
    const parts = adapter.extractThread?.(element, new URL(location.href));
    return parts && parts.length > 1 ? { parts: parts.slice(0, MAX_THREAD_PARTS) } : {};
  } catch {
    return {}; // a thread we cannot read is saved as the single post
  }
}
