// `pioneer-ledger rules [--json]`: the rule catalogue — every finding code with its severity, its
// messages and the clause it enforces — and the rule keys with their defaults.
import { CATALOGUE, type FindingCode } from "../../engine/catalogue";
import { FINDING_TEXTS } from "../../i18n/findings";
import { t } from "../../i18n/cli";
import { RULE_KEYS } from "../../engine/campaign";
import type { Severity } from "../../engine/catalogue";
import { terminalWidth } from "../parser-text";
import { type CommonOptions, EXIT, langOf, printOut, printJson } from "../io";

const SEVERITY_WORD = { error: "sevError", warning: "sevWarning", info: "sevInfo" } as const;

/** Pads to a terminal width (a Chinese character takes two columns). */
function padTo(s: string, width: number): string {
  return s + " ".repeat(Math.max(1, width - terminalWidth(s)));
}

export function rulesCommand(o: CommonOptions): number {
  const lang = langOf(o);
  const codes = Object.entries(CATALOGUE).map(([code, d]) => ({
    code,
    severity: d.severity,
    ...("alsoSeverity" in d ? { alsoSeverity: d.alsoSeverity } : {}),
    message: FINDING_TEXTS[code as FindingCode][lang],
    clause: d.clause,
  }));
  const keys = RULE_KEYS.map((r) => ({ key: r.key, default: r.default, clause: r.clause }));
  if (o.json) {
    printJson({ findings: codes, ruleKeys: keys });
    return EXIT.ok;
  }
  const lines = [t(lang, "rulesCodes")];
  const sev = (s: Severity) => t(lang, SEVERITY_WORD[s]);
  for (const c of codes) {
    const level = sev(c.severity) + ("alsoSeverity" in c ? "/" + sev(c.alsoSeverity as Severity) : "");
    lines.push(`  ${c.code.padEnd(24)} ${padTo(level, 10)} ${c.clause}`);
  }
  lines.push("", t(lang, "rulesKeys"));
  for (const k of keys) lines.push(`  ${k.key}  ${k.default || t(lang, "ruleDefaultToday")}  ${k.clause}`);
  printOut(lines.join("\n"));
  return EXIT.ok;
}
