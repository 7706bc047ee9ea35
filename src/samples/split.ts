// A generated ledger split into one workbook per 党（工）委 (or per group of units), as a district's
// units would each submit theirs (ledger-format.md §8): every row goes to the file of the unit it is
// about, a 区委 review naming several units is written once per unit with that unit's IDs, and each
// file gets its own 填报信息 cover (填报单位, 负责人, 填表人, 联系电话, 报出时间).
import type { CellValue } from "../engine/grid";
import {
  COVER_SHEET,
  LEDGER_SHEETS,
  MEMBERS,
  ORGS,
  REVIEWS,
  UNITS,
  type SheetDef,
  type SheetId,
} from "../engine/schema";
import type { SheetModel } from "../report/sheet-model";
import { FEMALE, LEVEL_DISTRICT, LIST_SEP } from "./records";
import { personName, phoneNumber } from "./names";
import { Rng } from "./prng";
import { coverSheetModel, type CoverValues } from "./generate";

export interface UnitInfo {
  id: string;
  name: string;
  head: string;
}

export interface UnitFile {
  /** The units whose rows the file holds (the first one submits it). */
  units: UnitInfo[];
  models: SheetModel[];
}

export interface SplitOptions {
  /** Unit IDs per file; default: one file per unit, in the ledger's order. */
  groups?: readonly (readonly string[])[];
  /** 报出时间 of the i-th file, as written on its cover; default: 2012-11-0x, a time in the morning. */
  reportedAt?: (fileIndex: number) => string;
  seed?: number;
}

/** Which unit each row of a sheet is about: a unit ID per row, or per ID for a list cell. */
interface Owners {
  units: UnitInfo[];
  unitOf: (objectId: string) => string | undefined;
}

export function splitByUnit(models: readonly SheetModel[], opts: SplitOptions = {}): UnitFile[] {
  const owners = ownersOf(models);
  const groups = opts.groups ?? owners.units.map((u) => [u.id]);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const perFile = groups.map(() => new Map<string, CellValue[][]>());
  for (const def of LEDGER_SHEETS) {
    const model = modelOf(models, def);
    if (!model) continue;
    for (const [unit, row] of rowsByUnit(def, model, owners)) {
      const i = groupOf.get(unit);
      if (i === undefined) continue;
      const rows = perFile[i].get(def.name) ?? [];
      rows.push(row);
      perFile[i].set(def.name, rows);
    }
  }
  const rng = new Rng(opts.seed ?? 20121105);
  const others = models.filter(
    (m) => m.name !== COVER_SHEET.name && !LEDGER_SHEETS.some((d) => d.name === m.name),
  );
  return groups.map((ids, i) => {
    const units = ids.map((id) => owners.units.find((u) => u.id === id)!).filter(Boolean);
    const reported = opts.reportedAt?.(i) ?? defaultReportedAt(i);
    return {
      units,
      models: [
        coverModel(units[0], reported, rng),
        ...LEDGER_SHEETS.flatMap((def) => {
          const model = modelOf(models, def);
          return model ? [{ ...model, rows: perFile[i].get(def.name) ?? [] }] : [];
        }),
        ...others,
      ],
    };
  });
}

function defaultReportedAt(i: number): string {
  const day = 1 + (i % 6);
  const minutes = 8 * 60 + 30 + ((i * 37) % 480);
  const p = (n: number) => String(n).padStart(2, "0");
  return `2012-11-${p(day)} ${p(Math.floor(minutes / 60))}:${p(minutes % 60)}`;
}

function modelOf(models: readonly SheetModel[], def: SheetDef): SheetModel | undefined {
  return models.find((m) => m.name === def.name);
}

function column(model: SheetModel, def: SheetDef, key: string): number {
  const name = def.fields.find((f) => f.key === key)!.name;
  return model.columns.findIndex((c) => c.header === name);
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/** Units (ID, name, head), organisation → unit, member → organisation. */
function ownersOf(models: readonly SheetModel[]): Owners {
  const units: UnitInfo[] = [];
  const unitModel = modelOf(models, UNITS);
  const byName = new Map<string, string>();
  for (const row of unitModel?.rows ?? []) {
    const id = text(row[column(unitModel!, UNITS, "unitId")]);
    const name = text(row[column(unitModel!, UNITS, "unitName")]);
    if (!id || units.some((u) => u.id === id)) continue;
    units.push({ id, name, head: text(row[column(unitModel!, UNITS, "head")]) });
    byName.set(name, id);
  }
  const orgUnit = new Map<string, string>();
  const orgModel = modelOf(models, ORGS);
  for (const row of orgModel?.rows ?? []) {
    const unit = text(row[column(orgModel!, ORGS, "unit")]);
    orgUnit.set(text(row[column(orgModel!, ORGS, "orgId")]), byName.get(unit) ?? unit);
  }
  const memberUnit = new Map<string, string>();
  const memberModel = modelOf(models, MEMBERS);
  for (const row of memberModel?.rows ?? []) {
    const unit = orgUnit.get(text(row[column(memberModel!, MEMBERS, "org")]));
    if (unit) memberUnit.set(text(row[column(memberModel!, MEMBERS, "memberId")]), unit);
  }
  const isUnit = new Set(units.map((u) => u.id));
  return {
    units,
    unitOf: (id) => (isUnit.has(id) ? id : (orgUnit.get(id) ?? memberUnit.get(id) ?? byName.get(id))),
  };
}

/** The key field naming what each row of a sheet is about. */
const ABOUT: Record<SheetId, string> = {
  units: "unitId",
  orgs: "orgId",
  members: "memberId",
  commitments: "subject",
  reviews: "targets",
  votes: "object",
  orgEvals: "object",
  memberEvals: "object",
};

/**
 * [unit, row] for every row of the sheet. A row about nothing known (a typo in an ID) goes with the
 * row above it; a 区委 review naming several units becomes one row per unit.
 */
function rowsByUnit(def: SheetDef, model: SheetModel, owners: Owners): [string, CellValue[]][] {
  const about = column(model, def, ABOUT[def.id]);
  const out: [string, CellValue[]][] = [];
  let previous = owners.units[0]?.id ?? "";
  for (const row of model.rows) {
    if (def.id === REVIEWS.id) {
      const parts = reviewRows(model, row, owners, previous);
      out.push(...parts);
      previous = parts[parts.length - 1]?.[0] ?? previous;
      continue;
    }
    const unit = owners.unitOf(text(row[about])) ?? previous;
    out.push([unit, row]);
    previous = unit;
  }
  return out;
}

/** 党（工）委 reviews go to the reviewing unit; a 区委 review to each unit it names, with its IDs only. */
function reviewRows(
  model: SheetModel,
  row: CellValue[],
  owners: Owners,
  previous: string,
): [string, CellValue[]][] {
  const level = text(row[column(model, REVIEWS, "level")]);
  if (level !== LEVEL_DISTRICT) {
    const reviewer = text(row[column(model, REVIEWS, "reviewer")]);
    return [[owners.unitOf(reviewer) ?? previous, row]];
  }
  const targetsCol = column(model, REVIEWS, "targets");
  const ids = text(row[targetsCol])
    .split(/[、,，;；/\s]+/)
    .filter(Boolean);
  const byUnit = new Map<string, string[]>();
  for (const id of ids) {
    const unit = owners.unitOf(id) ?? previous;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), id]);
  }
  if (byUnit.size <= 1) return [[byUnit.keys().next().value ?? previous, row]];
  return [...byUnit].map(([unit, list]) => {
    const copy = [...row];
    copy[targetsCol] = list.join(LIST_SEP);
    return [unit, copy];
  });
}

/** The 填报信息 cover of one unit's file. */
function coverModel(unit: UnitInfo | undefined, reportedAt: string, rng: Rng): SheetModel {
  const values: CoverValues = {
    填报单位: unit?.name ?? "",
    负责人: unit?.head ?? "",
    填表人: personName(rng, FEMALE),
    联系电话: phoneNumber(rng),
    报出时间: reportedAt,
  };
  return coverSheetModel(values);
}
