import { labelsOn } from '../core/verdict';
import type { Settings, UiLanguage } from '../core/vocabulary';
import { storage } from 'wxt/utils/storage';
import { createPortSender } from '../messaging/client';
import type { FactCheckView } from '../messaging/protocol';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../settings';
import type { SiteAdapter } from '../sites/types';
import { labelPlace } from './scan';
import { createLabelScanner } from './scanner';

/** How labels are drawn (components/label/host.ts), handed in by the content script. */
export interface LabelView {
  showLabel(place: { parent: Element; before: Node | null }, factCheck: FactCheckView, language: UiLanguage): void;
  removeLabels(doc: Document): void;
}

/**
 * Inline labels on a site's page, following the person's per-site switch as it changes. Returns
 * a function that stops them and takes them off the page; `alive` is asked before each batch is
 * sent (the content script's life: an orphaned script stops at its next batch).
 */
export function startInlineLabels(
  adapter: SiteAdapter,
  doc: Document,
  view: LabelView,
  alive: () => boolean = () => true,
): () => void {
  // A batch per 50 posts on a long feed: over one open port, not a channel per message.
  const sendOverPort = createPortSender();
  const scanner = createLabelScanner({
    adapter,
    document: doc,
    matchPosts: (request) =>
      alive() ? sendOverPort('match-posts', request) : Promise.reject(new Error('Saring is no longer running here')),
    showLabel: (post, factCheck, language) => view.showLabel(labelPlace(adapter, post), factCheck, language),
  });
  let stopped = false;
  const follow = (settings: Settings | null) => {
    if (stopped) return;
    if (labelsOn(settings ?? DEFAULT_SETTINGS, adapter.id)) {
      scanner.start();
    } else {
      scanner.stop();
      view.removeLabels(doc);
    }
  };
  const unwatch = storage.watch<Settings>(SETTINGS_KEY, follow);
  void storage.getItem<Settings>(SETTINGS_KEY).then(follow, () => follow(null));
  return () => {
    stopped = true;
    // The page first: with the extension gone, the storage and port calls after may throw.
    scanner.stop();
    view.removeLabels(doc);
    sendOverPort.close();
    unwatch();
  };
}
