import { createHandlers } from '../../src/background/handlers';
import { route } from '../../src/background/router';
import { DEFAULT_SETTINGS, parseSettings, validateSettings } from '../../src/core/settings';
import { openStroomDB } from '../../src/store/db';
import { memorySettings } from './memorySettings';

const identity = { id: 'stroom-id', origin: 'chrome-extension://stroom-id/' };
const fromPage = { id: 'stroom-id', url: 'chrome-extension://stroom-id/options.html' };
const fromContent = { id: 'stroom-id', url: 'https://x.com/home', tab: { id: 1, index: 0, highlighted: false, active: true, pinned: false, incognito: false } };
let n = 0;

async function setup() {
  const settings = memorySettings();
  const db = await openStroomDB(`settings-${++n}`);
  return { settings, send: (payload: unknown, sender: object = fromPage) => route({ stroom: 1, type: 'update-settings', payload }, sender, createHandlers({ getDb: async () => db, now: () => 0, settings }), identity) };
}

describe('parseSettings', () => {
  test('nothing stored gives the defaults (digest at 18:00 every day, let go after 7 days)', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.digest.time).toBe('18:00');
    expect(DEFAULT_SETTINGS.letGoAfterDays).toBe(7);
    expect(DEFAULT_SETTINGS.feed.nudge).toBe(false);
  });

  test('a damaged record keeps its valid sections and falls back per section', () => {
    const damaged = { ...DEFAULT_SETTINGS, digest: { time: '25:99', days: [1], notify: true }, debugBadges: true, letGoAfterDays: 'soon' };
    expect(parseSettings(damaged)).toEqual({ ...DEFAULT_SETTINGS, debugBadges: true });
  });

  test.each([[null], ['settings'], [[1, 2]], [42]])('junk (%p) gives the defaults', (junk) => {
    expect(parseSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });

  test('validateSettings sorts and de-duplicates days and rejects bad times', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, digest: { ...DEFAULT_SETTINGS.digest, days: [5, 1, 5] } }).digest.days).toEqual([1, 5]);
    expect(() => validateSettings({ ...DEFAULT_SETTINGS, digest: { ...DEFAULT_SETTINGS.digest, time: '7:00' } })).toThrow(/settings\.digest\.time/);
  });
});

describe('update-settings', () => {
  test('an extension page can change the settings', async () => {
    const { settings, send } = await setup();
    const next = { ...DEFAULT_SETTINGS, digest: { ...DEFAULT_SETTINGS.digest, time: '07:30' } };
    expect(await send({ settings: next })).toEqual({ ok: true, value: { settings: next } });
    expect(settings.current).toEqual(next);
  });

  test.each([
    ['a bad time', { ...DEFAULT_SETTINGS, digest: { ...DEFAULT_SETTINGS.digest, time: '99:00' } }, /time/],
    ['an unknown field', { ...DEFAULT_SETTINGS, telemetry: true }, /telemetry/],
    ['a negative let-go', { ...DEFAULT_SETTINGS, letGoAfterDays: -1 }, /letGoAfterDays/],
  ])('%s is refused and nothing changes', async (_name, bad, error) => {
    const { settings, send } = await setup();
    const reply = await send({ settings: bad });
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(error);
    expect(settings.current).toEqual(DEFAULT_SETTINGS);
  });

  test('a content script cannot change settings', async () => {
    const { settings, send } = await setup();
    const reply = await send({ settings: { ...DEFAULT_SETTINGS, debugBadges: true } }, fromContent);
    expect(reply.ok).toBe(false);
    expect(settings.current).toEqual(DEFAULT_SETTINGS);
  });
});
