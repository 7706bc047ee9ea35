// The tabs 概况 · 校验 · 考评表彰 · 汇总报送 · 设置.
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";

export type TabId = "overview" | "validate" | "evaluate" | "compile" | "settings";

export const TAB_LABEL = {
  overview: "tabOverview",
  validate: "tabValidate",
  evaluate: "tabEvaluate",
  compile: "tabCompile",
  settings: "tabSettings",
} as const;

const useStyles = makeStyles({
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export function PaneTabs(props: { lang: Lang; tab: TabId; onSelect: (tab: TabId) => void }) {
  const s = useStyles();
  const { lang } = props;
  return (
    <TabList
      className={s.tabs}
      size="small"
      selectedValue={props.tab}
      onTabSelect={(_, d) => props.onSelect(d.value as TabId)}
    >
      <Tab value="overview">{t(lang, "tabOverview")}</Tab>
      <Tab value="validate">{t(lang, "tabValidate")}</Tab>
      <Tab value="evaluate">{t(lang, "tabEvaluate")}</Tab>
      <Tab value="compile">{t(lang, "tabCompile")}</Tab>
      <Tab value="settings">{t(lang, "tabSettings")}</Tab>
    </TabList>
  );
}
