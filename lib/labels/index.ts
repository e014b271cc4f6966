import { storage } from 'wxt/utils/storage';
import { removeLabels, showLabel } from '../../components/label/host';
import { createPortSender } from '../messaging/client';
import type { Settings } from '../messaging/protocol';
import { DEFAULT_SETTINGS, labelsOn } from '../settings';
import type { SiteAdapter } from '../sites/types';
import { labelPlace } from './scan';
import { createLabelScanner } from './scanner';

/** The settings item's storage key (lib/settings defines it in the background, with migrations). */
const SETTINGS_KEY = 'local:settings';

/** Inline labels on a site's page, following the person's per-site switch as it changes. */
export function startInlineLabels(adapter: SiteAdapter, doc: Document): void {
  // A batch per 50 posts on a long feed: over one open port, not a channel per message.
  const sendOverPort = createPortSender();
  const scanner = createLabelScanner({
    adapter,
    document: doc,
    matchPosts: (request) => sendOverPort('match-posts', request),
    showLabel: (post, factCheck, language) => showLabel(labelPlace(adapter, post), factCheck, language),
  });
  const follow = (settings: Settings | null) => {
    if (labelsOn(settings ?? DEFAULT_SETTINGS, adapter.id)) {
      scanner.start();
    } else {
      scanner.stop();
      removeLabels(doc);
    }
  };
  storage.watch<Settings>(SETTINGS_KEY, follow);
  void storage.getItem<Settings>(SETTINGS_KEY).then(follow, () => follow(null));
}
