// Finding a 党（工）委 by what a clerk wrote: its 单位编号 or 单位名称, or (in a file name) a text
// that holds one of them.
import { matchKey, readCode } from "../normalize";
import type { DistrictUnit } from "./types";

/** The unit whose 单位编号 or 单位名称 is `text` (whole-text, as in §7). */
export function unitNamed(text: string, units: readonly DistrictUnit[]): DistrictUnit | undefined {
  const code = readCode(text);
  const key = matchKey(text);
  return (
    units.find((u) => u.id === code) ?? units.find((u) => u.name !== undefined && matchKey(u.name) === key)
  );
}

/**
 * The unit a file name points at: named exactly; else the one unit whose 单位编号 is a word of the
 * name (`U03-港沟街道.xlsx`); else the one unit whose name holds, or is held in, the file name.
 */
export function unitInFileName(stem: string, units: readonly DistrictUnit[]): DistrictUnit | undefined {
  const exact = unitNamed(stem, units);
  if (exact) return exact;
  const words = new Set(
    readCode(stem)
      .split(/[^0-9A-Za-z]+/)
      .filter(Boolean),
  );
  const byId = units.filter((u) => words.has(u.id));
  if (byId.length === 1) return byId[0];
  const key = matchKey(stem);
  const byName = units.filter((u) => {
    const name = u.name === undefined ? "" : matchKey(u.name);
    return name !== "" && (key.includes(name) || name.includes(key));
  });
  return byName.length === 1 ? byName[0] : undefined;
}

/** The file name without folders and extension. */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, "");
}
