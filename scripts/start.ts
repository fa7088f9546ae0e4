// `npm start`: the extension in Chromium against a check server and provider stand-ins, all inside the
// sealed network (scripts/sandbox.sh). With no display: headless, prints what the popup shows, saves a
// screenshot. With a display: a window stays open until Ctrl-C.

import { shot } from '../tests/e2e/lib/artifacts';
import { chromiumDriver } from '../tests/e2e/lib/driver';
import { popupSettled, readPopup } from '../tests/e2e/lib/popup';
import { CLEAN } from '../tests/e2e/world/scenario';
import { startWorld } from '../tests/e2e/world/world';

const world = await startWorld(CLEAN);
const headed = Boolean(process.env.DISPLAY);
const driver = await chromiumDriver({ headless: !headed });
try {
  const started = Date.now();
  const view = await driver.open('src/popup/index.html', { shot: 'start-popup', ready: popupSettled, read: readPopup });
  const ms = Date.now() - started;
  console.log(`\nLeakless popup (Chromium, full check in ${ms} ms against the local check server ${world.server.config.zone}):\n`);
  console.log(
    view.text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  console.log(`\nscreenshot: ${shot('chromium-start-popup')}`);
  if (headed) {
    console.log('A Chromium window is open with the extension; press Ctrl-C to stop.');
    await driver.open('src/popup/index.html', { ready: () => false, read: () => null }).catch(() => undefined);
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
} finally {
  await driver.close();
  await world.close();
}
