// `先锋台账` and one line of state: `已识别 8/8 张台账表 · 检查基准日 2012-11-07` (or what is missing).
import { Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis } from "../../engine/analyze";
import { toISO, type Day } from "../../engine/dates";
import { t } from "../../i18n/pane";
import { listOf, type Lang } from "../../i18n/text";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { color: tokens.colorBrandForeground1 },
  state: { color: tokens.colorNeutralForeground2 },
});

/** The reading's overview and check date (never its ledger: built only when a later step needs it). */
export interface HeaderReading {
  analysis: Pick<Analysis, "overview">;
  checkDate: Day;
}

export function stateLine(lang: Lang, reading: HeaderReading | null): string {
  if (!reading) return t(lang, "stateNoLedger");
  const { analysis } = reading;
  const found = analysis.overview.filter((s) => s.foundAs !== undefined);
  const missing = analysis.overview.filter((s) => s.foundAs === undefined).map((s) => s.name);
  let line = t(lang, "stateLine", {
    found: found.length,
    total: analysis.overview.length,
    asOf: toISO(reading.checkDate),
  });
  if (missing.length) {
    const [head, tail] = line.split(" · ");
    line = `${head}${t(lang, "stateMissing", { names: listOf(missing) })} · ${tail}`;
  }
  return line;
}

export function Header(props: { lang: Lang; reading: HeaderReading | null }) {
  const s = useStyles();
  return (
    <header className={s.root}>
      <Subtitle1 as="h1" className={s.title}>
        {t(props.lang, "appName")}
      </Subtitle1>
      <Caption1 className={s.state} data-testid="state-line">
        {stateLine(props.lang, props.reading)}
      </Caption1>
    </header>
  );
}
