// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractPost, hasContent } from '../../lib/guard/extract';
import { postImages } from '../../lib/guard/post-images';
import { mergeContents } from '../../lib/guard/selection';
import { WHATSAPP_SITE } from '../../lib/sites/whatsapp';
import { FACEBOOK_SITE } from '../../lib/sites/facebook';
import { X_SITE } from '../../lib/sites/x';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function xPost(photos: readonly string[], text = ''): Element {
  document.body.innerHTML = `<article data-testid="tweet"><div data-testid="tweetText">${text}</div>${photos
    .map((src) => `<div data-testid="tweetPhoto"><img src="${src}"></div>`)
    .join(
      '',
    )}<div data-testid="Tweet-User-Avatar"><img src="https://pbs.twimg.com/profile_images/1/a.jpg"></div></article>`;
  return document.querySelector('article')!;
}

describe("a shared post's pictures", () => {
  it("X: the post's photos on X's image host, at most four, each once; avatars and other hosts left out", () => {
    const media = (n: number) => `https://pbs.twimg.com/media/p${n}.jpg?format=jpg&name=small`;
    const post = xPost([
      media(1),
      media(1),
      'https://evil.example/p.jpg',
      'http://pbs.twimg.com/media/p9.jpg',
      media(2),
      media(3),
      media(4),
      media(5),
    ]);
    expect(postImages(X_SITE, post)).toEqual([1, 2, 3, 4].map((n) => ({ url: media(n) })));
  });

  it("Facebook: the story's photos on fbcdn.net, not its link card's thumbnail nor the author's avatar", () => {
    const photo = 'https://scontent-cgk1-1.xx.fbcdn.net/v/t39.30808-6/1_n.jpg?stp=dst-jpg_s600x600';
    document.body.innerHTML = `<div><div data-ad-rendering-role="profile_name"><a href="https://www.facebook.com/a"><svg><image href="https://scontent.xx.fbcdn.net/avatar.jpg"></image></svg></a></div>
      <a href="https://www.facebook.com/photo/?fbid=1&amp;set=a.2"><img src="${photo}"></a>
      <a href="https://l.facebook.com/l.php?u=x"><img src="https://external-cgk1-1.xx.fbcdn.net/emg1/card.jpg"></a></div>`;
    expect(postImages(FACEBOOK_SITE, document.body.firstElementChild!)).toEqual([{ url: photo }]);
  });

  it('a post that is only a picture has content worth checking, and forwards merge their pictures', () => {
    const content = extractPost(X_SITE, xPost(['https://pbs.twimg.com/media/p1.jpg']));
    expect(content).toEqual({ text: '', urls: [], images: [{ url: 'https://pbs.twimg.com/media/p1.jpg' }] });
    expect(hasContent(content)).toBe(true);
    expect(extractPost(X_SITE, xPost([], 'hanya teks'))).not.toHaveProperty('images');
    const merged = mergeContents([
      content,
      { text: 'halo', urls: [], images: [{ url: 'https://pbs.twimg.com/media/p2.jpg' }] },
    ]);
    expect(merged.images).toEqual([
      { url: 'https://pbs.twimg.com/media/p1.jpg' },
      { url: 'https://pbs.twimg.com/media/p2.jpg' },
    ]);
  });

  it('WhatsApp: a picture shown from a blob: URL is read through a canvas, scaled to 512 px; one not loaded is skipped', () => {
    document.body.innerHTML = `<div id="main"><div data-id="A"><img id="loaded" src="blob:https://web.whatsapp.com/1"><img id="loading" src="blob:https://web.whatsapp.com/2"></div></div>`;
    const loaded = document.getElementById('loaded') as HTMLImageElement;
    Object.defineProperties(loaded, {
      complete: { value: true },
      naturalWidth: { value: 1600 },
      naturalHeight: { value: 1200 },
    });
    const drawn: number[][] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      return {
        drawImage: (_image: unknown, ...box: number[]) => drawn.push(box),
        imageSmoothingQuality: 'low',
      } as unknown as CanvasRenderingContext2D;
    });
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,iVBORw0KGgo=');
    expect(postImages(WHATSAPP_SITE, document.querySelector('[data-id="A"]')!)).toEqual([
      { dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
    ]);
    expect(drawn).toEqual([[0, 0, 512, 384]]);
  });

  it("a canvas the picture taints (not the page's own) gives nothing, rather than an error", () => {
    document.body.innerHTML = `<div id="main"><div data-id="A"><img src="blob:https://web.whatsapp.com/1"></div></div>`;
    Object.defineProperties(document.querySelector('img')!, {
      complete: { value: true },
      naturalWidth: { value: 300 },
      naturalHeight: { value: 300 },
    });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
      drawImage: () => undefined,
    } as unknown as RenderingContext);
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(() => {
      throw new DOMException('tainted', 'SecurityError');
    });
    expect(postImages(WHATSAPP_SITE, document.querySelector('[data-id="A"]')!)).toEqual([]);
  });
});
