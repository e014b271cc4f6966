/**
 * Deterministic benchmark corpora of any size from the shared data: Indonesian
 * fact-checks (claim + circulating text) and English CLEF claims, interleaved,
 * then reworded copies (a word dropped, words of another claim added, a fresh
 * id) until the size is reached. Same size, same items, every run.
 */
import type { ListItem } from '../../lib/lists/schema';
import { interleave } from './matcher-variants';
import {
  clefClaims,
  clefItem,
  clefPairs,
  indonesianItems,
  indonesianPairs,
  indonesianRecords,
  ordinaryTweets,
} from '../eval/datasets';

export { benchCorpus } from './matcher-variants';

/** Circulating text kept per Indonesian item, as the starter list ships it. */
const TEXT_LENGTH = 600;

export function baseItems(): ListItem[] {
  return interleave(indonesianItems(indonesianRecords(), TEXT_LENGTH), clefClaims().map(clefItem));
}

/** Post-length queries: Indonesian hoax posts, ordinary tweets and English tweets, mixed. */
export function benchPosts(count: number): string[] {
  const third = Math.ceil(count / 3);
  const hoaxes = indonesianPairs()
    .filter((_, at) => at % 29 === 0)
    .slice(0, third)
    .map((pair) => pair.query);
  const tweets = ordinaryTweets()
    .filter((_, at) => at % 13 === 0)
    .slice(0, third);
  const english = clefPairs('dev_test')
    .slice(0, third)
    .map((pair) => pair.query);
  return interleave(interleave(hoaxes, tweets), english).slice(0, count);
}
