import { z } from 'zod';
import { BROWSER_IMAGE_LIMITS } from '../images/decode-browser';
import { OCR_TIMEOUTS } from '../ocr/ocr-common';
import type { Result } from './protocol';

/**
 * Messages from Chrome's service worker to the offscreen document that hosts OCR (the worker
 * cannot start one itself). runtime.sendMessage reaches every extension page, and content
 * scripts' messages reach the offscreen document too: it answers only messages for this target,
 * of these shapes, from the extension's own service worker (offscreen-ocr.ts checks the sender).
 */
export const OFFSCREEN_TARGET = 'saring-offscreen-ocr';
export const OFFSCREEN_PATH = '/offscreen.html';
/** The service worker's script, as WXT builds it: the only sender the offscreen document answers. */
export const BACKGROUND_PATH = '/background.js';

export const offscreenRequestSchema = z.discriminatedUnion('type', [
  /** Read a picture's text: its bytes in base64 (Chrome's messages are JSON). */
  z
    .object({
      target: z.literal(OFFSCREEN_TARGET),
      type: z.literal('ocr-read'),
      bytes: z
        .string()
        .min(1)
        .max(Math.ceil(BROWSER_IMAGE_LIMITS.maxBytes / 3) * 4),
      timeoutMs: z.number().int().min(1).max(OCR_TIMEOUTS.recognizeMs),
    })
    .strict(),
  /** Is the OCR worker up (a reading would start at once)? */
  z.object({ target: z.literal(OFFSCREEN_TARGET), type: z.literal('ocr-status') }).strict(),
]);

export type OffscreenRequest = z.infer<typeof offscreenRequestSchema>;
export type OffscreenType = OffscreenRequest['type'];

export interface OffscreenResponseMap {
  'ocr-read': { text: string };
  'ocr-status': { ready: boolean };
}

export type OffscreenReply<K extends OffscreenType = OffscreenType> = Result<OffscreenResponseMap[K]>;

/** Whether a message is meant for the offscreen document at all (others are left to their listeners). */
export function isForOffscreen(message: unknown): boolean {
  return (message as { target?: unknown } | null)?.target === OFFSCREEN_TARGET;
}
