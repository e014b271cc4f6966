import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../lib/core/verdict';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { SHARE_LINK_SITE, type SiteInfo } from '../../lib/background/context';
import { startBackground } from '../../lib/background';
import { ListIndex, MATCHER_CODEC } from '../../lib/background/list-index';
import { PostPictures } from '../../lib/background/post-pictures';
import { QuietReader, unavailableTextReader } from '../../lib/background/quiet-reading';
import { decodeInBrowser } from '../../lib/images/decode-browser';
import { frameUrlOf, ShareLinkSources } from '../../lib/background/share-link-sources';
import { openDb } from '../../lib/db';
import { defineSettingsItem } from '../../lib/settings';
import { SITES, siteForUrl } from '../../lib/sites';

export default defineBackground(() => {
  const db = openDb();
  const sites: SiteInfo[] = [...SITES, SHARE_LINK_SITE];
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
    pictures: new PostPictures({
      fetch: (input, init) => fetch(input, init),
      decode: decodeInBrowser,
      log: console.warn,
    }),
    // OCR in the browser plugs in here: a PictureTextReader (lib/background/quiet-reading.ts).
    quietReader: new QuietReader(unavailableTextReader),
    onPhone: /Android/i.test(navigator.userAgent),
  });
});
