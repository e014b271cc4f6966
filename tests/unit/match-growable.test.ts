import { describe, expect, it } from 'vitest';
import { appended, capacityOf, withRoom, withRoomCopy } from '../../lib/match/growable';

describe('growable arrays', () => {
  it('grow in place into their room, leaving the shorter view as it was', () => {
    const first = withRoomCopy(Uint32Array.of(1, 2, 3));
    const second = appended(first, [4, 5]);
    expect([...second]).toEqual([1, 2, 3, 4, 5]);
    expect(second.buffer).toBe(first.buffer);
    expect([...first]).toEqual([1, 2, 3]);
    expect([...appended(second, [6])]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('copy a view that does not end the used part of its room: one grown from twice stays each its own', () => {
    const base = withRoomCopy(Float32Array.of(0.5, 1.5));
    const one = appended(base, [2.5]);
    const other = appended(base, [9]);
    expect(other.buffer).not.toBe(base.buffer);
    expect([...one]).toEqual([0.5, 1.5, 2.5]);
    expect([...other]).toEqual([0.5, 1.5, 9]);
    expect([...appended(one, [3.5])]).toEqual([0.5, 1.5, 2.5, 3.5]);
  });

  it('share one room between views of the same region marked twice (two indexes read from the same bytes)', () => {
    const bytes = new ArrayBuffer(64);
    const read = () => withRoom(new Uint32Array(bytes, 8, 2).fill(7), 6);
    const [one, other] = [read(), read()];
    expect(capacityOf(one)).toBe(6);
    const grown = appended(one, [1, 2]);
    expect(grown.buffer).toBe(bytes);
    expect(capacityOf(other)).toBe(2);
    expect([...appended(other, [3])]).toEqual([7, 7, 3]);
    expect([...grown]).toEqual([7, 7, 1, 2]);
  });

  it('copy into a larger buffer once the room is used up, and without room at all', () => {
    const full = withRoom(new Uint32Array(new ArrayBuffer(12), 0, 2), 3);
    const grown = appended(full, [1, 2]);
    expect(grown.buffer).not.toBe(full.buffer);
    expect(capacityOf(grown)).toBeGreaterThanOrEqual(8);
    expect([...appended(Uint32Array.of(4), [5])]).toEqual([4, 5]);
  });
});
