/**
 * Typed arrays that grow at their end in place: views over a buffer with room after them, so a
 * patch appends its docs' rows where copying the whole index's (~20 MB per patch) cost more than
 * the rest of the patch. A view's length never changes, so an index still answering keeps exactly
 * what it held while the next one, over the same buffer, holds more. Only a view ending where the
 * room's used part ends may grow in place; any other (an older index patched again, a second index
 * read from the same bytes) is copied.
 */

type Growable = Uint32Array | Float32Array;

/** Free space in a buffer, in elements from the buffer's start: used up to `used`, free up to `end`. */
interface Room {
  used: number;
  end: number;
}

/** Each view's room, and each buffer's rooms by where they end (one room per region, however many views). */
const roomOf = new WeakMap<Growable, Room>();
const roomsOfBuffer = new WeakMap<ArrayBufferLike, Map<number, Room>>();

const startOf = (array: Growable) => array.byteOffset / array.BYTES_PER_ELEMENT;

/** Room a built or persisted array keeps for patches: a sixteenth of its length, ~30 daily patches at 100,000 items. */
export function roomFor(length: number): number {
  return Math.max(Math.ceil(length / 16), 256);
}

/** Marks the elements after `array` in its buffer, up to `capacity` from its start, as room to grow into. */
export function withRoom<T extends Growable>(array: T, capacity: number): T {
  const end = startOf(array) + Math.max(capacity, array.length);
  let rooms = roomsOfBuffer.get(array.buffer);
  if (!rooms) roomsOfBuffer.set(array.buffer, (rooms = new Map<number, Room>()));
  let room = rooms.get(end);
  if (!room) rooms.set(end, (room = { used: startOf(array) + array.length, end }));
  roomOf.set(array, room);
  return array;
}

/** How many elements `array` may hold in place (its length when it has no room to grow into). */
export function capacityOf(array: Growable): number {
  const room = roomOf.get(array);
  return room && room.used === startOf(array) + array.length ? room.end - startOf(array) : array.length;
}

/** `array` followed by `more`: in place when it has the room, else in a new buffer twice as large. */
export function appended<T extends Growable>(array: T, more: ArrayLike<number>): T {
  const length = array.length + more.length;
  const room = roomOf.get(array);
  if (length <= capacityOf(array)) {
    const grown = new (array.constructor as new (buffer: ArrayBufferLike, offset: number, length: number) => T)(
      array.buffer,
      array.byteOffset,
      length,
    );
    grown.set(more, array.length);
    room!.used = startOf(array) + length;
    roomOf.set(grown, room!);
    return grown;
  }
  return copied(array, more, 2 * length);
}

/** A copy of `array` with room for patches (roomFor) after it. */
export function withRoomCopy<T extends Growable>(array: T): T {
  return copied(array, [], array.length + roomFor(array.length));
}

function copied<T extends Growable>(array: T, more: ArrayLike<number>, capacity: number): T {
  const buffer = new (array.constructor as new (length: number) => T)(capacity);
  buffer.set(array);
  buffer.set(more, array.length);
  return withRoom(buffer.subarray(0, array.length + more.length) as T, capacity);
}
