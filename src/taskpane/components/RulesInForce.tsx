// 考评表彰: the rules in force (the 评分规则 sheet, else the defaults), `插入评分规则表` and the primary
// button `考评并生成表彰名单`.
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import type { RuleRow, RulesInForce as Rules } from "../../app/results/rules-in-force";
import { useTabStyles } from "./styles";

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200, "& summary": { cursor: "pointer" } },
});

const SOURCE_KEY = { sheet: "ruleSet", broken: "ruleBroken", default: "ruleDefault" } as const;

export interface RulesInForceProps {
  lang: Lang;
  busy: boolean;
  rules: Rules | null;
  onInsertRules: () => void;
  onEvaluate: () => void;
}

export function RulesInForce(p: RulesInForceProps) {
  const s = useStyles();
  const ts = useTabStyles();
  const { lang, rules } = p;
  return (
    <section className={ts.section} aria-label={t(lang, "rulesInForce")}>
      <h2 className={ts.heading}>{t(lang, "rulesInForce")}</h2>
      <Caption1>
        {rules?.sheet ? t(lang, "rulesFromSheet", { name: rules.sheet }) : t(lang, "rulesDefault")}
      </Caption1>
      {rules && (
        <details className={s.details}>
          <summary>{t(lang, "rulesCount", { n: rules.rows.length })}</summary>
          <table className={ts.table}>
            <tbody>
              {rules.rows.map((r) => (
                <RuleLine key={r.key} lang={lang} rule={r} />
              ))}
            </tbody>
          </table>
        </details>
      )}
      <div className={ts.row}>
        <Button disabled={p.busy || !!rules?.sheet} onClick={p.onInsertRules}>
          {t(lang, "insertRules")}
        </Button>
        <Button appearance="primary" disabled={p.busy} onClick={p.onEvaluate}>
          {t(lang, "evaluate")}
        </Button>
      </div>
    </section>
  );
}

function RuleLine({ lang, rule: r }: { lang: Lang; rule: RuleRow }) {
  const ts = useTabStyles();
  return (
    <tr>
      <td>{r.key}</td>
      <td data-num="">{r.value || "—"}</td>
      <td className={r.source === "broken" ? ts.bad : ts.muted}>{t(lang, SOURCE_KEY[r.source])}</td>
    </tr>
  );
}
