import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** Where `npm run build` writes the Chrome MV3 extension. */
export const CHROME_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** CHROME_PATH first, then the usual install places, then the PATH; null when none is found. */
export function findChrome(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of PATH_NAMES) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export const CHROME_MISSING_HELP = `No Chrome or Chromium found.
Install one of them, or point CHROME_PATH at it:
  Debian/Ubuntu:  sudo apt-get install chromium
  macOS:          install Google Chrome, or CHROME_PATH=/path/to/chrome npm start
  Windows:        set CHROME_PATH=C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe`;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/**
 * A copy of the build at `extensionDir` as it runs once the person granted `origins` (optional
 * host permissions, asked for in a prompt a headless browser cannot answer): the same files, with
 * the origins listed among the manifest's granted host permissions.
 */
function withGrantedOrigins(extensionDir: string, origins: readonly string[], into: string): string {
  const copy = join(into, 'extension');
  cpSync(extensionDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    optional_host_permissions?: string[];
    host_permissions?: string[];
  };
  const optional = manifest.optional_host_permissions ?? [];
  for (const origin of origins) {
    if (!optional.includes(origin)) throw new Error(`${origin} is not an optional host permission of the build`);
  }
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

/**
 * Chromium with the built extension loaded, in a fresh profile. Works headless as root; the
 * background-networking flags keep it from knocking on a closed network. `grantedOrigins`: optional
 * host permissions to start with granted (see withGrantedOrigins).
 */
export async function launchWithExtension(
  options: {
    headless?: boolean;
    extensionDir?: string;
    args?: string[];
    chromePath?: string;
    grantedOrigins?: readonly string[];
  } = {},
): Promise<ExtensionBrowser> {
  const executablePath = options.chromePath ?? findChrome();
  if (!executablePath) throw new Error(CHROME_MISSING_HELP);
  const builtDir = options.extensionDir ?? CHROME_BUILD_DIR;
  if (!existsSync(join(builtDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${builtDir}: run \`npm run build\` first.`);
  }
  const headless = options.headless ?? true;
  const profile = mkdtempSync(join(tmpdir(), 'saring-profile-'));
  const extensionDir = options.grantedOrigins?.length
    ? withGrantedOrigins(builtDir, options.grantedOrigins, profile)
    : builtDir;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: null,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
