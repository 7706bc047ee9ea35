// Deflating on a second thread while this one writes the XML (issue 12). Writing the district's
// result sheets is ~113 MB of XML; deflating it took ~250 ms of the patch's ~780 on this thread.
// With a worker thread doing it, the patch takes ~570 ms on a 2-core machine: the worker keeps up
// with the writer and the last piece is deflated a moment after it is written.
//
// The output is the same bytes as Node's zlib on this thread (zip-write.ts zlibStream): the same
// pieces, each deflated on its own with a sync flush at the same level, then an empty final block.
// Node only (worker_threads through `process.getBuiltinModule`, as native-zlib.ts does for zlib);
// elsewhere, or when no worker can start, callers keep the compressor of this thread.
import { nativeZlib } from "./native-zlib";
import { defaultCompressor, zlibLevel, type Compressor, type DeflateStream } from "./zip-write";

/**
 * Pieces go to the worker through shared memory: a few slots, each the size of two of the writer's
 * pieces (~1 MB each). Copying a piece into a slot costs ~0.1 ms; into a new buffer of its own
 * (which could be transferred) ~1.7 ms, nearly all of it the fresh memory's page faults — ~190 ms
 * for the district's 113 pieces. A larger piece goes in a buffer of its own, transferred.
 */
const SLOT_BYTES = 2 * 1024 * 1024;
/** Slots: how many pieces may wait for the worker before the writer waits for it. */
const DEFAULT_SLOTS = 8;
/** A worker that deflates nothing for this long while the writer waits is taken as gone. */
const STALL_MS = 20_000;

/**
 * The worker's whole program. A string run with `eval: true`, because every bundle (the CLI, the
 * bench) has to be able to start it without a file of its own next to it. It deflates each piece as
 * it arrives (from a slot, which it then frees, or from a buffer of its own), keeps a stream's output
 * until the stream ends, then sends it back (transferred). `state[0]` counts the free slots,
 * `state[1 + i]` is 1 while slot i holds a piece.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const state = new Int32Array(workerData.state);
const slots = new Uint8Array(workerData.slots);
const streams = new Map();
parentPort.on("message", (m) => {
  try {
    let out = streams.get(m.id);
    if (!out) streams.set(m.id, (out = []));
    if (m.end) {
      out.push(zlib.deflateRawSync(new Uint8Array(0), { level: m.level, finishFlush: zlib.constants.Z_FINISH }));
      streams.delete(m.id);
      const reply = { id: m.id, pieces: out };
      try {
        parentPort.postMessage(reply, [...new Set(out.map((p) => p.buffer))]);
      } catch {
        parentPort.postMessage(reply); // a buffer that cannot be transferred is copied
      }
      return;
    }
    const data = m.data || slots.subarray(m.slot * workerData.slotBytes, m.slot * workerData.slotBytes + m.length);
    out.push(zlib.deflateRawSync(data, { level: m.level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  } finally {
    if (m.slot !== undefined) {
      Atomics.store(state, 1 + m.slot, 0);
      Atomics.add(state, 0, 1);
      Atomics.notify(state, 0);
    }
  }
});
`;

interface WorkerLike {
  postMessage(m: unknown, transfer?: ArrayBuffer[]): void;
  on(event: "message", f: (m: WorkerReply) => void): void;
  on(event: "error", f: (e: Error) => void): void;
  on(event: "exit", f: (code: number) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}

type WorkerReply = { id: number; pieces: Uint8Array[] } | { id: number; error: string };

interface WorkerThreads {
  Worker: new (source: string, opts: { eval: true; workerData: unknown }) => WorkerLike;
}

/** The worker thread failed or stopped: what it was deflating has to be deflated again here. */
export class DeflateThreadError extends Error {
  override name = "DeflateThreadError";
}

/** A compressor whose streamed entries are deflated on a worker thread; `close` when done with it. */
export interface ThreadCompressor extends Compressor {
  close(): Promise<void>;
}

/**
 * A compressor deflating streamed entries on a worker thread, or undefined where none can start
 * (no worker_threads, no native zlib). Whole entries (small parts) are deflated on this thread.
 * `slots`: pieces that may wait for the worker before the writer waits.
 */
export function deflateOnThread(slots = DEFAULT_SLOTS): ThreadCompressor | undefined {
  const threads = workerThreads();
  if (!threads || !nativeZlib()) return undefined;
  try {
    return new DeflateThread(threads, slots);
  } catch {
    return undefined;
  }
}

function workerThreads(): WorkerThreads | undefined {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const wt = proc?.getBuiltinModule?.("node:worker_threads") as WorkerThreads | undefined;
    return wt && typeof wt.Worker === "function" ? wt : undefined;
  } catch {
    return undefined;
  }
}

class DeflateThread implements ThreadCompressor {
  private readonly worker: WorkerLike;
  /** Shared with the worker: [free slots, then 1 per slot while it holds a piece]. */
  private readonly state: Int32Array;
  private readonly slots: Uint8Array;
  private readonly ends = new Map<
    number,
    { resolve: (p: Uint8Array[]) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;
  private failure: DeflateThreadError | undefined;
  private readonly local = defaultCompressor();
  readonly deflate = this.local.deflate;
  readonly crc32 = this.local.crc32;

  constructor(threads: WorkerThreads, slotCount: number) {
    this.state = new Int32Array(new SharedArrayBuffer(4 * (1 + slotCount)));
    this.state[0] = slotCount;
    this.slots = new Uint8Array(new SharedArrayBuffer(SLOT_BYTES * slotCount));
    this.worker = new threads.Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { state: this.state.buffer, slots: this.slots.buffer, slotBytes: SLOT_BYTES },
    });
    this.worker.unref(); // never what keeps the process alive
    this.worker.on("message", (m) => this.settle(m));
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) =>
      this.fail(new DeflateThreadError(`the deflate thread stopped (exit code ${code})`)),
    );
  }

  stream(fast: boolean): DeflateStream {
    const id = this.nextId++;
    const level = zlibLevel(fast); // as this thread's zlib, so the bytes are the same
    return {
      push: (data) => {
        this.post(id, level, data);
        return [];
      },
      end: () => this.end(id, level),
    };
  }

  async close(): Promise<void> {
    this.fail(new DeflateThreadError("the deflate thread was closed"));
    await this.worker.terminate();
  }

  /** A copy of the piece to the worker (the writer reuses its buffer): into a free slot, if it fits. */
  private post(id: number, level: number, data: Uint8Array): void {
    if (this.failure) throw this.failure;
    if (data.length > SLOT_BYTES) {
      const copy = data.slice();
      this.worker.postMessage({ id, level, data: copy }, [copy.buffer as ArrayBuffer]);
      return;
    }
    const slot = this.freeSlot();
    this.slots.set(data, slot * SLOT_BYTES);
    this.worker.postMessage({ id, level, slot, length: data.length });
  }

  /** A slot the worker has done with, taken; waits for one when all hold pieces. */
  private freeSlot(): number {
    const state = this.state;
    // Waiting here blocks this thread's event loop, so a worker that died cannot be heard of: a
    // worker that frees no slot for STALL_MS is taken as gone.
    while (Atomics.load(state, 0) === 0) {
      if (Atomics.wait(state, 0, 0, STALL_MS) === "timed-out") {
        this.fail(new DeflateThreadError("the deflate thread stopped answering"));
        throw this.failure;
      }
    }
    // the worker marks a slot free before it counts it: a count above 0 means a free mark is there
    let slot = 0;
    while (Atomics.load(state, 1 + slot) !== 0) slot++;
    Atomics.store(state, 1 + slot, 1);
    Atomics.sub(state, 0, 1);
    return slot;
  }

  private end(id: number, level: number): Promise<Uint8Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.ends.set(id, { resolve, reject });
      this.worker.postMessage({ id, level, end: true });
    });
  }

  private settle(m: WorkerReply): void {
    const waiter = this.ends.get(m.id);
    if ("error" in m)
      return this.fail(new DeflateThreadError(`deflating on the worker thread failed: ${m.error}`));
    if (!waiter) return;
    this.ends.delete(m.id);
    waiter.resolve(m.pieces);
  }

  /** Every stream still waiting fails with `e`; later pushes throw it. */
  private fail(e: Error): void {
    this.failure ??= e instanceof DeflateThreadError ? e : new DeflateThreadError(e.message);
    for (const w of this.ends.values()) w.reject(this.failure);
    this.ends.clear();
  }
}
