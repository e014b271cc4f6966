import type { LabelTable } from './types';

/**
 * What Telegram Web's two clients share. web.telegram.org serves two unrelated apps: Web K
 * (/k/, morethanwords/tweb, plain DOM classes) and Web A (/a/, Ajaxy/telegram-tt, React-like
 * components). Their markup and even their forward flows differ, so each has its own adapter
 * (telegram-k.ts, telegram-a.ts) and its own site health: a release of one client that breaks its
 * adapter leaves the other reported as working.
 */

/** Links to chats, channels and Telegram's own pages are not articles to read. */
export const TELEGRAM_OWN_HOSTS = ['telegram.org', 't.me', 'telegram.me'] as const;

/**
 * Telegram's own words: "Forward" and "Send" are its English strings (lang keys Forward, Send);
 * "Teruskan" and "Kirim" its Indonesian ones as the issue gives them (not found in public code).
 */
export const FORWARD_LABELS: LabelTable = { id: ['Teruskan'], en: ['Forward'] };
export const SEND_LABELS: LabelTable = { id: ['Kirim'], en: ['Send'] };
