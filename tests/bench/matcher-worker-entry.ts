/**
 * What the benchmark runs inside the extension's service worker, bundled from
 * source: the extension's own matcher (lib/match) and the corpus expansion.
 */
export { createMatcher, loadMatcher, serializeMatcher } from '../../lib/match/index';
export { benchCorpus } from './matcher-variants';
