/**
 * OCR for Chrome's service worker, through an offscreen document (the worker cannot start a
 * Worker of its own). Both ends are here: `serveOffscreenOcr` runs in the offscreen document,
 * `OffscreenOcr` in the service worker, which creates the document when a picture is to be read
 * and closes it to stop OCR. Messages: lib/messaging/offscreen-protocol.ts.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  BACKGROUND_PATH,
  isForOffscreen,
  OFFSCREEN_PATH,
  OFFSCREEN_TARGET,
  offscreenRequestSchema,
  type OffscreenReply,
  type OffscreenRequest,
  type OffscreenResponseMap,
  type OffscreenType,
} from '../messaging/offscreen-protocol';
import type { DocumentOcr, OcrBackend } from './ocr-browser';
import { OcrError } from './ocr-common';

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether a message comes from this extension's service worker (not a page, not a content script). */
export function fromServiceWorker(sender: Browser.runtime.MessageSender, extensionId: string, workerUrl: string) {
  return sender.id === extensionId && sender.tab === undefined && sender.url === workerUrl;
}

async function answer(ocr: DocumentOcr, request: OffscreenRequest): Promise<OffscreenReply> {
  try {
    if (request.type === 'ocr-status') return { ok: true, value: { ready: await ocr.ready() } };
    return { ok: true, value: { text: await ocr.read(base64ToBytes(request.bytes), request.timeoutMs) } };
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** In the offscreen document: answers the service worker's OCR requests, and nobody else's. */
export function serveOffscreenOcr(ocr: DocumentOcr): void {
  const workerUrl = browser.runtime.getURL(BACKGROUND_PATH);
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: OffscreenReply) => void) => {
      if (!isForOffscreen(message)) return undefined;
      if (!fromServiceWorker(sender, browser.runtime.id, workerUrl)) {
        console.warn('[saring] offscreen OCR: refused a request from', sender.url ?? 'an unknown sender');
        return undefined;
      }
      const parsed = offscreenRequestSchema.safeParse(message);
      if (!parsed.success) {
        sendResponse({ ok: false, error: { code: 'invalid-request', message: 'not an OCR request' } });
        return undefined;
      }
      void answer(ocr, parsed.data).then(sendResponse);
      return true;
    },
  );
}

/** In the service worker: OCR in the offscreen document, created on demand. */
export class OffscreenOcr implements OcrBackend {
  private creating: Promise<void> | null = null;

  /** Whether the offscreen document is open with its OCR worker up. */
  async ready(): Promise<boolean> {
    if (!(await this.documentOpen())) return false;
    try {
      return (await this.send('ocr-status', {})).ready;
    } catch {
      return false;
    }
  }

  async read(bytes: Uint8Array, timeoutMs: number): Promise<string> {
    await this.openDocument();
    return (await this.send('ocr-read', { bytes: bytesToBase64(bytes), timeoutMs })).text;
  }

  /** Closes the offscreen document, and with it the OCR worker. */
  async close(): Promise<void> {
    await this.creating?.catch(() => undefined);
    if (await this.documentOpen()) await browser.offscreen.closeDocument();
  }

  private async documentOpen(): Promise<boolean> {
    const contexts = await browser.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
    });
    return contexts.length > 0;
  }

  private async openDocument(): Promise<void> {
    if (await this.documentOpen()) return;
    // Two pictures at once must not both create it (Chrome allows one offscreen document).
    this.creating ??= browser.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['WORKERS'],
        justification: 'Reads the text of pictures in posts being shared (OCR), on the device, in a Web Worker',
      })
      .finally(() => {
        this.creating = null;
      });
    await this.creating;
  }

  private async send<K extends OffscreenType>(
    type: K,
    fields: Omit<Extract<OffscreenRequest, { type: K }>, 'target' | 'type'>,
  ): Promise<OffscreenResponseMap[K]> {
    const reply = await browser.runtime.sendMessage<unknown, OffscreenReply<K> | undefined>({
      target: OFFSCREEN_TARGET,
      type,
      ...fields,
    });
    if (!reply) throw new OcrError('the OCR document did not answer');
    if (!reply.ok) throw new OcrError(reply.error.message);
    return reply.value;
  }
}
