import { labelsOn, onPhoneAgent, pictureChecksOn, pictureTextOn } from '../core/verdict';
import type { Settings } from '../core/vocabulary';
import { browser } from 'wxt/browser';
import type { UiText, UiTextSource } from '../i18n/text';
import { createPortSender } from '../messaging/client';
import type { FactCheckView, MessageType, RequestOf, ResponseOf } from '../messaging/protocol';
import { watchStoredSettings } from '../settings/stored';
import type { SiteAdapter } from '../sites/types';
import type { MatchedBy } from './matched-by';
import { createPictureLabels } from './pictures';
import { labelPlace } from './scan';
import { createLabelScanner } from './scanner';

/** How labels are drawn (components/label/host.ts), handed in by the content script. */
export interface LabelView {
  showLabel(place: { parent: Element; before: Node | null }, factCheck: FactCheckView, text: UiText): void;
  /** All labels, or those matched one of `ways`. */
  removeLabels(doc: Document, ways?: readonly MatchedBy[]): void;
}

/** What of the label scanner and the picture labels the settings start and stop. */
interface Startable {
  start(): void;
  stop(): void;
}

/** Which picture checks run on the page: none, hashes only, or hashes and the words read in pictures. */
type PictureChecks = 'off' | 'hashes' | 'words';

/**
 * The labels following the settings: off for the site, every label goes; picture checks (or the
 * reading of pictures' words) turned off, the labels they drew go, as text labels go with the
 * site's switch. A change of picture checks starts them afresh, so posts on screen are checked
 * again as the new settings say (the background remembers their hashes and words).
 */
export function followSettings(
  adapter: SiteAdapter,
  doc: Document,
  view: Pick<LabelView, 'removeLabels'>,
  { scanner, pictures }: { scanner: Startable; pictures: Startable },
  onPhone: boolean,
): (settings: Settings) => void {
  let running: PictureChecks = 'off';
  return (settings) => {
    if (!labelsOn(settings, adapter.id)) {
      pictures.stop();
      scanner.stop();
      view.removeLabels(doc);
      running = 'off';
      return;
    }
    scanner.start();
    const wanted: PictureChecks = !pictureChecksOn(settings)
      ? 'off'
      : pictureTextOn(settings, onPhone)
        ? 'words'
        : 'hashes';
    if (wanted === running) return;
    // Stopped first: an answer still on its way is for the old settings and draws nothing.
    pictures.stop();
    if (wanted === 'off') view.removeLabels(doc, ['picture', 'picture-text']);
    if (wanted === 'hashes') view.removeLabels(doc, ['picture-text']);
    if (wanted !== 'off') pictures.start();
    running = wanted;
  };
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
  const follow = followSettings(
    adapter,
    doc,
    view,
    { scanner, pictures },
    onPhoneAgent(doc.defaultView?.navigator.userAgent ?? ''),
  );
  const unwatch = watchStoredSettings(browser.storage, (settings) => {
    if (!stopped) follow(settings);
  });
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
