// Which 党（工）委 a submission comes from (ledger-format.md §8): 填报信息 填报单位, else the only
// 单位编号 of its 党（工）委 sheet, else its file name — and `unknown-unit` when that unit is not on
// the district's list.
import type { FindingSink } from "../findings";
import { str } from "../ledger";
import { matchKey } from "../normalize";
import { cellOf as tableCell } from "../read";
import { COVER_LABELS } from "../schema";
import { cellOf as coverCell } from "./report-header";
import type { CheckedSubmission, DistrictUnit, SubmittingUnit } from "./types";
import { fileStem, unitInFileName, unitNamed } from "./unit-match";

const REPORTING_UNIT_LABEL = COVER_LABELS[0];

/** `district`: the unit list; a submission's own 党（工）委 sheet also resolves a name to its ID. */
export function identifyUnit(s: CheckedSubmission, district: readonly DistrictUnit[]): SubmittingUnit {
  return fromCover(s, district) ?? fromUnitsSheet(s, district) ?? fromFileName(s.file, district);
}

export function checkKnownUnit(unit: SubmittingUnit, sink: FindingSink<"unknown-unit">): void {
  if (unit.known) return;
  sink.add("unknown-unit", unit.sheet, unit.cell, {
    field: unit.from === "cover" ? REPORTING_UNIT_LABEL : unit.from === "units-sheet" ? "单位编号" : "文件名",
    value: unit.text,
    ...(unit.id !== undefined ? { object: unit.id } : {}),
  });
}

/** The units of the submission's own 党（工）委 sheet. */
export function ownUnits(s: CheckedSubmission): DistrictUnit[] {
  const out: DistrictUnit[] = [];
  for (const rec of s.analysis?.ledger.tables.units?.records ?? []) {
    const id = str(rec, "unitId");
    const name = str(rec, "unitName");
    if (id !== undefined) out.push(name !== undefined ? { id, name } : { id });
  }
  return out;
}

function fromCover(s: CheckedSubmission, district: readonly DistrictUnit[]): SubmittingUnit | undefined {
  const item = s.header?.items.get(REPORTING_UNIT_LABEL);
  if (!item?.value) return undefined;
  const found = unitNamed(item.value, district) ?? unitNamed(item.value, ownUnits(s));
  return unitOf(found, district, {
    from: "cover",
    text: item.value,
    sheet: s.header!.sheet,
    cell: coverCell(item),
  });
}

function fromUnitsSheet(s: CheckedSubmission, district: readonly DistrictUnit[]): SubmittingUnit | undefined {
  const t = s.analysis?.ledger.tables.units;
  const ids = new Set(ownUnits(s).map((u) => u.id));
  if (!t || ids.size !== 1) return undefined;
  const rec = t.records.find((r) => str(r, "unitId") !== undefined)!;
  const own = ownUnits(s)[0];
  return unitOf(unitNamed(own.id, district) ?? own, district, {
    from: "units-sheet",
    text: own.id,
    sheet: t.grid.name,
    cell: tableCell(t, rec, "unitId"),
  });
}

function fromFileName(file: string, district: readonly DistrictUnit[]): SubmittingUnit {
  const stem = fileStem(file);
  return unitOf(unitInFileName(stem, district), district, {
    from: "file-name",
    text: stem,
    sheet: null,
    cell: null,
  });
}

function unitOf(
  found: DistrictUnit | undefined,
  district: readonly DistrictUnit[],
  where: Pick<SubmittingUnit, "from" | "text" | "sheet" | "cell">,
): SubmittingUnit {
  if (!found) return { ...where, key: matchKey(where.text), known: false };
  const known = district.some((u) => u.id === found.id);
  return { ...where, key: found.id, id: found.id, ...(found.name ? { name: found.name } : {}), known };
}

/** How a unit is shown: `U03 港沟街道党工委`, or the text it was named by. */
export function unitLabel(u: SubmittingUnit): string {
  if (u.id === undefined) return u.text;
  return u.name ? `${u.id} ${u.name}` : u.id;
}
