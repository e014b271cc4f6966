import type { MatchTier } from '../core/verdict';
import type { DomainEntry, ListItem } from '../lists/schema';

/** What is being shared, as the guard extracted it. */
export interface MatchQuery {
  /** The post's own text (not comments), or the composer's text. */
  text: string;
  /** Raw hrefs found in the post (may be wrapped, e.g. l.facebook.com/l.php?u=). */
  urls: string[];
  /** The link card's title or headline, when the post has one. */
  linkTitle?: string;
  /**
   * When the post was written (ms since 1970), when known: of the candidates a post's words find,
   * fact-checks published near that day are likelier the ones it is about.
   */
  postedAt?: number;
}

export interface MatchHit {
  listId: string;
  item: ListItem;
  /** Calibrated 0..1: above MATCH_THRESHOLD the post is a known hoax. */
  score: number;
  /** Which layer found it: a link to where the hoax appeared, a hoax domain, the text, the link title or a picture's hash. */
  via: 'url' | 'domain' | 'text' | 'title' | 'image';
  /** For a picture found by its hash: the PDQ distance (bits) to the item's closest stored hash. */
  distance?: number;
}

export interface MatchResult {
  /**
   * hoax-match: the post resembles a known hoax (the confident tier); likely-match: it may be
   * about one (asked with softer words); none.
   */
  decision: MatchTier;
  /** Best first. */
  matches: MatchHit[];
}

export interface IndexedList {
  listId: string;
  items: ListItem[];
  domains?: DomainEntry[];
}

/** A hit before its item is read: the item's place in its list (a hoax-domain hit carries its item). */
export interface RankedHit {
  listId: string;
  position?: number;
  item?: ListItem;
  score: number;
  via: MatchHit['via'];
}

export interface RankedResult {
  decision: MatchResult['decision'];
  /** Best first. */
  matches: RankedHit[];
}

/**
 * A matcher over the index alone, as a waking service worker loads it: it ranks items by their
 * place in their list, and the caller reads only the hits' items.
 */
export interface IndexMatcher {
  readonly size: number;
  rank(query: MatchQuery, options?: { top?: number }): RankedResult;
  /** The claim indexed for the item at `position` of `listId`: shows whether an item read later is the one ranked. */
  claimAt(listId: string, position: number): string | undefined;
}

/** The one matching interface used by the extension, the list tool, eval and bench. */
export interface Matcher extends IndexMatcher {
  match(query: MatchQuery, options?: { top?: number }): MatchResult;
}
