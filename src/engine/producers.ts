// Who raises each finding code: every code of the catalogue is declared by exactly one producer.
import type { Producer } from "./check";
import { DISTRICT_COMPILE } from "./compile/codes";
import { CHECKS } from "./checks";
import { COVER_READ } from "./cover";
import { TABLE_READ } from "./read";
import { RULE_SHEET_READ } from "./rule-sheet";
import { TEMPLATE_VERSION_READ } from "./template-version";

export { DISTRICT_COMPILE } from "./compile/codes";

/** The read steps (in reading order), the checks, then the district compilation. */
export const PRODUCERS: readonly Producer[] = [
  RULE_SHEET_READ,
  COVER_READ,
  TABLE_READ,
  TEMPLATE_VERSION_READ,
  ...CHECKS,
  DISTRICT_COMPILE,
];
