import { CHROME_MISSING_HELP, findChrome, launchWithExtension } from './chrome';

/**
 * `npm start`: after the build, open Chromium or Chrome with Saring loaded on the demo feed.
 * With no display (a server, CI) it runs headless, saves a screenshot of the demo and exits.
 */
const chromePath = findChrome();
if (!chromePath) {
  console.error(CHROME_MISSING_HELP);
  process.exit(1);
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browser = await launchWithExtension({ headless: !hasDisplay, chromePath });
const demoUrl = `chrome-extension://${browser.extensionId}/demo.html`;
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(demoUrl);
console.log(`Saring is loaded (${chromePath}); the demo feed is open at ${demoUrl}`);

if (hasDisplay) {
  console.log('Close the browser window to stop.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
} else {
  const screenshot = '.output/demo-screenshot.png';
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForSelector('[data-demo-post]', { timeout: 10_000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`No display found, so the browser ran headless: a screenshot of the demo is in ${screenshot}.`);
  await browser.close();
}
