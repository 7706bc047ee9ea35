// The styles part the new sheets' styles are appended to: the workbook's (through its relationship,
// else the conventional styles.xml beside the workbook part), or a new one when there is none.
import { styleNeeds, type SheetPlan } from "../../../report/sheet-plan";
import { dirOf } from "../part-names";
import { patchStyles, type ResultStyles } from "../styles-patch";
import type { NameAllocator } from "./names";
import { relTypeIs, type Rel } from "./opc";
import type { Removal } from "./removal";
import type { Source } from "./source";

export interface StylesPart {
  part: string;
  /** The part is new (it is appended to the archive, with a content type). */
  created: boolean;
  /** The workbook needs a new relationship to the part. */
  relNeeded: boolean;
  /** A relationship to a styles part that is not in the package: replaced by one to `part`. */
  dangling?: Rel;
  /** The patched stylesheet. */
  xml: string;
  /** Style indexes of the new sheets' cells. */
  styles: ResultStyles;
}

export function prepareStyles(
  src: Source,
  removal: Removal,
  names: NameAllocator,
  plans: readonly SheetPlan[],
): StylesPart {
  const located = locateStyles(src, removal, names);
  const patched = patchStyles(located.created ? undefined : src.pkg.text(located.part), styleNeeds(plans));
  return { ...located, ...patched };
}

function locateStyles(
  { pkg, wb, wbRels }: Source,
  removal: Removal,
  names: NameAllocator,
): Pick<StylesPart, "part" | "created" | "relNeeded" | "dangling"> {
  const rel = wbRels.rels.find((r) => !r.external && relTypeIs(r, "styles") && !removal.droppedRels.has(r));
  const related = rel && pkg.name(rel.target);
  if (related) return { part: related, created: false, relNeeded: false };
  const dangling = rel ? { dangling: rel } : {};
  const conventional = `${dirOf(wb.part)}styles.xml`;
  const stored = pkg.name(conventional);
  if (stored && removal.isKept(stored)) return { part: stored, created: false, relNeeded: true, ...dangling };
  names.reservePart(conventional);
  return { part: conventional, created: true, relNeeded: true, ...dangling };
}
