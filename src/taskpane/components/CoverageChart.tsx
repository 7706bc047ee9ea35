// Review and evaluation coverage per 党（工）委 at a glance (the pane's twin of the chart on 进度督查):
// two thin CSS bars per unit, the lowest coverage first so the units that need a push lead.
import { makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import type { UnitCoverage } from "../../app/results/evaluation-summary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(6em, 40%) 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  bar: { display: "grid", gridTemplateColumns: "1fr 3.2em", alignItems: "center", columnGap: "4px" },
  track: { height: "8px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: "2px" },
  reviews: { height: "8px", backgroundColor: tokens.colorBrandBackground, borderRadius: "2px" },
  evaluations: { height: "8px", backgroundColor: tokens.colorPaletteGreenBackground3, borderRadius: "2px" },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px", borderRadius: "2px" },
  value: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2, textAlign: "right" },
});

const pct = (x: number | undefined) => (x === undefined ? "—" : `${Math.round(x * 100)}%`);

export function CoverageChart(props: { lang: Lang; units: UnitCoverage[] }) {
  const s = useStyles();
  const lowest = (u: UnitCoverage) => Math.min(u.reviews ?? 1, u.evaluations ?? 1);
  const units = [...props.units].sort((a, b) => lowest(a) - lowest(b) || (a.unit < b.unit ? -1 : 1));
  const reviews = t(props.lang, "coverageReviews");
  const evaluations = t(props.lang, "coverageEvaluations");
  return (
    <figure className={s.root} aria-label={t(props.lang, "coverageChart")} data-testid="coverage-chart">
      <figcaption className={s.legend}>
        <strong>{t(props.lang, "coverageChart")}</strong>
        <span>
          <span className={`${s.swatch} ${s.reviews}`} />
          {reviews}
        </span>
        <span>
          <span className={`${s.swatch} ${s.evaluations}`} />
          {evaluations}
        </span>
      </figcaption>
      {units.map((u) => (
        <div
          key={u.unit}
          className={s.row}
          role="img"
          aria-label={`${u.name}：${reviews} ${pct(u.reviews)}，${evaluations} ${pct(u.evaluations)}`}
        >
          <span className={s.name} title={u.name}>
            {u.name}
          </span>
          <div>
            {(
              [
                ["reviews", u.reviews],
                ["evaluations", u.evaluations],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className={s.bar}>
                <div className={s.track}>
                  <div className={s[k]} style={{ width: `${Math.round((v ?? 0) * 100)}%` }} />
                </div>
                <span className={s.value}>{pct(v)}</span>
              </div>
            ))}
          </div>
        </div>
      ))}
    </figure>
  );
}
