// A generated district as the files its units submit (ledger-format.md §8): one workbook per
// 党（工）委 (samples/split.ts), and on request the problems a district office meets — a broken file,
// a member registered by two units, a unit that submitted twice, a file from a unit not on the
// district's list — plus that list (the units workbook for `compile --units`).
import type { CellValue } from "../engine/grid";
import { COVER_LABELS, MEMBERS, UNITS } from "../engine/schema";
import type { SheetModel } from "../report/sheet-model";
import { type GenerateOptions, generateLedger } from "./generate";
import { idCheckChar } from "./idcard";
import { type UnitFile, splitByUnit } from "./split";

export interface DistrictProblems {
  /** One unit's file is truncated (unreadable). */
  brokenFile?: boolean;
  /** A member of one unit is also on another unit's 党员 sheet (same 党员编号 and 身份证号). */
  duplicateMember?: boolean;
  /** A unit sent an earlier version too (an earlier 报出时间). */
  unitTwice?: boolean;
  /** A file from a unit that is not on the district's list. */
  unknownUnit?: boolean;
}

export type SampleProblem = "broken" | "duplicate-member" | "unit-twice" | "unknown-unit";

export interface SubmissionFile {
  /** File name, e.g. `U03-历城区港沟街道党工委.xlsx`. */
  name: string;
  models: SheetModel[];
  /** Write only the first half of the file's bytes (a broken upload). */
  truncate?: boolean;
  /** What the file demonstrates, for the sample's summary. */
  note?: SampleProblem;
}

export interface DistrictFiles {
  files: SubmissionFile[];
  /** The district's units workbook: its 党（工）委 sheet lists every unit of the generated district. */
  unitList: SheetModel[];
}

const UNKNOWN_UNIT_NAME = "历城区科创园区党工委";

export function districtFiles(gen: GenerateOptions, problems: DistrictProblems = {}): DistrictFiles {
  const { models } = generateLedger(gen);
  const parts = splitByUnit(models);
  const files: SubmissionFile[] = parts.map((p) => ({ name: fileName(p), models: p.models }));
  const pick = (i: number) => Math.min(i, files.length - 1);
  if (problems.duplicateMember && parts.length > 1) duplicateMember(parts[0], parts[pick(2)], files[pick(2)]);
  if (problems.brokenFile) Object.assign(files[pick(1)], { truncate: true, note: "broken" });
  if (problems.unitTwice) files.push(earlierVersion(parts[pick(3)]));
  if (problems.unknownUnit) files.push(unknownUnitFile(gen.seed ?? 1));
  return { files, unitList: [models.find((m) => m.name === UNITS.name)!] };
}

function fileName(p: UnitFile): string {
  const u = p.units[0];
  return `${u.id}-${u.name}.xlsx`;
}

/** The first member of `from` also appears, same 编号 and 身份证号, in `to`'s first organisation. */
function duplicateMember(from: UnitFile, to: UnitFile, file: SubmissionFile): void {
  const src = sheet(from, MEMBERS.name);
  const dst = sheet(to, MEMBERS.name);
  const orgCol = src.columns.findIndex((c) => c.header === "所在党组织");
  const row = [...src.rows.find((r) => r[src.columns.findIndex((c) => c.header === "职务")] !== "书记")!];
  row[orgCol] = dst.rows[0][orgCol];
  dst.rows = [...dst.rows, row];
  file.note = "duplicate-member";
}

/** The same unit's file as sent two days earlier (the later one supersedes it). */
function earlierVersion(p: UnitFile): SubmissionFile {
  const models = p.models.map((m) =>
    m.name === "填报信息" ? withCover(m, COVER_LABELS[4], "2012-10-30 17:20") : m,
  );
  return { name: fileName(p).replace(/\.xlsx$/, "（初报）.xlsx"), models, note: "unit-twice" };
}

/** A one-unit ledger of a unit the district does not have (its own IDs, 身份证号 of another county). */
function unknownUnitFile(seed: number): SubmissionFile {
  const { models } = generateLedger({
    seed: seed + 99,
    units: 1,
    orgsPerUnit: 3,
    membersPerOrg: 5,
    mistakes: false,
  });
  const renamed = models.map((m) => ({ ...m, rows: m.rows.map((r) => r.map((v) => renameIds(v))) }));
  const [part] = splitByUnit(renamed);
  for (const m of part.models) {
    if (m.name === UNITS.name) {
      const c = m.columns.findIndex((x) => x.header === "单位名称");
      m.rows = m.rows.map((r) => r.map((v, i) => (i === c ? UNKNOWN_UNIT_NAME : v)));
    }
    if (m.name === MEMBERS.name) {
      const c = m.columns.findIndex((x) => x.header === "身份证号");
      m.rows = m.rows.map((r) => r.map((v, i) => (i === c ? otherCounty(v) : v)));
    }
  }
  const models2 = part.models.map((m) =>
    m.name === "填报信息" ? withCover(m, COVER_LABELS[0], UNKNOWN_UNIT_NAME) : m,
  );
  const id = String(sheet({ ...part, models: models2 }, UNITS.name).rows[0][0]);
  return { name: `${id}-${UNKNOWN_UNIT_NAME}.xlsx`, models: models2, note: "unknown-unit" };
}

/** U01 → U91, O0001 → O9001, M000001 → M900001: IDs no unit of the district uses. */
function renameIds(v: CellValue): CellValue {
  return typeof v === "string" ? v.replace(/\b([UOM])\d(\d+)\b/g, "$19$2") : v;
}

/** The same person's number registered in 章丘 (370181), with its check character. */
function otherCounty(v: CellValue): CellValue {
  if (typeof v !== "string" || v.length !== 18) return v;
  const first17 = "370181" + v.slice(6, 17);
  return first17 + idCheckChar(first17);
}

function sheet(p: UnitFile, name: string): SheetModel {
  return p.models.find((m) => m.name === name)!;
}

function withCover(m: SheetModel, label: string, value: string): SheetModel {
  return { ...m, rows: m.rows.map((r) => (r[0] === label ? [label, value] : r)) };
}
