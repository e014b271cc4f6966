import { LIKELY_THRESHOLD, MATCH_THRESHOLD, onPhoneAgent } from '../../lib/core/verdict';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SHARE_LINK_SITE, type SiteInfo } from '../../lib/background/context';
import { startBackground } from '../../lib/background';
import { ListIndex, MATCHER_CODEC } from '../../lib/background/list-index';
import { PostPictures } from '../../lib/background/post-pictures';
import { QuietReader } from '../../lib/background/quiet-reading';
import { decodeInBrowser } from '../../lib/images/decode-browser';
import { bundledOcrPaths } from '../../lib/ocr/ocr-assets';
import { DocumentOcr } from '../../lib/ocr/ocr-browser';
import { OffscreenOcr } from '../../lib/ocr/offscreen-ocr';
import { PictureText } from '../../lib/ocr/read-picture-text';
import { frameUrlOf, ShareLinkSources } from '../../lib/background/share-link-sources';
import { openDb } from '../../lib/db';
import { defineSettingsItem } from '../../lib/settings';
import { SITES, siteForUrl } from '../../lib/sites';

export default defineBackground(() => {
  const db = openDb();
  const sites: SiteInfo[] = [...SITES, SHARE_LINK_SITE];
  // Chrome's service worker cannot start a Worker: OCR runs in an offscreen document. Firefox's
  // background page runs it itself.
  const pictureText = new PictureText(
    import.meta.env.FIREFOX ? new DocumentOcr(bundledOcrPaths(browser.runtime.getURL('/'))) : new OffscreenOcr(),
    browser.alarms,
  );
  startBackground({
    db,
    settings: defineSettingsItem(),
    index: new ListIndex(db, {
      ...MATCHER_CODEC,
      formatVersion: `${MATCHER_CODEC.formatVersion}@${browser.runtime.getManifest().version}`,
    }),
    sites,
    siteForUrl,
    matchThreshold: MATCH_THRESHOLD,
    likelyThreshold: LIKELY_THRESHOLD,
    now: Date.now,
    browserUiLanguage: () => browser.i18n.getUILanguage(),
    shareLinkSources: new ShareLinkSources(frameUrlOf, Date.now),
    pictureText,
    pictures: new PostPictures({
      fetch: (input, init) => fetch(input, init),
      decode: decodeInBrowser,
      text: pictureText,
      log: console.warn,
    }),
    // Pictures in posts on screen have their text read by the same OCR (through `pictures`), one at
    // a time, after shares.
    quietReader: new QuietReader(),
    onPhone: onPhoneAgent(navigator.userAgent),
  });
});
