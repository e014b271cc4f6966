import { defineConfig } from 'wxt';
import { intentHostPatterns } from './lib/share-intents';

// Manifest and build settings. Site match patterns live with the site adapters
// (lib/sites/) and reach the manifest through the content script's definition.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ modules stay plain TypeScript that tests and the CLI can load.
  imports: false,
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
    ],
    // declarativeNetRequest redirects only requests to hosts it has access to: the share-intent
    // hosts (facebook.com/sharer, wa.me/?text= …), whose navigations go to share-check.html.
    host_permissions: intentHostPatterns(),
    web_accessible_resources:
      browser === 'firefox'
        ? ['share-check.html']
        : [{ resources: ['share-check.html'], matches: ['<all_urls>'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'saring@saring.id',
              // CSS :has(), which the Facebook and X adapters rely on, arrived in Firefox 121.
              strict_min_version: '121.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
