/**
 * The content script's extras (src/messaging/extras.ts): which ones the background injects for a
 * request (only those the settings switch on, only into a content script's tab), and how an
 * injected file joins the running script through the bridge (once, with the items decorated
 * while it was on its way). Real injection is tested in Chromium (test/e2e/extras.test.ts).
 */
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { contentFrame, extrasToLoad } from '../../src/background/inject';
import { addFeedExtra, claimExtra, contentBridge, setContentBridge, startExtra } from '../../src/content/bridge';
import type { ContentBridge, DecoratedEntries, FeedView } from '../../src/content/bridge';
import { extraFile, isLoadExtrasRequest } from '../../src/messaging/extras';
import type { LoadExtrasRequest } from '../../src/messaging/extras';
import { x } from '../../src/sites/x';

const request = (...names: LoadExtrasRequest['names']): LoadExtrasRequest => ({ stroom: 1, type: 'load-extras', names });
const withSettings = (debugBadges: boolean, nudge: boolean): Settings => ({ ...DEFAULT_SETTINGS, debugBadges, feed: { ...DEFAULT_SETTINGS.feed, nudge } });

describe('the load-extras request', () => {
  test.each([
    [{ stroom: 1, type: 'load-extras', names: ['badges'] }, true],
    [{ stroom: 1, type: 'load-extras', names: ['badges', 'nudge', 'command'] }, true],
    [{ stroom: 1, type: 'load-extras', names: [] }, true],
    [{ stroom: 1, type: 'load-extras', names: ['control-style'] }, true],
    [{ stroom: 1, type: 'load-extras', names: ['style.css'] }, false],
    [{ stroom: 1, type: 'load-extras', names: ['../background'] }, false],
    [{ stroom: 1, type: 'load-extras', names: 'badges' }, false],
    [{ stroom: 1, type: 'load-extras', names: ['badges', 'badges', 'badges', 'badges'] }, false],
    [{ stroom: 1, type: 'save-item', names: ['badges'] }, false],
    [{ type: 'load-extras', names: ['badges'] }, false],
    [null, false],
    ['load-extras', false],
  ])('%j is one: %s', (message, expected) => {
    expect(isLoadExtrasRequest(message)).toBe(expected);
  });

  test('names its files as build.mjs builds them', () => {
    expect(extraFile('badges')).toBe('content-extra-badges.js');
  });
});

describe('what the background injects', () => {
  test('only the asked-for extras the settings switch on', () => {
    expect(extrasToLoad(request('badges', 'nudge'), DEFAULT_SETTINGS)).toEqual([]);
    expect(extrasToLoad(request('badges', 'nudge'), withSettings(true, false))).toEqual(['badges']);
    expect(extrasToLoad(request('badges', 'nudge'), withSettings(false, true))).toEqual(['nudge']);
    expect(extrasToLoad(request('nudge', 'badges', 'nudge'), withSettings(true, true))).toEqual(['nudge', 'badges']);
    expect(extrasToLoad(request('nudge'), withSettings(true, false))).toEqual([]);
  });

  test('the caught-up memory, the save code, the adapter-health check and the controls\' style whatever the settings', () => {
    expect(extrasToLoad(request('seen', 'save', 'health', 'control-style'), DEFAULT_SETTINGS)).toEqual(['seen', 'save', 'health', 'control-style']);
    expect(extrasToLoad(request('seen'), { ...DEFAULT_SETTINGS, feed: { ...DEFAULT_SETTINGS.feed, caughtUpDivider: false } })).toEqual(['seen']);
  });

  test('never the command handler on a page\'s request (the background injects it when the command is pressed)', () => {
    expect(extrasToLoad(request('command'), withSettings(true, true))).toEqual([]);
  });

  test('into the sender\'s tab and frame, and only for a sender in a tab', () => {
    expect(contentFrame({ tab: { id: 7 }, frameId: 0 })).toEqual({ tabId: 7, frameId: 0 });
    expect(contentFrame({ tab: { id: 7 } })).toEqual({ tabId: 7, frameId: 0 });
    expect(contentFrame({ tab: { id: 7 }, frameId: 3 })).toEqual({ tabId: 7, frameId: 3 });
    expect(contentFrame({})).toBeNull();
    expect(contentFrame({ tab: {} })).toBeNull();
    expect(contentFrame({ tab: { id: -1 } })).toBeNull(); // tabs.TAB_ID_NONE
  });
});

describe('an injected extra joining the content script', () => {
  const entry = (id: string): DecoratedEntries[number] => ({ element: {} as Element, id });
  let lifetime: AbortController;
  let bridge: ContentBridge;
  const view = (early: DecoratedEntries[number][] | null): FeedView => ({ signal: new AbortController().signal, settings: {}, hooks: [], early });

  beforeEach(() => {
    lifetime = new AbortController();
    bridge = { adapter: x, lifetime: lifetime.signal, t: (name) => name, view: null, loaded: new Set(), extras: [], pointer: null, pointerIsNewer: false, showSaved: () => undefined };
    setContentBridge(bridge);
  });

  test('finds nothing where no content script runs', () => {
    setContentBridge(undefined as unknown as ContentBridge);
    expect(contentBridge()).toBeUndefined();
    expect(claimExtra('command')).toBeNull();
  });

  test('claims its name once: injecting the same file again does nothing', () => {
    expect(claimExtra('command')).toBe(bridge);
    expect(claimExtra('command')).toBeNull();
    expect([...bridge.loaded]).toEqual(['command']);
  });

  test('does not join a script whose extension went away', () => {
    lifetime.abort();
    expect(claimExtra('command')).toBeNull();
  });

  test('starts on the current view with the items decorated while it was on its way, then hears the new ones', () => {
    bridge.view = view([entry('1'), entry('2')]);
    const heard: string[] = [];
    addFeedExtra('badges', () => ({ decorated: (entries) => heard.push(...entries.map(({ id }) => id)) }));
    addFeedExtra('badges', () => ({ decorated: () => heard.push('twice') }));
    expect(heard).toEqual(['1', '2']);
    for (const hooks of bridge.view.hooks) hooks.decorated?.([entry('3')]);
    expect(heard).toEqual(['1', '2', '3']);
  });

  test('starts on every later view too, and not on a view that ended', () => {
    const starts: FeedView[] = [];
    addFeedExtra('nudge', (started) => (starts.push(started), {}));
    expect(starts).toEqual([]); // no feed view yet
    const later = view(null);
    for (const start of bridge.extras) startExtra(later, start);
    expect(starts).toEqual([later]);

    const ended = new AbortController();
    bridge.view = { ...view(null), signal: ended.signal };
    ended.abort();
    addFeedExtra('badges', (started) => (starts.push(started), {}));
    expect(starts).toEqual([later]);
  });
});
