// Node's native zlib where it exists (several times faster than fflate on large sheets), found at
// run time through `process.getBuiltinModule` so that the xlsx host still bundles for the browser,
// where callers fall back to fflate.

export interface NodeZlib {
  deflateRawSync(data: Uint8Array, opts: { level: number; finishFlush?: number }): Uint8Array;
  inflateRawSync(data: Uint8Array, opts?: InflateOptions): Uint8Array;
  /** The same on libuv's thread pool: the calling thread goes on meanwhile. */
  inflateRaw(data: Uint8Array, opts: InflateOptions, done: (e: Error | null, out: Uint8Array) => void): void;
  /** Node ≥ 20.15: the CRC-32 of `data` continuing from `value` (the CRC of the bytes before). */
  crc32?: (data: Uint8Array, value?: number) => number;
  constants: { Z_SYNC_FLUSH: number; Z_FINISH: number };
}

export interface InflateOptions {
  maxOutputLength?: number;
  chunkSize?: number;
}

let cached: NodeZlib | null | undefined;

export function nativeZlib(): NodeZlib | null {
  if (cached === undefined) {
    cached = null;
    try {
      const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
      const zlib = proc?.getBuiltinModule?.("node:zlib") as NodeZlib | undefined;
      if (zlib && typeof zlib.deflateRawSync === "function" && typeof zlib.inflateRawSync === "function")
        cached = zlib;
    } catch {
      cached = null;
    }
  }
  return cached;
}
