// The CLI's memory at district scale (issue 12): how far V8 lets the heap grow, and full collections
// where a large part of the heap has just died.
//
// Growth: by default the limit after a full collection is up to four times what was live, so on the
// district evaluate's heap filled to 330 MB of which 155 MB was live, and the process peaked at
// ~510 MB. Growing by 60 % at most, evaluate peaked at ~395 MB for the same time (measured: 20 %
// 383–391 MB, 40 % ~413 MB, 60 % 390–399 MB, 100 % ~418 MB, 150 % ~505 MB; all within the
// run-to-run noise of 5.4–6.1 s), and validate at 240 MB instead of 258–270 (at twice the district
// 441–445 instead of 568–571 MB). `compile` is left to V8: no difference measured (324–332 MB).
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

export const HEAP_GROWING_PERCENT = 60;

/** Call before the work starts (V8 reads the flag at each full collection). */
export function tuneHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

let fullCollection: (() => void) | undefined;

/**
 * A full collection now, at a point where most of the heap has just become garbage (the checked
 * ledger once the result sheets are built). V8 would collect it only once the heap grew past its
 * limit — while the next step allocates on top of it, which is where evaluate's memory peaked.
 * `gc` is exposed at run time (an npm-installed CLI cannot pass node flags): once `--expose-gc` is
 * set, contexts made after it have a global `gc`. Where that yields no function (another engine or
 * Node version) nothing happens.
 */
export function collectNow(): void {
  if (fullCollection === undefined) {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    fullCollection = typeof gc === "function" ? (gc as () => void) : () => undefined;
  }
  fullCollection();
}
