import { browser } from 'wxt/browser';
import type { ListsApi } from '../../components/options/OptionsApp';
import { PAGE_TIMEOUT_MS } from '../../components/common/useRemote';
import { listHostPattern } from '../../lib/lists/subscriptions';
import { send } from '../../lib/messaging/client';
import { downloadText } from '../../components/stats/download';

/** Fetching, checking and storing a big list takes a while; the background bounds each step itself. */
const LIST_WORK_TIMEOUT_MS = 180_000;

export const listsApi: ListsApi = {
  preview: (request) => send('preview-list', request, { timeoutMs: LIST_WORK_TIMEOUT_MS }),
  // Granted access lets the list sync whatever CORS headers its host sends. Asked at once, within
  // the click that asks for it (the browser answers at once, without asking, when already granted).
  requestAccess: (url) => browser.permissions.request({ origins: [listHostPattern(url)] }),
  subscribe: (request) => send('subscribe-list', request, { timeoutMs: LIST_WORK_TIMEOUT_MS }),
  remove: (id) => send('remove-list', { id }, { timeoutMs: LIST_WORK_TIMEOUT_MS }),
  restore: (id) => send('restore-list', { id }, { timeoutMs: LIST_WORK_TIMEOUT_MS }),
  syncNow: () => send('sync-lists', {}, { timeoutMs: LIST_WORK_TIMEOUT_MS }),
  importFile: async (file) =>
    send('import-list', { fileName: file.name, text: await file.text() }, { timeoutMs: LIST_WORK_TIMEOUT_MS }),
  exportList: async (id) => {
    const { fileName, text } = await send('export-list', { id }, { timeoutMs: PAGE_TIMEOUT_MS * 6 });
    downloadText(fileName, text, 'application/json');
  },
};
