import { MAX_TEXT_CHARS } from '../core/post';
import { findPost, readPost } from '../guard/extract';
import { firstMatchingAlternative, isElement, queryAllOf } from '../guard/dom';
import type { RequestOf } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/types';

export type PostToMatch = RequestOf<'match-posts'>['posts'][number];

/** Links sent per post: the matcher needs the first few, the protocol bounds them. */
const MAX_LINKS_PER_POST = 20;

/**
 * Posts not scanned before, each found from its own text (a post's text is what is matched, and it
 * is there once the post has rendered). With `added`, only text inside those nodes (the subtrees a
 * MutationObserver saw added) is looked at: a long feed's old posts cost nothing on later scans.
 * The selector alternative used is the first that matches anything in the whole document, as a
 * whole-document scan would pick. `scanned` remembers posts and the texts they were found from.
 * A comment's text is never a post's own text, so comments are not found as posts.
 */
export function collectNewPosts(
  adapter: SiteAdapter,
  doc: Document,
  scanned: WeakSet<Element>,
  added?: Iterable<Node>,
): Element[] {
  const css = firstMatchingAlternative(doc, adapter.postText);
  if (css === null) return [];
  const posts: Element[] = [];
  const consider = (anchor: Element) => {
    if (scanned.has(anchor)) return;
    scanned.add(anchor);
    const post = findPost(adapter, anchor);
    if (!post || scanned.has(post)) return;
    scanned.add(post);
    posts.push(post);
  };
  if (added === undefined) {
    for (const anchor of doc.querySelectorAll(css)) consider(anchor);
    return posts;
  }
  for (const node of added) {
    if (!isElement(node) || !node.isConnected) continue;
    if (node.matches(css)) consider(node);
    for (const anchor of node.querySelectorAll(css)) consider(anchor);
  }
  return posts;
}

/**
 * What is matched of a post, as read on the page (lib/background/match-posts resolves its links);
 * null when it has nothing to match.
 */
export function postToMatch(adapter: SiteAdapter, post: Element): PostToMatch | null {
  // The forwarded-many mark words prompts only; labels match on what the post says.
  const { text, hrefs, linkTitle } = readPost(adapter, post);
  if (!text.trim() && hrefs.length === 0 && linkTitle === undefined) return null;
  const content: PostToMatch = { text: text.slice(0, MAX_TEXT_CHARS), hrefs: hrefs.slice(0, MAX_LINKS_PER_POST) };
  return linkTitle === undefined ? content : { ...content, linkTitle };
}

/** Where a post's label goes: right under its own text, else at the end of the post. */
export function labelPlace(adapter: SiteAdapter, post: Element): { parent: Element; before: Node | null } {
  const text = queryAllOf(post, adapter.postText).find((el) => findPost(adapter, el) === post);
  return text?.parentElement
    ? { parent: text.parentElement, before: text.nextSibling }
    : { parent: post, before: null };
}
