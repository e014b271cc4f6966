import { utf8ByteLength } from './text';
import { LIST_FILE_LIMITS } from './schema';
import { checkListSize, ListFormatError } from './validate';

/** Lists are a few levels deep; anything far deeper is hostile and would exhaust the stack later. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text, stopping once past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return deepest;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses a list file's text: refuses it over the size limit, nested absurdly deep, or not JSON,
 * always as a ListFormatError with a message saying which (never a RangeError or SyntaxError).
 */
export function parseJsonText(text: string): unknown {
  checkJsonText(text);
  return parseCheckedJsonText(text);
}

/**
 * parseJsonText's checks (size, nesting) alone; `byteLength`, when the caller knows it, saves
 * counting. A worker may pause between them and the parse, each a block of work on a big list.
 */
export function checkJsonText(text: string, byteLength?: number): void {
  // Every character is at least one byte: count exactly only when it could matter.
  if (byteLength !== undefined) checkListSize(byteLength);
  else if (text.length * 3 > LIST_FILE_LIMITS.maxBytes) checkListSize(utf8ByteLength(text));
  if (nestingDepth(stripBom(text), MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ListFormatError(`Not a list: JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
}

/** parseJsonText's parse, after checkJsonText. */
export function parseCheckedJsonText(text: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListFormatError(`Not JSON: ${reason.length > 200 ? `${reason.slice(0, 200)}…` : reason}`);
  }
}
