// `pioneer-ledger rules [--json]`: the rule catalogue — every finding code with its severity, its
// messages and the clause of the 2010 《实施意见》 it enforces — and the rule keys with their defaults
// and clauses. Severities are printed in the clerk's words (错误/警告/提示); the JSON keeps the codes.
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
    lines.push(`  ${c.code.padEnd(24)} ${padTo(level, 12)} ${c.clause}`);
  }
  lines.push("", t(lang, "rulesKeys"));
  const keyWidth = Math.max(...keys.map((k) => terminalWidth(k.key))) + 2;
  for (const k of keys)
    lines.push(
      `  ${padTo(k.key, keyWidth)}${padTo(k.default || t(lang, "ruleDefaultToday"), 14)}${k.clause}`,
    );
  printOut(lines.join("\n"));
  return EXIT.ok;
}
