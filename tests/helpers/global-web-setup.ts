import { ensureWebBuild } from '../../server/src/web-build.js';
import { HAS_CHROMIUM, SKIP_MESSAGE } from './browser.js';

/** The browser tests need the built web app; without chromium there is nothing to build it for. */
export default async function setup() {
  if (!HAS_CHROMIUM) {
    console.log(SKIP_MESSAGE);
    return;
  }
  await ensureWebBuild();
}
