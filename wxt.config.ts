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
    // Lists: plain http only on this machine (publishers testing a list before hosting it); any
    // https host once the person subscribes to a list there (asked for on that click).
    host_permissions: [...intentHostPatterns(), 'http://localhost/*', 'http://127.0.0.1/*'],
    // Firefox's MV2 manifest has no optional_host_permissions: origins go in optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    web_accessible_resources:
      browser === 'firefox'
        ? ['share-check.html']
        : [{ resources: ['share-check.html'], matches: ['<all_urls>'] }],
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
            },
          },
        }
      : {}),
  }),
});
