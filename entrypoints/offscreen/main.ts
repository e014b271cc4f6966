import { browser } from 'wxt/browser';
import { bundledOcrPaths } from '../../lib/ocr/ocr-assets';
import { DocumentOcr } from '../../lib/ocr/ocr-browser';
import { serveOffscreenOcr } from '../../lib/ocr/offscreen-ocr';

// Chrome's offscreen document: hosts the OCR worker for the service worker (lib/ocr/offscreen-ocr.ts).
serveOffscreenOcr(new DocumentOcr(bundledOcrPaths(browser.runtime.getURL('/'))));
