// Reading `评分规则` (ledger-format.md §2.9): two columns 规则 / 值 over the defaults of campaign.md.
// An unknown key is a warning; an unreadable value is an error and its default is not used silently.
import { type CellValue, type Grid, a1, isBlank } from "./grid";
import type { FindingSink } from "./findings";
import type { Producer } from "./check";
import {
  COMBINED_VOTE_LINE_KEY,
  RULE_KEYS,
  type RuleKey,
  type RuleKeyDef,
  type Rules,
  rulesFrom,
} from "./campaign";
import { cellText, matchKey, readDate, readNumber } from "./normalize";
import { RULES_SHEET } from "./schema";

export interface RuleSheetResult {
  rules: Rules;
  /** Keys whose value could not be read: evaluation must not run on a default in their place. */
  broken: RuleKey[];
  /** Keys the sheet set explicitly. */
  set: RuleKey[];
}

export const RULE_SHEET_CODES = ["unknown-rule", "rule-value"] as const;
type RuleSheetCode = (typeof RULE_SHEET_CODES)[number];
export const RULE_SHEET_READ: Producer = { id: "rule-sheet", codes: RULE_SHEET_CODES };

const BY_KEY = new Map<string, RuleKeyDef>(RULE_KEYS.map((r) => [matchKey(r.key), r]));

export function findRuleSheet(sheets: readonly Grid[]): Grid | undefined {
  const k = matchKey(RULES_SHEET.name);
  return sheets.find((g) => matchKey(g.name) === k);
}

function parseValue(def: RuleKeyDef, raw: CellValue, date1904: boolean): number | undefined {
  if (def.kind === "date") return readDate(raw, date1904).day;
  let text = typeof raw === "string" ? matchKey(raw) : raw;
  let scale = 1;
  if (typeof text === "string" && text.endsWith("%")) {
    text = text.slice(0, -1);
    scale = 0.01;
  }
  const { n } = readNumber(text);
  if (n === undefined) return undefined;
  const v = n * scale;
  if ((def.min !== undefined && v < def.min) || (def.max !== undefined && v > def.max)) return undefined;
  return v;
}

function expectedText(def: RuleKeyDef): string {
  if (def.kind === "date") return "日期（如“2010-05-31”）";
  if (def.kind === "fraction") return `${def.min}至${def.max}之间的小数或百分数`;
  return `${def.min}至${def.max}之间的数`;
}

export function readRuleSheet(
  grid: Grid | undefined,
  date1904: boolean,
  sink: FindingSink<RuleSheetCode>,
): RuleSheetResult {
  const values = new Map<RuleKey, number>();
  const broken: RuleKey[] = [];
  if (!grid) return { rules: rulesFrom(values), broken, set: [] };
  // Header: the first row (of 10) with 规则 and 值; without one, columns A/B from the first row.
  let header = -1;
  let kc = 0;
  let vc = 1;
  for (let r = 0; r < Math.min(10, grid.rows.length) && header < 0; r++) {
    const row = grid.rows[r] ?? [];
    const ki = row.findIndex((v) => !isBlank(v) && matchKey(cellText(v)) === RULES_SHEET.keyHeader);
    const vi = row.findIndex((v) => !isBlank(v) && matchKey(cellText(v)) === RULES_SHEET.valueHeader);
    if (ki >= 0 && vi >= 0) [header, kc, vc] = [r, ki, vi];
  }
  for (let r = header + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const rawKey = row?.[kc];
    if (isBlank(rawKey ?? null)) continue;
    const keyText = cellText(rawKey!);
    const raw = row?.[vc] ?? null;
    const k = matchKey(keyText);
    if (k === matchKey(COMBINED_VOTE_LINE_KEY)) {
      readCombined(raw, r, vc, grid, values, broken, sink);
      continue;
    }
    const def = BY_KEY.get(k);
    if (!def) {
      sink.add("unknown-rule", grid.name, a1(r, kc), {
        field: RULES_SHEET.keyHeader,
        value: keyText,
        row: r,
      });
      continue;
    }
    if (isBlank(raw)) continue; // not set: the default applies
    const v = parseValue(def, raw, date1904);
    if (v === undefined) {
      sink.add("rule-value", grid.name, a1(r, vc), {
        field: def.key,
        value: cellText(raw),
        row: r,
        params: { expected: expectedText(def) },
      });
      broken.push(def.key as RuleKey);
    } else values.set(def.key as RuleKey, v);
  }
  return { rules: rulesFrom(values), broken, set: [...values.keys()] };
}

/** `等次线-评议` = `0.9/0.7/0.5` (优秀/合格/基本合格). */
function readCombined(
  raw: CellValue,
  r: number,
  vc: number,
  grid: Grid,
  values: Map<RuleKey, number>,
  broken: RuleKey[],
  sink: FindingSink<RuleSheetCode>,
) {
  const keys: RuleKey[] = ["等次线-评议-优秀", "等次线-评议-合格", "等次线-评议-基本合格"];
  const parts = cellText(raw)
    .split(/[/／、,，]/)
    .map((s) => s.trim());
  const defs = keys.map((k) => RULE_KEYS.find((d) => d.key === k)!);
  const nums = parts.length === 3 ? parts.map((p, i) => parseValue(defs[i], p, false)) : [];
  if (nums.length !== 3 || nums.some((n) => n === undefined)) {
    sink.add("rule-value", grid.name, a1(r, vc), {
      field: COMBINED_VOTE_LINE_KEY,
      value: cellText(raw),
      row: r,
      params: { expected: "三个0至1之间的数，如“0.9/0.7/0.5”" },
    });
    broken.push(...keys);
    return;
  }
  keys.forEach((k, i) => values.set(k, nums[i]!));
}
