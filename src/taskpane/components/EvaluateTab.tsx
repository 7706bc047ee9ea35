// 考评表彰: the rules in force (评分规则 sheet or defaults, `插入评分规则表`), `考评并生成表彰名单`,
// then — under a warning with the draft line while the ledger has errors (§5.1) — per phase begun and
// list the number selected and the top names, the grade distribution, links that activate each
// written sheet, and the 未入选说明 count.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { PHASE_NAMES } from "../../engine/campaign";
import { t } from "../../i18n/pane";
import { draftLine } from "../../i18n/draft";
import { listOf, type Lang } from "../../i18n/text";
import type { EvaluateResult } from "../../app/jobs/evaluate";
import type { RulesInForce as Rules } from "../../app/results/rules-in-force";
import { CommendationLists } from "./CommendationLists";
import { CoverageChart } from "./CoverageChart";
import { GradeChart } from "./GradeChart";
import { RulesInForce } from "./RulesInForce";
import { useTabStyles } from "./styles";
import { NotSelectedCount, WrittenSheets } from "./WrittenSheets";

export interface EvaluateTabProps {
  lang: Lang;
  busy: boolean;
  rules: Rules | null;
  result: EvaluateResult | null;
  onInsertRules: () => void;
  onEvaluate: () => void;
  onActivateSheet: (name: string) => void;
}

export function EvaluateTab(p: EvaluateTabProps) {
  const ts = useTabStyles();
  return (
    <div className={ts.tab}>
      <RulesInForce
        lang={p.lang}
        busy={p.busy}
        rules={p.rules}
        onInsertRules={p.onInsertRules}
        onEvaluate={p.onEvaluate}
      />
      {p.result && <EvaluationOutcome {...p} result={p.result} />}
    </div>
  );
}

function EvaluationOutcome({ lang, result, onActivateSheet }: EvaluateTabProps & { result: EvaluateResult }) {
  const sum = result.summary;
  const blocked = sum.blockedBy.length > 0;
  return (
    <>
      {sum.draft && (
        <MessageBar intent="warning" layout="multiline" data-testid="draft-warning">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "draftTitle")}</MessageBarTitle>
            {draftLine(sum.draft, lang)}
          </MessageBarBody>
        </MessageBar>
      )}
      {blocked && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "blocked", { keys: listOf(sum.blockedBy) })}</MessageBarBody>
        </MessageBar>
      )}
      {!blocked && <CommendationLists lang={lang} lists={sum.lists} />}
      {sum.gradePhase !== undefined && (
        <GradeChart
          lang={lang}
          title={t(lang, "gradeChart", { phase: PHASE_NAMES[sum.gradePhase] })}
          grades={sum.grades}
        />
      )}
      {sum.coverage.length > 0 && <CoverageChart lang={lang} units={sum.coverage} />}
      <WrittenSheets lang={lang} written={result.written} onActivateSheet={onActivateSheet} />
      {!blocked && (
        <NotSelectedCount
          lang={lang}
          n={sum.notSelected}
          written={result.written}
          onActivateSheet={onActivateSheet}
        />
      )}
    </>
  );
}
