import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import type { ResolvedPublicFile } from 'wxt';
import { OCR_ASSET_FILES, OCR_ASSET_FOLDER } from './lib/ocr/ocr-assets';
import { LIST_HOST_PATTERNS } from './lib/lists/subscriptions';
import { intentHostPatterns } from './lib/share-intents';
import { makeZipReproducible } from './lib/dev/reproducible-zip';
import { SITES } from './lib/sites';
import { imageHostPatterns } from './lib/sites/image-hosts';

const require = createRequire(import.meta.url);

/** OCR's worker, core and models, copied from node_modules into the package (lib/ocr/ocr-assets.ts). */
function ocrAssets(): ResolvedPublicFile[] {
  return OCR_ASSET_FILES.map(({ pkg, path, name }) => {
    const absoluteSrc = join(dirname(require.resolve(`${pkg}/package.json`)), path);
    if (!existsSync(absoluteSrc)) throw new Error(`OCR asset missing: ${absoluteSrc} (npm install?)`);
    return { absoluteSrc, relativeDest: `${OCR_ASSET_FOLDER}/${name}` };
  });
}

/** Extension pages run only the package's own scripts; WebAssembly (the OCR core) may compile. */
const EXTENSION_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

// Manifest and build settings. Site match patterns live with the site adapters
// (lib/sites/) and reach the manifest through the content script's definition.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ modules stay plain TypeScript that tests and the CLI can load.
  imports: false,
  // `npm run zip`: saring-<version>-chrome.zip, -firefox.zip and -sources.zip (AMO asks for the
  // sources; README "Store packages" says how to rebuild from them). Same tree, same bytes.
  zip: {
    excludeSources: ['test-results/**', 'tests/eval/images/generated/**', '**/*.log', '*.zip'],
  },
  // tesseract.js is CommonJS, which a bundler must assume has side effects: without this, Chrome's
  // service worker would carry it though only Firefox's background page reads pictures itself.
  vite: () => ({
    build: {
      rolldownOptions: {
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/tesseract.js/') },
      },
    },
  }),
  hooks: {
    'zip:extension:done': (_wxt, path) => makeZipReproducible(path),
    'zip:sources:done': (_wxt, path) => makeZipReproducible(path),
    'build:publicAssets': (_wxt, files) => {
      files.push(...ocrAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: [
      'storage',
      'activeTab',
      'unlimitedStorage',
      'alarms',
      'webNavigation',
      'declarativeNetRequestWithHostAccess',
      // "Check this image / the selected text with Saring": the menu, and (under activeTab) finding
      // the clicked picture on the page to crop it from a capture of the visible tab.
      'contextMenus',
      'scripting',
      // Chrome's service worker cannot start the OCR worker: an offscreen document hosts it
      // (Firefox's background page can, and has no offscreen API).
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    content_security_policy: browser === 'firefox' ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    // declarativeNetRequest redirects only requests to hosts it has access to: the share-intent
    // hosts (facebook.com/sharer, wa.me/?text= …), whose navigations go to share-check.html.
    // The sites' image hosts (pbs.twimg.com …): the background fetches a shared post's pictures
    // there, without cookies, to check them against the lists' picture hashes.
    host_permissions: [...intentHostPatterns(), ...imageHostPatterns(SITES)],
    // Lists, asked for when needed: any https host once the person subscribes to a list there (on
    // that click); plain http only on this machine, when a publisher previews a list they are
    // testing before hosting it. Without access a list host must allow any origin (CORS).
    // Firefox's MV2 manifest has no optional_host_permissions: origins go in optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: LIST_HOST_PATTERNS }
      : { optional_host_permissions: LIST_HOST_PATTERNS }),
    web_accessible_resources:
      browser === 'firefox' ? ['share-check.html'] : [{ resources: ['share-check.html'], matches: ['<all_urls>'] }],
    // What an administrator may set for schools and NGOs (lists, locked strictness): see README.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'saring@saring.id',
              // CSS :has(), which the Facebook and X adapters rely on, arrived in Firefox 121; content
              // scripts in the page's world (the navigator.share wrapper) in 128, an ESR.
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
              // No gecko_android: the adapters are proven on desktop layouts only (README, Store packages).
            },
          },
        }
      : {}),
  }),
});
