// The patched archive: the original entries in their order — copied as their raw compressed bytes,
// or rewritten in place when changed, or left out when removed — then the new parts.
import { encodeXml } from "../xml-edit";
import { settleEntries, zipPieces, type Compressor, type OutEntry } from "../zip-write";
import { partKey } from "./opc";
import type { Source } from "./source";

export class PatchedArchive {
  private readonly changed = new Map<string, Uint8Array>();
  private readonly added: OutEntry[] = [];

  /** Rewrites the package's `part`, or — when `created` — appends it as a new part. */
  setText(part: string, xml: string, created = false): void {
    const data = encodeXml(xml);
    if (created) this.added.push({ kind: "new", name: part, data });
    else this.changed.set(partKey(part), data);
  }

  /** Appends new parts (after the ones appended before). */
  add(entries: readonly OutEntry[]): void {
    this.added.push(...entries);
  }

  /** Once the new parts deflated on another thread are all there (deflate-thread.ts). */
  settled(): Promise<void> {
    return settleEntries(this.added);
  }

  /** The archive in pieces (zipPieces), in order. */
  write(
    src: Source,
    isKept: (part: string) => boolean,
    opts: { now?: Date; compressor: Compressor },
  ): Uint8Array[] {
    const out: OutEntry[] = [];
    for (const e of src.raw.entries) {
      if (!isKept(e.name)) continue;
      const data = this.changed.get(partKey(e.name));
      if (data) {
        out.push({ kind: "new", name: e.name, data });
        this.changed.delete(partKey(e.name)); // a duplicate entry name is copied, not rewritten twice
      } else out.push({ kind: "copy", entry: e });
    }
    out.push(...this.added);
    return zipPieces(src.original, out, {
      comment: src.raw.comment,
      now: opts.now,
      compressor: opts.compressor,
    });
  }
}
