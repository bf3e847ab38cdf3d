// Optional abstractive one-line gist from Chrome's built-in Summarizer API (Gemini Nano).
//
// The extractive summary always works alone; this only adds a gist where the browser already has
// the model for the language. We never trigger a model download ('downloadable' counts as not
// available): Stroom promises no network and no model download. The API exists only in window
// contexts (extension pages, offscreen documents), not in the service worker, and headless
// Chromium answers 'unavailable' (see /work/shared/BROWSER-TESTING.md), so callers feature-detect
// through this function and treat null as "no gist".
import type { Lang } from './types';

export type SummarizerAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface SummarizerCreateOptions {
  type?: 'tldr' | 'key-points' | 'teaser' | 'headline';
  format?: 'plain-text' | 'markdown';
  length?: 'short' | 'medium' | 'long';
  expectedInputLanguages?: string[];
  outputLanguage?: string;
  signal?: AbortSignal;
}

export interface SummarizerInstance {
  summarize(input: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

/** The part of Chrome's `Summarizer` global that Stroom uses. */
export interface SummarizerApi {
  availability(options?: SummarizerCreateOptions): Promise<SummarizerAvailability>;
  create(options?: SummarizerCreateOptions): Promise<SummarizerInstance>;
}

const defaultApi = (): SummarizerApi | undefined =>
  (globalThis as { Summarizer?: SummarizerApi }).Summarizer;

/** Longest gist we keep: one line that fits the popup. */
const MAX_GIST_CHARS = 200;

/**
 * A one-line abstractive gist of `text`, or null when the built-in model is not available for
 * `lang`, the text is empty, or anything fails. Never throws.
 */
export async function builtinGist(
  text: string,
  lang: Lang,
  api: SummarizerApi | undefined = defaultApi(),
  signal?: AbortSignal,
): Promise<string | null> {
  if (!api || lang === 'other' || !text.trim()) return null;
  const options: SummarizerCreateOptions = {
    type: 'tldr',
    format: 'plain-text',
    length: 'short',
    expectedInputLanguages: [lang],
    outputLanguage: lang,
  };
  let summarizer: SummarizerInstance | undefined;
  try {
    if ((await api.availability(options)) !== 'available') return null;
    summarizer = await api.create(signal ? { ...options, signal } : options);
    const output = await summarizer.summarize(text, signal ? { signal } : undefined);
    // Models sometimes answer with bullets or several lines; keep the first real line.
    const line = output
      .split('\n')
      .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/u, '').trim())
      .find((l) => l.length > 0);
    if (!line) return null;
    return line.length > MAX_GIST_CHARS ? `${line.slice(0, MAX_GIST_CHARS - 1).trimEnd()}…` : line;
  } catch {
    return null;
  } finally {
    summarizer?.destroy();
  }
}
