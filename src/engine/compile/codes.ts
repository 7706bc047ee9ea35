// The codes only the district compilation raises (ledger-format.md §8), and its producer.
import type { Producer } from "../check";

export const COMPILE_CODES = [
  "duplicate-across-units",
  "report-header",
  "unit-twice",
  "unknown-unit",
  "org-two-units",
] as const;
export type CompileCode = (typeof COMPILE_CODES)[number];

export const DISTRICT_COMPILE: Producer = { id: "district-compile", codes: COMPILE_CODES };
