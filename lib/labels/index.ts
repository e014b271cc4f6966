import { labelsOn, pictureChecksOn } from '../core/verdict';
import type { Settings, UiLanguage } from '../core/vocabulary';
import { storage } from 'wxt/utils/storage';
import { createPortSender } from '../messaging/client';
import type { FactCheckView, MessageType, RequestOf, ResponseOf } from '../messaging/protocol';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../settings';
import type { SiteAdapter } from '../sites/types';
import { createPictureLabels } from './pictures';
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
  const sendWhileAlive = <K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> =>
    alive() ? sendOverPort(type, request) : Promise.reject(new Error('Saring is no longer running here'));
  const showLabel = (post: Element, factCheck: FactCheckView, language: UiLanguage) =>
    view.showLabel(labelPlace(adapter, post), factCheck, language);
  const pictures = createPictureLabels({
    adapter,
    document: doc,
    matchPictures: (request) => sendWhileAlive('match-pictures', request),
    readPictures: (request) => sendWhileAlive('read-pictures', request),
    showLabel,
  });
  const scanner = createLabelScanner({
    adapter,
    document: doc,
    matchPosts: (request) => sendWhileAlive('match-posts', request),
    showLabel,
    onScan: (added) => pictures.notice(added),
  });
  let stopped = false;
  const follow = (settings: Settings | null) => {
    if (stopped) return;
    const current = settings ?? DEFAULT_SETTINGS;
    if (labelsOn(current, adapter.id)) {
      if (pictureChecksOn(current)) pictures.start();
      else pictures.stop();
      scanner.start();
    } else {
      pictures.stop();
      scanner.stop();
      view.removeLabels(doc);
    }
  };
  const unwatch = storage.watch<Settings>(SETTINGS_KEY, follow);
  void storage.getItem<Settings>(SETTINGS_KEY).then(follow, () => follow(null));
  return () => {
    stopped = true;
    // The page first: with the extension gone, the storage and port calls after may throw.
    pictures.stop();
    scanner.stop();
    view.removeLabels(doc);
    sendOverPort.close();
    unwatch();
  };
}
