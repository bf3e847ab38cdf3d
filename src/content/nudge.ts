/**
 * The optional session nudge (off by default): after N minutes on the feed or M items scrolled
 * past, one dismissible note at the top of the page, shown once per page visit:
 * "You've seen 150 posts and saved 4. Your digest comes at 18:00."
 */
export const NUDGE_TAG = 'stroom-nudge';

export interface NudgeOptions {
  document: Document;
  minutes: number;
  items: number;
  text(seen: number, saved: number): string;
  dismissText: string;
  signal: AbortSignal;
}

export interface SessionNudge {
  /** `count` more items scrolled past. */
  seen(count?: number): void;
  saved(): void;
}

export function sessionNudge(options: NudgeOptions): SessionNudge {
  const { document, signal } = options;
  let seen = 0;
  let saved = 0;
  let shown = false;

  const show = () => {
    if (shown || signal.aborted) return;
    shown = true;
    const host = document.createElement(NUDGE_TAG);
    host.setAttribute('role', 'status');
    // Styled through the CSSOM: a page's style CSP may block a <style> element, not this.
    host.style.cssText =
      'all:initial;position:fixed;top:12px;left:50%;transform:translateX(-50%);z-index:2147483646;max-width:min(520px,calc(100vw - 24px));' +
      'display:flex;align-items:center;gap:12px;padding:10px 12px 10px 16px;border-radius:10px;background:#fbfbf9;color:#1d2327;' +
      'box-shadow:0 2px 12px rgba(0,0,0,.18);font:14px/1.4 system-ui,sans-serif';
    const text = document.createElement('span');
    text.textContent = options.text(seen, saved);
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = options.dismissText;
    dismiss.style.cssText = 'font:inherit;color:#0e5a66;font-weight:600;background:none;border:0;padding:4px 10px;cursor:pointer;text-decoration:underline';
    dismiss.addEventListener('click', () => host.remove());
    host.attachShadow({ mode: 'open' }).append(text, dismiss);
    document.body.append(host);
    signal.addEventListener('abort', () => host.remove(), { once: true });
  };

  const timer = setTimeout(show, options.minutes * 60_000);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return {
    seen(count = 1) {
      seen += count;
      if (seen >= options.items) show();
    },
    saved() {
      saved++;
    },
  };
}
