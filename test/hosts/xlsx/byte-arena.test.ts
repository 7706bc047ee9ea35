// ByteArena: byte strings end to end in one buffer, known by index — copies, not views, and each
// entry exactly its own bytes, also after the buffer has grown.
import { ByteArena } from "../../../src/hosts/xlsx/byte-arena";

test("entries are copies of what was added, each with its own bounds, past any growth", () => {
  const arena = new ByteArena();
  const source = new Uint8Array(300).map((_, i) => i % 251);
  const added: Uint8Array[] = [];
  for (let k = 0; k < 3000; k++) {
    const s = k % 200;
    const e = s + (k % 97); // empty entries too
    expect(arena.add(source, s, e)).toBe(k);
    added.push(source.slice(s, e));
  }
  source.fill(0); // the arena kept copies
  for (let k = 0; k < added.length; k++) {
    expect(new Uint8Array(arena.view.buffer).slice(arena.start(k), arena.end(k))).toEqual(added[k]);
    expect(arena.equals(k, added[k], 0, added[k].length)).toBe(true);
    if (added[k].length > 0) {
      const other = added[k].slice();
      other[other.length - 1] ^= 1;
      expect(arena.equals(k, other, 0, other.length)).toBe(false);
      expect(arena.equals(k, added[k], 0, added[k].length - 1)).toBe(false);
    }
  }
  expect(arena.end(2999)).toBeGreaterThan(1 << 16); // grown past its first buffer
});
