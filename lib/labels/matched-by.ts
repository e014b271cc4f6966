import type { FactCheckView } from '../messaging/protocol';

/** How a label's post matched: by its text, its picture (hashes), or the words read in its picture. */
export type MatchedBy = 'text' | 'picture' | 'picture-text';

export function matchedBy(factCheck: FactCheckView): MatchedBy {
  return factCheck.samePicture ? 'picture' : factCheck.pictureText ? 'picture-text' : 'text';
}
