// Deflating on a worker thread (issue 12): the package is the same bytes as when this thread deflates;
// a worker that fails or is closed is noticed, and the package is then made on this thread.
import { blankWorkbook } from "../../../src/hosts/xlsx/blank-workbook";
import {
  deflateOnThread,
  DeflateThreadError,
  type ThreadCompressor,
} from "../../../src/hosts/xlsx/deflate-thread";
import { patchWorkbookPieces, patchWorkbookPiecesOffThread } from "../../../src/hosts/xlsx/patch";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { concatBytes } from "../../../src/hosts/xlsx/byte-sink";
import {
  defaultCompressor,
  EntryStream,
  settleEntries,
  zipPieces,
  type DeflateStream,
} from "../../../src/hosts/xlsx/zip-write";
import type { SheetModel } from "../../../src/report/sheet-model";

const NOW = new Date(2012, 10, 7, 9, 30);
const OPTS = { replace: [] as string[], now: NOW };
/** One blank package for every test (a blank package made at another second has other dates). */
const BLANK = blankWorkbook();

/** Sheets large enough to be written and deflated in several pieces (~1 MB each). */
function models(rows: number): SheetModel[] {
  const data = (seed: number) =>
    Array.from({ length: rows }, (_, i) => [
      `第${(i * seed) % 97}支部`,
      i,
      (i * 7919 + seed) % 1000,
      `党员${i}`,
    ]);
  return [1, 2].map((seed) => ({
    name: `结果${seed}`,
    columns: [{ header: "组织" }, { header: "序号" }, { header: "分" }, { header: "姓名" }],
    rows: data(seed),
  }));
}

function joined(pieces: Uint8Array[]): Buffer {
  return Buffer.from(concatBytes(pieces));
}

describe("deflateOnThread", () => {
  test("the patched package is byte for byte the one deflated on this thread", async () => {
    const m = models(40_000);
    const here = patchWorkbookPieces(BLANK, m, OPTS);
    const ends: Promise<unknown>[] = [];
    const watched = () => {
      const t = deflateOnThread()!;
      const stream = t.stream.bind(t);
      t.stream = (fast) => {
        const s = stream(fast);
        return {
          push: s.push,
          end: () => (ends.push(Promise.resolve(s.end())), ends[ends.length - 1] as never),
        };
      };
      return t;
    };
    const there = await patchWorkbookPiecesOffThread(BLANK, m, OPTS, watched);
    expect(joined(there).equals(joined(here))).toBe(true);
    // made by the worker, not by this thread after a failure
    expect(ends.length).toBe(2);
    await expect(Promise.all(ends)).resolves.toBeDefined();
    expect(readXlsx(concatBytes(there)).sheets.map((s) => s.rows.length)).toEqual([40_001, 40_001]); // the header and the rows
  });

  test("a writer that must wait for the worker (one slot) still makes the same bytes", async () => {
    const m = models(20_000);
    const here = patchWorkbookPieces(BLANK, m, OPTS);
    const there = await patchWorkbookPiecesOffThread(BLANK, m, OPTS, () => deflateOnThread(1));
    expect(joined(there).equals(joined(here))).toBe(true);
  });

  test("a closed worker: what was pushed fails, and so does any later push", async () => {
    const thread = deflateOnThread()!;
    expect(thread).toBeDefined();
    const s = thread.stream(true);
    s.push(new Uint8Array(1000).fill(65));
    await thread.close();
    await expect(Promise.resolve(s.end())).rejects.toBeInstanceOf(DeflateThreadError);
    expect(() => thread.stream(true).push(new Uint8Array(10))).toThrow(DeflateThreadError);
  });

  test("the worker's streams come back whole and in order, each one its own", async () => {
    const thread = deflateOnThread()!;
    try {
      const local = defaultCompressor();
      // pieces that fit a slot and one that does not (sent in a buffer of its own)
      const input = (k: number) => new Uint8Array(k === 6 ? 5_000_000 : 300_000).map((_, i) => (i * k) % 251);
      const streams = [3, 5].map((k) => ({ k, there: thread.stream(false), here: local.stream(false) }));
      const expected = streams.map(() => [] as Uint8Array[]);
      for (let round = 0; round < 3; round++)
        streams.forEach(({ k, there, here }, i) => {
          expect(there.push(input(k + round))).toEqual([]); // nothing comes back until the end
          expected[i].push(...here.push(input(k + round)));
        });
      for (const [i, s] of streams.entries()) {
        expected[i].push(...(s.here.end() as Uint8Array[]));
        expect(joined(await s.there.end()).equals(joined(expected[i]))).toBe(true);
      }
    } finally {
      await thread.close();
    }
  });
});

describe("patchWorkbookPiecesOffThread when the worker fails", () => {
  /** A thread compressor whose streams fail as a dead worker's would. */
  function failing(when: "push" | "end"): ThreadCompressor & { closed: boolean } {
    const local = defaultCompressor();
    const t = {
      closed: false,
      deflate: local.deflate,
      crc32: local.crc32,
      stream: (): DeflateStream => ({
        push: () => {
          if (when === "push") throw new DeflateThreadError("gone");
          return [];
        },
        end: () => Promise.reject(new DeflateThreadError("gone")),
      }),
      close: async () => {
        t.closed = true;
      },
    };
    return t;
  }

  test.each(["push", "end"] as const)(
    "failing at %s: the same package, made on this thread",
    async (when) => {
      const m = models(20_000);
      const thread = failing(when);
      const there = await patchWorkbookPiecesOffThread(BLANK, m, OPTS, () => thread);
      expect(joined(there).equals(joined(patchWorkbookPieces(BLANK, m, OPTS)))).toBe(true);
      expect(thread.closed).toBe(true);
    },
  );

  test("without worker threads, this thread does it", async () => {
    const m = models(100);
    const there = await patchWorkbookPiecesOffThread(BLANK, m, OPTS, () => undefined);
    expect(joined(there).equals(joined(patchWorkbookPieces(BLANK, m, OPTS)))).toBe(true);
  });
});

describe("entries deflated later", () => {
  test("zipPieces refuses an entry still being deflated; settleEntries completes it", async () => {
    let finish: (p: Uint8Array[]) => void = () => {};
    const later: DeflateStream = {
      push: () => [],
      end: () => new Promise<Uint8Array[]>((resolve) => (finish = resolve)),
    };
    const local = defaultCompressor();
    const s = new EntryStream("a.xml", true, { ...local, stream: () => later });
    const data = new TextEncoder().encode("<a>" + "x".repeat(5000) + "</a>");
    s.push(data);
    const entry = s.finish();
    expect(() => zipPieces(new Uint8Array(0), [entry])).toThrow(/still being compressed/);
    const settling = settleEntries([entry]);
    const whole = local.stream(true);
    finish([...whole.push(data), ...(whole.end() as Uint8Array[])]);
    await settling;
    const zip = concatBytes(zipPieces(new Uint8Array(0), [entry], { now: NOW }));
    const { unzipSync } = await import("fflate");
    expect(new TextDecoder().decode(unzipSync(zip)["a.xml"])).toBe("<a>" + "x".repeat(5000) + "</a>");
  });
});
