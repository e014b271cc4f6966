/**
 * One held share per document at a time, however it came (a share button, a send key, the Web
 * Share API): prompts never stack, whoever keeps asking.
 */
const holding = new WeakSet<Document>();

/** Takes the document's hold; null while a share is already held there. Call the result to let go. */
export function holdShare(doc: Document): (() => void) | null {
  if (holding.has(doc)) return null;
  holding.add(doc);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holding.delete(doc);
  };
}

export function isHolding(doc: Document): boolean {
  return holding.has(doc);
}
