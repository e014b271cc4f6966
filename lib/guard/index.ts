export { armGuard, DEFAULT_TIMEOUT_MS } from './arm';
export { extractComposer, extractPost, externalHref, findComposer, findPost, type ShareContent } from './extract';
export { findAction, type FoundAction } from './find-action';
export { messagingTransport } from './messaging-transport';
export type { GuardOptions, GuardTransport, PromptRequest, ShowPrompt } from './types';
