// The CLI's heap helpers (src/cli/heap.ts): a full collection on demand really collects.
import { collectNow } from "../../src/cli/heap";

/** A WeakRef to an object nothing else holds, made in a turn of its own (WeakRefs keep their target to the end of the turn). */
async function weaklyHeld(): Promise<WeakRef<object>> {
  const ref = new WeakRef({ rows: new Array(100_000).fill(1) });
  await nextTurn();
  return ref;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

test("collectNow collects what only a WeakRef still points at, and can be called again", async () => {
  for (let i = 0; i < 2; i++) {
    const ref = await weaklyHeld();
    expect(ref.deref()).toBeDefined(); // not collected yet ...
    await nextTurn(); // (deref keeps its target to the end of the turn too)
    collectNow();
    expect(ref.deref()).toBeUndefined(); // ... collected now
  }
});
