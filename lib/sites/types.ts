import type { ShareKind } from '../core/vocabulary';

/**
 * A site adapter is pure data: where posts, their text and links, and share actions are on a
 * site's DOM. The guard engine (lib/guard/) interprets it and never names a site.
 */

/** One CSS alternative and the month (YYYY-MM) it was last seen working on the live site. */
export interface SelectorAlt {
  css: string;
  seen: string;
}

/** Alternatives, newest first: the first that matches wins. */
export type SelectorList = readonly SelectorAlt[];

/** Accessible names (aria-label or visible text) per UI locale, used when no selector matches. */
export interface LabelTable {
  id: readonly string[];
  en: readonly string[];
}

export type ActionTrigger = 'click' | 'contextmenu';

export interface ActionRule {
  kind: ShareKind;
  /**
   * `opens`: the element opens a menu or sheet away from the post (X's repost button, Facebook's
   * share button); the engine remembers the post and lets the click through.
   * `shares`: the element performs the share; the engine checks it and holds it when it must ask.
   */
  step: 'opens' | 'shares';
  /**
   * The event that performs the step; `click` (also Enter/Space) unless said otherwise.
   * `contextmenu`: a right-click on the post opens the site's own menu for it (Telegram's message
   * menu); only for `opens` steps, whose selectors then name the post itself.
   */
  on?: ActionTrigger;
  selectors: SelectorList;
  /** Fallback when no selector matches: role=button/menuitem/link elements with these names. */
  labels?: LabelTable;
  /** Label matches count only inside these containers (menus and sheets render in layers). */
  within?: SelectorList;
  /**
   * Elements that count as named controls for `labels` besides buttons, links and ARIA roles:
   * menus built from plain elements (Web K's `.btn-menu-item`).
   */
  labelled?: SelectorList;
  /**
   * Where the shared content is: the element's post, the post remembered by the last `opens`, the
   * composer, or the adapter's `selected` messages together (a messenger's selection bar, whose
   * forward opens a dialog: remembered like a post for the dialog's send).
   */
  content: 'post' | 'opened-post' | 'composer' | 'selected-posts';
  /**
   * Check only some of what is sent (a composer's own new message): `link` when it carries an
   * external link; `link-or-long-text` also when its text is long or reads as passed on (a pasted
   * chain message), as messengers spread hoaxes as bare text.
   */
  onlyWhen?: 'link' | 'link-or-long-text';
}

/**
 * Something the adapter expects to find on the live site. When it is missing the site has most
 * likely changed its markup: the guard reports the site degraded and lets shares through.
 */
export interface Expectation {
  /** Says what is missing in the health detail, e.g. "feed posts". */
  name: string;
  /**
   * `page`: present once the page has settled after load.
   * `opened`: present shortly after an `opens` action was clicked (the menu or sheet it opens).
   */
  when: 'page' | 'opened';
  /** Only on pages whose path matches one of these regular expressions (a feed, a post page). */
  paths?: readonly string[];
  /** Only on pages where this is present (a single-page app's open chat). */
  onlyIf?: SelectorList;
  /** Any one of these present meets the expectation. */
  anchors: SelectorList;
}

/**
 * Where a post says what it is and who stands behind it (a petition page: its title, who started
 * it, when). The prompt shows what is found, so a person sees who asks before they sign or share.
 * Searched inside the post; a missing part is left out, never a health failure.
 */
export interface DetailSelectors {
  title?: SelectorList;
  starter?: SelectorList;
  /** The date it was made: an element's `datetime` attribute when it has one, else its text. */
  created?: SelectorList;
}

/**
 * A key chord that sends from a composer: `Enter` alone, or `Mod+Enter`, Enter with Ctrl or ⌘ held
 * (sites bind both, one per platform, so either is the chord). Shift+Enter breaks the line on every
 * site, and Alt+Enter is no send at once (Telegram Web A schedules with it): neither is a chord here.
 */
export type SendKey = 'Enter' | 'Mod+Enter';

export interface SiteAdapter {
  /** Stable id: settings, health and stats are keyed by it. */
  id: string;
  name: string;
  /** Content-script match patterns; empty for adapters used inside extension pages (the demo). */
  matches: readonly string[];
  /** Hosts whose links are the site's own (profiles, hashtags), not articles to read. */
  ownHosts: readonly string[];
  /** A post container, searched from the action element outwards (closest). */
  post: SelectorList;
  /** The post's own text inside the post. */
  postText: SelectorList;
  /** The link card's title inside the post. */
  linkTitle?: SelectorList;
  /**
   * What marks a message ticked in select mode (a checked box, a class on the bubble), inside its
   * post or around it, for `selected-posts` actions.
   */
  selected?: SelectorList;
  /** Parts of a post whose text and links are not the post's own (comments, replies). */
  exclude?: SelectorList;
  composer?: {
    container: SelectorList;
    text: SelectorList;
    /**
     * The key chords that send from the text (messengers send on Enter, X on Ctrl/⌘+Enter): the
     * engine holds such a key press like a click on the composer's send action, and releases it as
     * a click on that control. Unset: no key press in the text is held.
     */
    sendKeys?: readonly SendKey[];
  };
  /**
   * A post's pictures: the <img> elements (searched inside the post), and the hosts the site serves
   * them from, which the background may fetch them from (without cookies; the manifest asks for
   * these hosts). A picture the page shows from a blob: URL or its own origin (WhatsApp Web
   * decrypts its media into blob: URLs) is read by the content script through a canvas instead.
   */
  images?: { selectors: SelectorList; hosts: readonly string[] };
  /** The post's title, starter and date, shown in the prompt (petition sites). */
  details?: DetailSelectors;
  /**
   * The mark a site puts on content passed on many times (WhatsApp's "Forwarded many times"):
   * an icon, or failing that an element whose whole text is one of the labels. A share of such
   * content gets the prompt's stronger wording.
   */
  forwardedMany?: { selectors: SelectorList; labels: LabelTable };
  actions: readonly ActionRule[];
  /** What the site should show when the adapter still fits it (site health). */
  /**
   * Petition pages, by path (regular expressions): there a submit button of a form that asks for an
   * email address signs, found generically when no action rule finds it (the site moved its sign
   * button) and reported to site health as a fallback used.
   */
  petitionPaths?: readonly string[];
  expects?: readonly Expectation[];
}
