/** Cuts at the last word boundary that fits, with an ellipsis when something was cut. */
export function cutOnWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? room.slice(0, lastSpace) : room).trimEnd()}…`;
}

/** The text as is when it fits, else cut on a word: long optional fields are samples, not meaning. */
export function fitText(text: string, max: number): string {
  return text.length <= max ? text : cutOnWord(text, max);
}

/** UTF-8 size of a string without encoding it (lists can be tens of MB). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character for two UTF-16 units
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint for derived ids, not security. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
