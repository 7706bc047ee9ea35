// 考评表彰 after a run: per phase and list, the number selected and the top names; a phase whose
// decision date is after 检查基准日 is headed 拟推荐 (§5.1).
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { PHASE_NAMES, type Phase } from "../../engine/campaign";
import { t } from "../../i18n/pane";
import { render, type Lang } from "../../i18n/text";
import { DRAFT_TEXTS } from "../../i18n/draft";
import type { ListSummary } from "../../app/results/evaluation-summary";
import { useTabStyles } from "./styles";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** `入选3名` for people, `入选3个` for organisations and units. */
function selectedText(lang: Lang, l: ListSummary): string {
  if (!l.selected) return t(lang, "noneSelected");
  return l.people
    ? t(lang, "selectedPeople", { people: l.selected })
    : t(lang, "selected", { n: l.selected });
}

export function CommendationLists({ lang, lists }: { lang: Lang; lists: ListSummary[] }) {
  const s = useStyles();
  const ts = useTabStyles();
  const phases = [...new Set(lists.map((l) => l.phase))] as Phase[];
  return phases.map((phase) => (
    <section key={phase} className={ts.section} aria-label={PHASE_NAMES[phase]}>
      <h2 className={ts.heading}>
        {PHASE_NAMES[phase]}
        {lists.some((l) => l.phase === phase && l.provisional) &&
          `（${render(DRAFT_TEXTS.provisional, lang)}）`}
      </h2>
      <ul className={s.list}>
        {lists
          .filter((l) => l.phase === phase)
          .map((l) => (
            <li key={l.list} data-testid="commendation-list">
              <Text weight="semibold" size={200}>
                {l.list}
              </Text>
              {"：" + selectedText(lang, l)}
              {l.top.length > 0 && `（${l.top.join("、")}${l.selected > l.top.length ? " …" : ""}）`}
            </li>
          ))}
      </ul>
    </section>
  ));
}
