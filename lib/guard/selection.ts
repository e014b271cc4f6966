import { MAX_POST_IMAGES, MAX_TEXT_CHARS, MAX_URLS } from '../core/post';
import { normalizeUrl } from '../core/url';
import type { SiteAdapter } from '../sites/types';
import { closestOf, queryAllOf } from './dom';
import type { ShareContent } from './extract';

/**
 * Messages ticked in a messenger's select mode, forwarded together from its selection bar: one
 * check of what they say together, so a hoax among chit-chat is still found.
 */

/**
 * The posts the adapter's `selected` marks, in document order, each once. A mark is inside its
 * post (a ticked checkbox, the bubble's own class) or holds it (a list row around the message).
 */
export function selectedPosts(adapter: SiteAdapter, root: ParentNode): Element[] {
  const posts = new Set<Element>();
  for (const mark of queryAllOf(root, adapter.selected ?? [])) {
    const post = closestOf(mark, adapter.post) ?? queryAllOf(mark, adapter.post)[0];
    if (post) posts.add(post);
  }
  return [...posts];
}

/**
 * What several messages spread together: their texts in order, a blank line apart, cut at the
 * usual length; their links once each (by destination), in order; their first few pictures; the first link card's title;
 * the "forwarded many times" mark when any carries it.
 */
export function mergeContents(contents: readonly ShareContent[]): ShareContent {
  const text = contents
    .map((content) => content.text)
    .filter(Boolean)
    .join('\n\n')
    .slice(0, MAX_TEXT_CHARS);
  const seen = new Set<string>();
  const urls: string[] = [];
  for (const url of contents.flatMap((content) => content.urls)) {
    const key = normalizeUrl(url) ?? url;
    if (seen.has(key) || urls.length === MAX_URLS) continue;
    seen.add(key);
    urls.push(url);
  }
  const merged: ShareContent = { text, urls };
  const images = contents.flatMap((content) => content.images ?? []).slice(0, MAX_POST_IMAGES);
  if (images.length > 0) merged.images = images;
  const linkTitle = contents.find((content) => content.linkTitle)?.linkTitle;
  if (linkTitle) merged.linkTitle = linkTitle;
  if (contents.some((content) => content.forwardedMany)) merged.forwardedMany = true;
  return merged;
}
