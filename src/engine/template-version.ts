// The template version (ledger-format.md §1.3): a defined name, else the 填报信息 row 模板版本. A ledger
// without one was not made from the standard template (info); an unknown one is outdated (warning).
import type { Workbook } from "./grid";
import type { FindingSink } from "./findings";
import type { Producer } from "./check";
import type { Cover } from "./cover";
import {
  KNOWN_TEMPLATE_VERSIONS,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_LABEL,
  TEMPLATE_VERSION_NAME,
} from "./schema";

export const TEMPLATE_VERSION_CODES = ["template-version"] as const;
export const TEMPLATE_VERSION_READ: Producer = { id: "template-version", codes: TEMPLATE_VERSION_CODES };

export function readTemplateVersion(wb: Workbook, cover: Cover): string | undefined {
  const dn = wb.definedNames?.[TEMPLATE_VERSION_NAME];
  if (dn !== undefined) return dn.replace(/^"+|"+$/g, "").trim();
  return cover.get(TEMPLATE_VERSION_LABEL);
}

/** `coverSheet`: where an unknown version was found (the defined name has no sheet of its own). */
export function checkTemplateVersion(
  version: string | undefined,
  coverSheet: string | undefined,
  sink: FindingSink<(typeof TEMPLATE_VERSION_CODES)[number]>,
): void {
  if (version === undefined)
    sink.add("template-version", null, null, { alt: true, params: { expected: TEMPLATE_VERSION } });
  else if (!KNOWN_TEMPLATE_VERSIONS.includes(version))
    sink.add("template-version", coverSheet ?? null, null, {
      value: version,
      params: { expected: TEMPLATE_VERSION },
    });
}
