// `pioneer-ledger rules [--json]`: the rule catalogue — every finding code with its severity, its
// messages and the clause it enforces — and the rule keys with their defaults.
import { CATALOGUE, type FindingCode } from "../../engine/catalogue";
import { FINDING_TEXTS } from "../../i18n/findings";
import { t } from "../../i18n/cli";
import { RULE_KEYS } from "../../engine/campaign";
import { type CommonOptions, EXIT, langOf, printOut, printJson } from "../io";

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
  for (const c of codes)
    lines.push(
      `  ${c.code.padEnd(24)} ${(c.severity + ("alsoSeverity" in c ? "/" + c.alsoSeverity : "")).padEnd(13)} ${c.clause}`,
    );
  lines.push("", t(lang, "rulesKeys"));
  for (const k of keys) lines.push(`  ${k.key}  ${k.default || t(lang, "ruleDefaultToday")}  ${k.clause}`);
  printOut(lines.join("\n"));
  return EXIT.ok;
}
