// 考评表彰: the rules in force (评分规则 sheet or defaults, `插入评分规则表`), `考评并生成表彰名单`,
// then per phase and list the number selected and the top names, the grade distribution, links that
// activate each written sheet, and the 未入选说明 count.
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PHASE_NAMES, type Phase } from "../../engine/campaign";
import { RESULT_SHEETS } from "../../engine/schema";
import { t, type Lang } from "../../app/i18n";
import type { EvaluateResult } from "../../app/jobs/evaluate";
import type { RulesInForce } from "../../app/results/rules-in-force";
import { GradeChart } from "./GradeChart";
import { CoverageChart } from "./CoverageChart";
import { useTabStyles } from "./styles";

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200, "& summary": { cursor: "pointer" } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
});

export interface EvaluateTabProps {
  lang: Lang;
  busy: boolean;
  rules: RulesInForce | null;
  result: EvaluateResult | null;
  onInsertRules: () => void;
  onEvaluate: () => void;
  onActivateSheet: (name: string) => void;
}

export function EvaluateTab(p: EvaluateTabProps) {
  const s = useStyles();
  const ts = useTabStyles();
  const { lang, rules, result } = p;
  const sum = result?.summary;
  const phases = sum ? ([...new Set(sum.lists.map((l) => l.phase))] as Phase[]) : [];
  return (
    <div className={ts.tab}>
      <section className={ts.section} aria-label={t(lang, "rulesInForce")}>
        <h2 className={ts.heading}>{t(lang, "rulesInForce")}</h2>
        <Caption1>
          {rules?.sheet ? `${t(lang, "rulesFromSheet")}（${rules.sheet}）` : t(lang, "rulesDefault")}
        </Caption1>
        {rules && (
          <details className={s.details}>
            <summary>{t(lang, "rulesCount", { n: rules.rows.length })}</summary>
            <table className={ts.table}>
              <tbody>
                {rules.rows.map((r) => (
                  <tr key={r.key}>
                    <td>{r.key}</td>
                    <td data-num="">{r.value || "—"}</td>
                    <td className={r.source === "broken" ? ts.bad : ts.muted}>
                      {t(
                        lang,
                        r.source === "sheet"
                          ? "ruleSet"
                          : r.source === "broken"
                            ? "ruleBroken"
                            : "ruleDefault",
                      )}
                    </td>
                  </tr>
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

      {sum && sum.blockedBy.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "blocked", { keys: sum.blockedBy.join("、") })}</MessageBarBody>
        </MessageBar>
      )}

      {sum &&
        sum.blockedBy.length === 0 &&
        phases.map((phase) => (
          <section key={phase} className={ts.section} aria-label={PHASE_NAMES[phase]}>
            <h2 className={ts.heading}>{PHASE_NAMES[phase]}</h2>
            <ul className={s.list}>
              {sum.lists
                .filter((l) => l.phase === phase)
                .map((l) => (
                  <li key={l.list} data-testid="commendation-list">
                    <Text weight="semibold" size={200}>
                      {l.list}
                    </Text>
                    {"：" + (l.selected ? t(lang, "selected", { n: l.selected }) : t(lang, "noneSelected"))}
                    {l.top.length > 0 && `（${l.top.join("、")}${l.selected > l.top.length ? " …" : ""}）`}
                  </li>
                ))}
            </ul>
          </section>
        ))}

      {sum && sum.gradePhase !== undefined && (
        <GradeChart
          lang={lang}
          title={t(lang, "gradeChart", { phase: PHASE_NAMES[sum.gradePhase] })}
          grades={sum.grades}
        />
      )}

      {sum && sum.coverage.length > 0 && <CoverageChart lang={lang} units={sum.coverage} />}

      {result && result.written.length > 0 && (
        <section className={ts.section} aria-label={t(lang, "writtenSheets")}>
          <h2 className={ts.heading}>{t(lang, "writtenSheets")}</h2>
          <div className={s.links}>
            {result.written.map((name) => (
              <Link key={name} as="button" onClick={() => p.onActivateSheet(name)}>
                {name}
              </Link>
            ))}
          </div>
        </section>
      )}

      {sum && sum.blockedBy.length === 0 && (
        <div>
          {result!.written.includes(RESULT_SHEETS.notSelected) ? (
            <Link as="button" onClick={() => p.onActivateSheet(RESULT_SHEETS.notSelected)}>
              {t(lang, "notSelectedCount", { n: sum.notSelected })}
            </Link>
          ) : (
            <Text size={200}>{t(lang, "notSelectedCount", { n: sum.notSelected })}</Text>
          )}
        </div>
      )}
    </div>
  );
}
