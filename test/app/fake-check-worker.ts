// An in-process check worker for the pane's tests: the same message protocol as check-worker.ts
// (structured clones both ways, the bytes transferred), each reply on a later macrotask.
import { answerMessage, transferOf, type WorkerMemory } from "../../src/app/check/check-in-worker";
import type {
  CheckMessage,
  CheckReply,
  CheckRequest,
  CheckWorker,
  GridPart,
} from "../../src/app/check/check-protocol";

/** A part of the Grids gets no reply. */
const noReply = (): never => {
  throw new Error("a part of the Grids has no reply");
};

/** An in-process worker: answers on later macrotasks, one reply each, like a real one. */
export class FakeWorker implements CheckWorker {
  onmessage: CheckWorker["onmessage"] = null;
  onerror: CheckWorker["onerror"] = null;
  terminated = false;
  replies: CheckReply["kind"][] = [];
  requests: CheckRequest[] = [];
  /** The parts of Grids the pane sent (Excel), in order. */
  parts: GridPart[] = [];
  /** The worker's own memory between its requests, as in check-worker.ts. */
  readonly memory: WorkerMemory = {};
  constructor(private readonly crash = false) {}
  postMessage(message: CheckMessage, transfer?: Transferable[]): void {
    expect(this.terminated).toBe(false);
    if ("kind" in message) {
      expect(transfer).toBeUndefined();
      this.parts.push(message);
      answerMessage(structuredClone(message), noReply, this.memory);
      return;
    }
    const req = message;
    // the bytes are handed over, not cloned; a `held` request sends none
    expect(transfer).toEqual(req.bytes ? [req.bytes.buffer] : undefined);
    this.requests.push(req);
    if (this.crash) {
      setTimeout(() => this.onerror?.({ message: "worker crashed" }), 1);
      return;
    }
    const replies: CheckReply[] = [];
    const back = (r: CheckReply) => replies.push(structuredClone(r, { transfer: transferOf(r) }));
    answerMessage(structuredClone(req, { transfer }), back, this.memory);
    replies.forEach((r, i) =>
      setTimeout(() => {
        if (this.terminated) return;
        this.replies.push(r.kind);
        this.onmessage?.({ data: r });
      }, i + 1),
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}
