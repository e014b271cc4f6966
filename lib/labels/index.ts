import { labelsOn, pictureChecksOn } from '../core/verdict';
import type { Settings } from '../core/vocabulary';
import { browser } from 'wxt/browser';
import type { UiText, UiTextSource } from '../i18n/text';
import { createPortSender } from '../messaging/client';
import type { FactCheckView, MessageType, RequestOf, ResponseOf } from '../messaging/protocol';
import { watchStoredSettings } from '../settings/stored';
import type { SiteAdapter } from '../sites/types';
import { createPictureLabels } from './pictures';
import { labelPlace } from './scan';
import { createLabelScanner } from './scanner';

/** How labels are drawn (components/label/host.ts), handed in by the content script. */
export interface LabelView {
  showLabel(place: { parent: Element; before: Node | null }, factCheck: FactCheckView, text: UiText): void;
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
  uiText: UiTextSource,
  alive: () => boolean = () => true,
): () => void {
  // A batch per 50 posts on a long feed: over one open port, not a channel per message.
  const sendOverPort = createPortSender();
  const sendWhileAlive = <K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> =>
    alive() ? sendOverPort(type, request) : Promise.reject(new Error('Saring is no longer running here'));
  const showLabel = (post: Element, factCheck: FactCheckView, text: UiText) =>
    view.showLabel(labelPlace(adapter, post), factCheck, text);
  const pictures = createPictureLabels({
    adapter,
    document: doc,
    matchPictures: (request) => sendWhileAlive('match-pictures', request),
    readPictures: (request) => sendWhileAlive('read-pictures', request),
    uiText,
    showLabel,
  });
  const scanner = createLabelScanner({
    adapter,
    document: doc,
    matchPosts: (request) => sendWhileAlive('match-posts', request),
    uiText,
    showLabel,
    onScan: (added) => pictures.notice(added),
  });
  let stopped = false;
  const follow = (settings: Settings) => {
    if (stopped) return;
    if (labelsOn(settings, adapter.id)) {
      if (pictureChecksOn(settings)) pictures.start();
      else pictures.stop();
      scanner.start();
    } else {
      pictures.stop();
      scanner.stop();
      view.removeLabels(doc);
    }
  };
  const unwatch = watchStoredSettings(browser.storage, follow);
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
