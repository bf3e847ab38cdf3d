/**
 * The content script's optional parts, kept out of the bundle every feed page loads (its budget
 * is 20 KB minified): the background injects each one into the tab with scripting.executeScript
 * only when it is wanted. The caught-up memory (the items scrolled past, and the divider) comes
 * once a feed page has read its settings; the debug badges and the session nudge are off by
 * default; the keyboard command's code is needed only when the command is pressed, and the code
 * that saves (with the self-thread reader) only from the first save with an item's button, and
 * the adapter-health check only once a feed page has had a few seconds to show its timeline. Each
 * is its own file in dist/ (src/content/extras/<name>.ts, built by build.mjs).
 */
export const EXTRA_NAMES = ['seen', 'badges', 'nudge', 'command', 'save', 'health'] as const;
export type ExtraName = (typeof EXTRA_NAMES)[number];

export const extraFile = (name: ExtraName): string => `content-extra-${name}.js`;

/**
 * Not a script: the save control's look (src/core/controlStyle.ts), which the background
 * inserts into the frame as a user stylesheet, asked for once a frame shows a feed.
 */
export const CONTROL_STYLE = 'control-style';

/** What a feed page may ask the background to put into its frame. */
export type FrameAddition = ExtraName | typeof CONTROL_STYLE;
const FRAME_ADDITIONS: readonly unknown[] = [...EXTRA_NAMES, CONTROL_STYLE];

/**
 * Content script → background: "this feed page wants these extras" (or the controls' style). Not
 * part of the message contract (src/core/messages): the background answers it beside the router
 * because it needs the sender's tab and frame, which handlers do not see; the background checks
 * the settings again.
 */
export interface LoadExtrasRequest {
  stroom: 1;
  type: 'load-extras';
  names: FrameAddition[];
}

export function isLoadExtrasRequest(message: unknown): message is LoadExtrasRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { stroom, type, names } = message as Record<string, unknown>;
  return (
    stroom === 1 &&
    type === 'load-extras' &&
    Array.isArray(names) &&
    new Set(names).size === names.length &&
    names.every((name) => FRAME_ADDITIONS.includes(name))
  );
}
