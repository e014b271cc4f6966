import { SHARE_LINK_SITE_ID } from '../core/vocabulary';
import type { SaringDb } from '../db';
import type { SettingsItem } from '../settings';
import type { ListIndex } from './list-index';
import type { PictureText } from '../ocr/read-picture-text';
import type { PostPictures } from './post-pictures';
import type { QuietReader } from './quiet-reading';
import type { ShareLinkSources } from './share-link-sources';

/** A site as the background needs it: settings, stats and health are keyed by `id`. */
export interface SiteInfo {
  id: string;
  name: string;
  /** Hosts whose links are the site's own (profiles, hashtags), not articles to read. */
  ownHosts: readonly string[];
  /** Where the site serves its posts' pictures (fetched, without cookies, to check them). */
  images?: { hosts: readonly string[] };
}

/** Share-intent links (facebook.com/sharer, wa.me/?text= …) checked by the share-check page. */
export const SHARE_LINK_SITE: SiteInfo = { id: SHARE_LINK_SITE_ID, name: 'Share links', ownHosts: [] };

/** Everything the handlers use, passed in so tests can supply their own. */
export interface BackgroundContext {
  db: SaringDb;
  settings: SettingsItem;
  index: ListIndex;
  /** Supported sites, including the share-link pseudo-site. */
  sites: readonly SiteInfo[];
  siteForUrl: (url: string) => SiteInfo | null;
  /** A best hit scoring at least this is a known hoax (asked about, labelled); others near it are shown too. */
  matchThreshold: number;
  /** A best hit scoring at least this (and under matchThreshold) is a likely match: asked about with softer words, not labelled. */
  likelyThreshold: number;
  now: () => number;
  browserUiLanguage: () => string;
  /** How lists are downloaded; the global fetch unless a test injects one. */
  fetch?: typeof fetch;
  /** Hashes a shared post's pictures (none in tests that check text only: pictures are then left out). */
  pictures?: PostPictures;
  /** Reads the text of pictures in posts on screen, one at a time, after share checks (none: hashes only). */
  quietReader?: QuietReader;
  /** A phone (Android): pictures' text is not read unless the person turns it on. */
  onPhone?: boolean;
  /** OCR on this device (the same reader `pictures` uses): closed by its alarm a few minutes after use. */
  pictureText?: PictureText;
  /** The pages share links were opened from, until their check (none in tests that do not need them). */
  shareLinkSources?: ShareLinkSources;
}
