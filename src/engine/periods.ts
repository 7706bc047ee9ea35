// Coverage periods (ledger-format.md §2.5, §2.6, §7): quarters, half-years and calendar years,
// clipped to the campaign window; a period is checked once its clipped end ≤ 检查基准日.
import { type Day, dayFromYMD } from "./dates";
import { type Rules } from "./campaign";

export interface Period {
  label: string;
  from: Day;
  to: Day;
}

function periods(rules: Rules, monthsPer: number, label: (y: number, i: number) => string): Period[] {
  const out: Period[] = [];
  const start = rules.campaignStart;
  const end = rules.phase3End;
  const firstYear = new Date(start * 86400000).getUTCFullYear();
  const lastYear = new Date(end * 86400000).getUTCFullYear();
  for (let y = firstYear; y <= lastYear; y++) {
    for (let i = 0; i < 12 / monthsPer; i++) {
      const from = dayFromYMD(y, i * monthsPer + 1, 1)!;
      const next =
        i * monthsPer + monthsPer + 1 > 12
          ? dayFromYMD(y + 1, 1, 1)!
          : dayFromYMD(y, i * monthsPer + monthsPer + 1, 1)!;
      const to = next - 1;
      if (to < start || from > end) continue;
      out.push({ label: label(y, i + 1), from: Math.max(from, start), to: Math.min(to, end) });
    }
  }
  return out;
}

export const quarters = (r: Rules) => periods(r, 3, (y, q) => `${y}Q${q}`);
export const halfYears = (r: Rules) => periods(r, 6, (y, h) => `${y}H${h}`);
export const years = (r: Rules) => periods(r, 12, (y) => `${y}`);

/** Periods that have ended by the as-of date. */
export function ended(ps: Period[], asOf: Day): Period[] {
  return ps.filter((p) => p.to <= asOf);
}

export function periodOf(ps: Period[], day: Day): Period | undefined {
  return ps.find((p) => day >= p.from && day <= p.to);
}
