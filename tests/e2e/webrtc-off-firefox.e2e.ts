// WebRTC turned off by the browser (Firefox's media.peerconnection.enabled, what privacy guides and
// WebRTC-blocking extensions set): the popup must say so, not report a failure or a leak.
import { afterAll, beforeAll, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { type Driver, firefoxDriver, openPopup } from './lib/driver';
import { CLEAN } from './world/scenario';
import { startWorld, type World } from './world/world';

let world: World;
let driver: Driver;
beforeAll(async () => {
  world = await startWorld(CLEAN);
  driver = await firefoxDriver({ prefs: { 'media.peerconnection.enabled': false } });
});
afterAll(async () => {
  await driver?.close();
  await world?.close();
});

test('Firefox with WebRTC off: the WebRTC section says it is disabled, and nothing else changes', async () => {
  const view = await openPopup(driver, 'webrtc-off');
  expect(view.states.webrtc).toBe('done');
  expect(view.sections.webrtc).toContain(en.webrtcDisabled.message);
  expect(view.webrtcPublic).toEqual([]);
  expect(view.level, view.text).toBe('clean');
  // Off is a state, not a provider failure: no problem sentence in the section.
  for (const [key, value] of Object.entries(en)) {
    if (key.startsWith('problem_')) expect(view.sections.webrtc).not.toContain((value as { message: string }).message);
  }
});
