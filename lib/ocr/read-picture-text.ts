/**
 * The background's OCR: the text of a picture, read on this device by the bundled tesseract.js
 * (Chrome: in the offscreen document, Firefox: in the background page). The worker is started by
 * the first picture and kept warm for OCR_WARM_MINUTES after the last one, then closed by an
 * alarm (a service worker's timers do not survive it being stopped; alarms do).
 */
import type { OcrBackend } from './ocr-browser';
import { OCR_TIMEOUTS } from './ocr-common';

export const CLOSE_OCR_ALARM = 'close-ocr';
export const OCR_WARM_MINUTES = 3;

/** What of browser.alarms this needs. */
export interface OcrAlarms {
  create(name: string, info: { delayInMinutes: number }): Promise<void> | void;
  get(name: string): Promise<unknown>;
}

export class PictureText {
  constructor(
    private readonly backend: OcrBackend,
    private readonly alarms: OcrAlarms,
  ) {}

  /**
   * The text of a picture (JPEG, PNG or WebP bytes), lines joined by "\n"; rejects with an
   * OcrError with a clear message when OCR cannot start or finish within `timeoutMs`.
   */
  async readPictureText(bytes: Uint8Array, { timeoutMs = OCR_TIMEOUTS.recognizeMs }: { timeoutMs?: number } = {}) {
    // Warm for a few minutes more (the alarm of the same name is replaced): set before reading too,
    // so an alarm due now does not close the engine under this picture.
    await this.alarms.create(CLOSE_OCR_ALARM, { delayInMinutes: OCR_WARM_MINUTES });
    try {
      return await this.backend.read(bytes, timeoutMs);
    } finally {
      await this.alarms.create(CLOSE_OCR_ALARM, { delayInMinutes: OCR_WARM_MINUTES });
    }
  }

  /** Whether OCR is warm: a picture read now starts at once, without loading the engine. */
  isWarm(): Promise<boolean> {
    return this.backend.ready();
  }

  /** The closing alarm fired: stop the worker. */
  close(): Promise<void> {
    return this.backend.close();
  }

  /**
   * On the service worker's start: an offscreen document an earlier worker left open (its alarm
   * lost, as alarms can be) gets one again, so it does not stay for good.
   */
  async restoreAlarm(): Promise<void> {
    if (!(await this.alarms.get(CLOSE_OCR_ALARM)) && (await this.backend.ready()))
      await this.alarms.create(CLOSE_OCR_ALARM, { delayInMinutes: OCR_WARM_MINUTES });
  }
}
