import { extractPost, findPost, hasContent } from '../guard/extract';
import { queryAllOf } from '../guard/dom';
import type { RequestOf } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/types';

export type PostToMatch = RequestOf<'match-posts'>['posts'][number];

/** Links sent per post: the matcher needs the first few, the protocol bounds them. */
const MAX_URLS_PER_POST = 20;

/**
 * Posts under `root` not scanned before, each found from its own text (a post's text is what is
 * matched, and it is there once the post has rendered). `scanned` remembers posts and the texts
 * they were found from, so a long feed's old posts cost one lookup each on later scans.
 * A comment's text is never a post's own text, so comments are not found as posts.
 */
export function collectNewPosts(adapter: SiteAdapter, root: ParentNode, scanned: WeakSet<Element>): Element[] {
  const posts: Element[] = [];
  for (const anchor of queryAllOf(root, adapter.postText)) {
    if (scanned.has(anchor)) continue;
    scanned.add(anchor);
    const post = findPost(adapter, anchor);
    if (!post || scanned.has(post)) continue;
    scanned.add(post);
    posts.push(post);
  }
  return posts;
}

/** What is matched of a post: its own text, links and card title; null when it has none. */
export function postToMatch(adapter: SiteAdapter, post: Element): PostToMatch | null {
  const content = extractPost(adapter, post);
  if (!hasContent(content)) return null;
  // The forwarded-many mark words prompts only; labels match on what the post says.
  const { forwardedMany: _prompt, ...matched } = content;
  return { ...matched, urls: content.urls.slice(0, MAX_URLS_PER_POST) };
}

/** Where a post's label goes: right under its own text, else at the end of the post. */
export function labelPlace(adapter: SiteAdapter, post: Element): { parent: Element; before: Node | null } {
  const text = queryAllOf(post, adapter.postText).find((el) => findPost(adapter, el) === post);
  return text?.parentElement ? { parent: text.parentElement, before: text.nextSibling } : { parent: post, before: null };
}
