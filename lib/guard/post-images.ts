import { MAX_POST_IMAGES } from '../core/post';
import type { ImageRef } from '../messaging/protocol';
import { onImageHost } from '../sites/image-hosts';
import type { SiteAdapter } from '../sites/types';
import { queryAllOf } from './dom';

/**
 * A post's pictures as the background is asked to check them: the address of each on the site's
 * image host, or, for a picture the page shows from a blob: URL or its own origin (which the
 * background cannot fetch), its pixels read here through a canvas, downscaled, as a PNG.
 */

/** Pixels read from the page are scaled down to this many a side: enough for the area hashes, small to send. */
export const PAGE_PIXELS_SIDE = 512;
/** Smaller pictures are icons and avatars, not posters: PDQ has nothing to hold on to. */
const MIN_SIDE = 64;

function pagePixels(image: HTMLImageElement): ImageRef | null {
  const { naturalWidth: width, naturalHeight: height } = image;
  if (!image.complete || width < MIN_SIDE || height < MIN_SIDE) return null;
  const scale = Math.min(1, PAGE_PIXELS_SIDE / Math.max(width, height));
  const canvas = image.ownerDocument.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  try {
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return { dataUrl: canvas.toDataURL('image/png') };
  } catch {
    // A cross-origin picture taints the canvas: it is not the page's own, and not read.
    return null;
  }
}

function imageRef(adapter: SiteAdapter, image: HTMLImageElement): ImageRef | null {
  const src = image.currentSrc || image.getAttribute('src') || '';
  let url: URL;
  try {
    url = new URL(src, image.ownerDocument.baseURI);
  } catch {
    return null;
  }
  if (onImageHost(url.href, adapter.images?.hosts ?? [])) return { url: url.href };
  const own = url.protocol === 'blob:' || url.origin === new URL(image.ownerDocument.baseURI).origin;
  return own ? pagePixels(image) : null;
}

/** The post's pictures (at most MAX_POST_IMAGES, each once), where the adapter says they are. */
export function postImages(adapter: SiteAdapter, post: Element): ImageRef[] {
  if (!adapter.images) return [];
  const refs: ImageRef[] = [];
  const seen = new Set<string>();
  for (const element of queryAllOf(post, adapter.images.selectors)) {
    if (refs.length === MAX_POST_IMAGES) break;
    if (element.localName !== 'img') continue;
    const image = element as HTMLImageElement;
    const key = image.currentSrc || image.getAttribute('src') || '';
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const ref = imageRef(adapter, image);
    if (ref) refs.push(ref);
  }
  return refs;
}
