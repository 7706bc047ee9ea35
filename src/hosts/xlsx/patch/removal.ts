// Which sheets go (those whose names are reserved for results), which workbook relationships drop
// with them (their own, and a calcChain that names them), and the parts that only they reached.
import { SheetModelError } from "../../../report/sheet-plan";
import { relsPartOf } from "../part-names";
import { sheetKey } from "../../../report/sheet-plan";
import { partKey, relTypeIs, sourceOfRels, type Package, type Rel } from "./opc";
import type { Source, WorkbookDoc } from "./source";

export interface Removal {
  /** Indexes (in the workbook's sheet list, ascending) of the sheets that go. */
  removedIdx: number[];
  removedSet: Set<number>;
  keptCount: number;
  /** Workbook relationships that go: the removed sheets', and a calcChain that names them. */
  droppedRels: Set<Rel>;
  /** Parts (keys) that only the dropped relationships reached, with their own rels parts. */
  removedParts: Set<string>;
  /** A kept sheet's index once the removed sheets are gone. */
  newIndexOf(old: number): number;
  isKept(part: string): boolean;
}

/**
 * Plans the removal of the sheets named in `reserved` (sheet keys). Throws SheetModelError when a
 * kept sheet has a new sheet's name, or when no sheet would be left.
 */
export function planRemoval(
  src: Source,
  reserved: ReadonlySet<string>,
  modelKeys: ReadonlySet<string>,
  newSheets: number,
): Removal {
  const removedIdx = sheetsToRemove(src.wb, reserved, modelKeys, newSheets);
  const removedSet = new Set(removedIdx);
  const droppedRels = relsToDrop(src, removedIdx);
  const removedParts = partsOnlyReachedThrough(src, droppedRels);
  return {
    removedIdx,
    removedSet,
    keptCount: src.wb.sheets.length - removedIdx.length,
    droppedRels,
    removedParts,
    newIndexOf(old) {
      let n = 0;
      for (const r of removedIdx) if (r < old) n++;
      return old - n;
    },
    isKept: (part) => !removedParts.has(partKey(part)),
  };
}

function sheetsToRemove(
  wb: WorkbookDoc,
  reserved: ReadonlySet<string>,
  modelKeys: ReadonlySet<string>,
  newSheets: number,
): number[] {
  const removedIdx: number[] = [];
  const kept: string[] = [];
  wb.sheets.forEach((s, i) => {
    if (reserved.has(sheetKey(s.name))) removedIdx.push(i);
    else kept.push(s.name);
  });
  for (const name of kept) {
    if (modelKeys.has(sheetKey(name)))
      throw new SheetModelError(
        `the workbook already has a sheet named ${JSON.stringify(name)} that is not reserved for results`,
      );
  }
  if (kept.length + newSheets === 0) throw new SheetModelError("the workbook would have no sheets");
  return removedIdx;
}

function relsToDrop({ pkg, wb, wbRels }: Source, removedIdx: number[]): Set<Rel> {
  const removedSheets = removedIdx.map((i) => wb.sheets[i]);
  const dropped = new Set<Rel>();
  for (const s of removedSheets) {
    const rel = wbRels.rels.find((r) => r.id === s.rid);
    if (rel) dropped.add(rel);
  }
  // calcChain names cells by sheetId: if it mentions a removed sheet, drop it (Excel rebuilds it).
  if (removedSheets.length) {
    const calc = wbRels.rels.find((r) => !r.external && relTypeIs(r, "calcChain"));
    const text = calc && pkg.has(calc.target) ? pkg.text(calc.target)! : "";
    const ids = new Set(removedSheets.map((s) => String(s.sheetId)));
    for (const m of text.matchAll(/\si\s*=\s*["'](\d+)["']/g)) {
      if (ids.has(m[1])) {
        dropped.add(calc!);
        break;
      }
    }
  }
  return dropped;
}

/** Parts reachable from the package root before the drop but not after, and their rels parts. */
function partsOnlyReachedThrough({ pkg, wb, wbRels }: Source, droppedRels: Set<Rel>): Set<string> {
  const removedParts = new Set<string>();
  if (!droppedRels.size) return removedParts;
  const graph = relsGraph(pkg);
  graph.set(partKey(wb.part), wbRels.rels);
  const before = reachable(graph, new Set());
  const after = reachable(graph, droppedRels);
  for (const p of before) if (!after.has(p)) removedParts.add(p);
  for (const r of droppedRels) removedParts.add(partKey(r.target));
  for (const p of [...removedParts]) {
    const rels = pkg.name(relsPartOf(p));
    if (rels) removedParts.add(partKey(rels));
  }
  return removedParts;
}

/** All relationship edges of the package: source part (key) → its rels. */
function relsGraph(pkg: Package): Map<string, Rel[]> {
  const graph = new Map<string, Rel[]>();
  for (const e of pkg.zip.entries) {
    const source = sourceOfRels(e.name);
    if (source === undefined || e.name.endsWith("/")) continue;
    const doc = pkg.rels(source);
    if (doc) graph.set(partKey(source), doc.rels);
  }
  return graph;
}

function reachable(graph: Map<string, Rel[]>, dropped: Set<Rel>): Set<string> {
  const seen = new Set<string>([""]);
  const queue = [""];
  while (queue.length) {
    const p = queue.pop()!;
    for (const r of graph.get(p) ?? []) {
      if (r.external || dropped.has(r)) continue;
      const t = partKey(r.target);
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}
