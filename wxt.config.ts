import { defineConfig } from 'wxt';

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
    // Share-intent URLs (facebook.com/sharer, wa.me/?text= …) are redirected to share-check.html.
    web_accessible_resources:
      browser === 'firefox'
        ? ['share-check.html']
        : [{ resources: ['share-check.html'], matches: ['<all_urls>'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'saring@saring.id',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
