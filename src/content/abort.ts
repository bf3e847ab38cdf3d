/** Runs `then` once when `signal` aborts: how each part of the content script ends its work. */
export function onAbort(signal: AbortSignal, then: () => void): void {
  signal.addEventListener('abort', then, { once: true });
}
