/**
 * "Check this image with Saring" and "Check the selected text with Saring", on any page, from the
 * context menu. Saring asks for no access to pages up front: the click grants activeTab for that
 * tab, under which the background captures the visible tab and crops it to the picture (the
 * picture's own host would need a permission of its own, and its copy may differ from what is
 * shown); its words are read by the extension's own OCR and checked with its hashes. The result goes to a small extension page through session storage (memory only, gone
 * when the browser closes): nothing is stored or sent anywhere.
 */
import { browser, type Browser } from 'wxt/browser';
import { factChecksShown } from '../decision';
import { checkImages, hashPicture } from '../images/check-image';
import { bitmapPixels } from '../images/decode-browser';
import type { Pixels } from '../images/pdq';
import { resolveLanguage, t } from '../i18n';
import type { MatchQuery, MatchResult } from '../match/types';
import type { UiLanguage } from '../core/vocabulary';
import { CONTEXT_RESULT_KEY, type ContextCheckResult } from './context-result';
import { factCheckView, scopeToSite } from './check-share';
import type { BackgroundContext } from './context';

export const CONTEXT_MENU_IDS = { image: 'saring-check-image', selection: 'saring-check-selection' } as const;
/** No guarded site: classroom packs' invented examples never answer here. */
const CONTEXT_SITE = 'context-menu';
const MAX_SELECTION_CHARS = 10_000;

/** Menu items, created again on install and update (titles in the browser's language). */
export async function createContextMenus(language: UiLanguage): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: CONTEXT_MENU_IDS.image,
    title: t(language, 'contextCheckImage'),
    contexts: ['image'],
  });
  browser.contextMenus.create({
    id: CONTEXT_MENU_IDS.selection,
    title: t(language, 'contextCheckSelection'),
    contexts: ['selection'],
  });
}

/** A result from a match, with the fact-checks a prompt would show. */
async function resultOf(
  context: BackgroundContext,
  what: ContextCheckResult['what'],
  match: MatchResult,
  language: UiLanguage,
): Promise<ContextCheckResult> {
  const { publishers, listHosts } = await context.index.get();
  const scoped = scopeToSite(match, CONTEXT_SITE, context.matchThreshold, context.likelyThreshold);
  const threshold = scoped.decision === 'hoax-match' ? context.matchThreshold : context.likelyThreshold;
  const shown = scoped.decision === 'none' ? [] : factChecksShown(scoped.matches, threshold);
  return {
    what,
    status: scoped.decision === 'hoax-match' ? 'match' : scoped.decision === 'likely-match' ? 'likely' : 'none',
    matches: shown.map((hit) => ({
      ...factCheckView(hit, publishers, listHosts),
      via: hit.via === 'image' ? 'image' : 'text',
    })),
    language,
  };
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/**
 * Checks a picture's pixels (hash) and, when given, text, as a post's pictures are checked: the
 * picture's own words (OCR) read with it.
 */
export async function checkPixels(
  context: BackgroundContext,
  pixels: Pixels | null,
  text: string,
  language: UiLanguage,
  pictureText = '',
): Promise<ContextCheckResult> {
  const { matcher, pictures } = await context.index.get();
  const query: MatchQuery = { text, urls: text.match(URL_IN_TEXT) ?? [] };
  const match = await checkImages(
    { pictures: pixels ? [hashPicture(pixels)] : [], ocrTexts: [pictureText], query },
    { pictures: await pictures(), match: (q) => matcher.match(q) },
  );
  const result = await resultOf(context, pixels ? 'image' : 'text', match, language);
  return pixels ? result : { ...result, excerpt: text.slice(0, 280) };
}

/** The picture's box in the capture, in its pixels: the visible part of its page box, scaled, whole pixels. */
export function cropBox(
  rect: { x: number; y: number; width: number; height: number },
  viewport: { width: number; height: number },
  capture: { width: number; height: number },
): { x: number; y: number; width: number; height: number } | null {
  const scale = capture.width / viewport.width;
  const left = Math.max(0, Math.floor(rect.x * scale));
  const top = Math.max(0, Math.floor(rect.y * scale));
  const right = Math.min(capture.width, Math.ceil((rect.x + rect.width) * scale));
  const bottom = Math.min(capture.height, Math.ceil((rect.y + rect.height) * scale));
  return right - left >= 16 && bottom - top >= 16
    ? { x: left, y: top, width: right - left, height: bottom - top }
    : null;
}

/** Runs in the page (serialised by executeScript): where the picture with this address is shown. */
function locatePicture(src: string) {
  const image = [...document.images].find((candidate) => candidate.currentSrc === src || candidate.src === src);
  if (!image) return null;
  const { x, y, width, height } = image.getBoundingClientRect();
  return { rect: { x, y, width, height }, viewport: { width: window.innerWidth, height: window.innerHeight } };
}

class ContextCheckError extends Error {}

/** The picture as the tab shows it, from a capture of the visible tab (activeTab, granted by the menu click). */
async function capturePicture(tab: Browser.tabs.Tab, frameId: number | undefined, src: string): Promise<Pixels> {
  if (tab.id === undefined) throw new ContextCheckError('no tab to read the picture from');
  if (frameId !== undefined && frameId !== 0)
    throw new ContextCheckError(
      'pictures inside embedded frames cannot be read: open the picture in its own tab and try again',
    );
  const [injection] = await browser.scripting.executeScript({
    target: { tabId: tab.id, frameIds: [0] },
    func: locatePicture,
    args: [src],
  });
  const found = injection?.result;
  if (!found) throw new ContextCheckError('the picture is no longer on the page');
  const capture = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  const bitmap = await createImageBitmap(await (await fetch(capture)).blob());
  const box = cropBox(found.rect, found.viewport, bitmap);
  if (!box) {
    bitmap.close();
    throw new ContextCheckError('the picture is not on screen: scroll it into view and try again');
  }
  const cropped = await createImageBitmap(bitmap, box.x, box.y, box.width, box.height);
  bitmap.close();
  return bitmapPixels(cropped);
}

/** RGBA pixels (a capture's crop) as a PNG, as OCR takes pictures. */
async function pngOf({ data, width, height }: Pixels): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new ContextCheckError('no canvas to read the picture on');
  context.putImageData(new ImageData(new Uint8ClampedArray(data), width, height), 0, 0);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

/** The words in a captured picture; none when OCR fails (the picture is still checked by its hashes). */
async function capturedText(context: BackgroundContext, pixels: Pixels): Promise<string> {
  if (!context.pictureText) return '';
  try {
    return await context.pictureText.readPictureText(await pngOf(pixels));
  } catch (error) {
    console.warn('[saring] the picture was checked without its words:', error);
    return '';
  }
}

/** A menu click: checks what was clicked and opens the result page beside the tab. */
export async function onContextMenuClick(
  context: BackgroundContext,
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<void> {
  const language = resolveLanguage((await context.settings.getValue()).language, context.browserUiLanguage());
  let result: ContextCheckResult;
  const what = info.menuItemId === CONTEXT_MENU_IDS.image ? 'image' : 'text';
  try {
    if (what === 'image') {
      if (!tab || !info.srcUrl) throw new ContextCheckError('no picture was clicked');
      const pixels = await capturePicture(tab, info.frameId, info.srcUrl);
      result = await checkPixels(context, pixels, '', language, await capturedText(context, pixels));
    } else {
      result = await checkPixels(context, null, (info.selectionText ?? '').slice(0, MAX_SELECTION_CHARS), language);
    }
  } catch (error) {
    result = {
      what,
      status: 'failed',
      matches: [],
      error: error instanceof Error ? error.message : String(error),
      language,
    };
  }
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [`${CONTEXT_RESULT_KEY}${id}`]: result });
  await browser.tabs.create({
    url: browser.runtime.getURL(`/check.html#${id}`),
    ...(tab ? { windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id } : {}),
  });
}
