// Row builders shared by the generator and the mistake seeder: enumeration values (from the schema),
// campaign dates (from DEFAULT_RULES) and consistent vote / commitment / review rows.
import {
  COMMIT_STATUS,
  MEMBER_STATUS,
  NO_VETO,
  ORG_CATEGORIES,
  PUBLISH_WAYS,
  RATING_VALUES,
  REVIEW_LEVELS,
  SEX,
  UNIT_TYPES,
  VOTE_GRADES,
  YES_NO,
} from "../engine/schema";
import { DEFAULT_RULES } from "../engine/campaign";
import { type Day, dayFromYMD, toISO, ymd } from "../engine/dates";
import type { CellValue } from "../engine/grid";
import type { Rng } from "./prng";
import { measures } from "./texts";
import type { Rec } from "./types";

// Enumeration values, taken from the schema (never retyped).
export const [UT_DEV, UT_STREET, UT_TOWN, UT_DEPT] = UNIT_TYPES.values;
export const [CAT_RURAL, CAT_COMMUNITY, CAT_OFFICE, CAT_INSTITUTION, CAT_PRIVATE, CAT_SOCIAL] =
  ORG_CATEGORIES.values;
export const [STATUS_FULL, STATUS_PROBATION] = MEMBER_STATUS.values;
export const [YES, NO] = YES_NO.values;
export const [MALE, FEMALE] = SEX.values as readonly ("男" | "女")[];
export const [DONE, ONGOING] = COMMIT_STATUS.values;
export const [LEVEL_DISTRICT, LEVEL_UNIT] = REVIEW_LEVELS.values;
export const [WAY_MEDIA, WAY_BOARD, WAY_LEAFLET, WAY_WEB, WAY_MEETING] = PUBLISH_WAYS.values;
export const [R_GOOD, R_FAIR, R_AVERAGE, R_POOR] = RATING_VALUES;
export const [G_EXCELLENT, G_PASS, G_BASIC, G_FAIL] = VOTE_GRADES.values;
/** Veto-column texts meaning “none” (from the schema's NO_VETO), blank most common. */
export const NO_VETO_TEXTS: readonly (string | null)[] = [
  null,
  null,
  null,
  null,
  NO_VETO[0],
  NO_VETO[0],
  NO_VETO[4],
  NO_VETO[2],
];
/** Cell text for the district committee as reviewer (点评单位 of 区委-level reviews). */
export const DISTRICT_REVIEWER = LEVEL_DISTRICT;
export const LIST_SEP = "、";

export const R = DEFAULT_RULES;
/** 检查基准日 the sample is built for: the end of the campaign (第三时段结束). */
export const SAMPLE_AS_OF: Day = R.phase3End;

export function Y(y: number, m: number, d: number): Day {
  return dayFromYMD(y, m, d)!;
}

export function randDay(rng: Rng, from: Day, to: Day): Day {
  return rng.int(from, Math.max(from, to));
}

const mille = (x: number) => Math.round(x * 1000);

/** The 评议等次 implied by the vote-grade lines (exact integer arithmetic; a rate on a line reaches it). */
export function voteGrade(favourable: number, total: number): string {
  const l = R.voteGradeLines;
  if (favourable * 1000 >= mille(l.优秀) * total) return G_EXCELLENT;
  if (favourable * 1000 >= mille(l.合格) * total) return G_PASS;
  if (favourable * 1000 >= mille(l.基本合格) * total) return G_BASIC;
  return G_FAIL;
}

/** True when favourable/total sits exactly on a grade line (avoided in clean data). */
export function onGradeLine(favourable: number, total: number): boolean {
  const l = R.voteGradeLines;
  return [l.优秀, l.合格, l.基本合格].some((x) => favourable * 1000 === mille(x) * total);
}

export interface VoteCounts {
  total: number;
  good: number;
  fair: number;
  average: number;
  poor: number;
}

/** Splits `total` votes so that (好+较好)/total ≈ rate, never exactly on a grade line. */
export function voteCounts(rng: Rng, total: number, rate: number, goodShare: number): VoteCounts {
  let fav = Math.min(total, Math.max(0, Math.round(rate * total)));
  if (onGradeLine(fav, total)) fav = fav < total ? fav + 1 : fav - 1;
  const good = Math.min(fav, Math.max(0, Math.round(fav * goodShare)));
  const rest = total - fav;
  const average = Math.round(rest * (0.55 + rng.next() * 0.35));
  return { total, good, fair: fav - good, average, poor: rest - average };
}

/** Raises the favourable votes to strictly above the 优秀 line (taking them from 差, then 一般). */
export function lift(c: VoteCounts): void {
  const minFav = Math.floor((mille(R.voteGradeLines.优秀) * c.total) / 1000) + 1;
  const need = minFav - (c.good + c.fair);
  if (need <= 0) return;
  const take = Math.min(need, c.average + c.poor);
  const fromPoor = Math.min(take, c.poor);
  c.poor -= fromPoor;
  c.average -= take - fromPoor;
  c.good += take;
}

export function voteRec(
  date: Day,
  object: string,
  c: VoteCounts,
  grade = voteGrade(c.good + c.fair, c.total),
): Rec {
  return {
    date: toISO(date),
    object,
    total: c.total,
    good: c.good,
    fair: c.fair,
    average: c.average,
    poor: c.poor,
    grade,
  };
}

export function publishWays(rng: Rng, org: boolean): string {
  const pool = org
    ? [WAY_BOARD, WAY_MEETING, WAY_LEAFLET, WAY_WEB, WAY_MEDIA]
    : [WAY_BOARD, WAY_MEETING, WAY_LEAFLET];
  const w = org ? [0.35, 0.3, 0.15, 0.12, 0.08] : [0.5, 0.35, 0.15];
  const a = rng.weighted(pool, w);
  if (!rng.chance(org ? 0.4 : 0.2)) return a;
  const b = rng.weighted(pool, w);
  return a === b ? a : [a, b].sort((x, y) => pool.indexOf(x) - pool.indexOf(y)).join(LIST_SEP);
}

/** A consistent commitment published on `published`: deadline ≥ published, 已完成 ⇔ 完成日期, none overdue. */
export function commitmentRec(
  rng: Rng,
  subject: string,
  content: string,
  wayText: string,
  published: Day,
  owner: string,
): Rec {
  const r = rng.next();
  let deadline: Day;
  if (r < 0.3) {
    const yearEnd = Y(ymd(published).y, 12, 31);
    deadline = yearEnd >= published + 45 ? yearEnd : published + 180;
  } else if (r < 0.55) deadline = published + rng.int(120, 240);
  else if (r < 0.8) deadline = published + rng.int(300, 540);
  else if (r < 0.9) deadline = Math.max(published + 30, Y(2012, 10, 31));
  else deadline = rng.chance(0.5) ? Y(2012, 12, 31) : Y(2013, 6, 30);
  let state: string;
  let done: Day | undefined;
  if (deadline <= SAMPLE_AS_OF) {
    state = DONE;
    const span = deadline - published;
    done = published + rng.int(Math.ceil(span * 0.5), span);
  } else if (rng.chance(0.8)) {
    state = ONGOING;
  } else {
    state = DONE;
    done = randDay(rng, Math.min(published + 30, SAMPLE_AS_OF), SAMPLE_AS_OF);
  }
  return {
    subject,
    content,
    way: wayText,
    published: toISO(published),
    deadline: toISO(deadline),
    state,
    done: done === undefined ? null : toISO(done),
    measures: measures(rng),
    owner,
  };
}

export interface ReviewTexts {
  strengths: readonly string[];
  problems: readonly string[];
  directions: readonly string[];
}

export function reviewRec(
  rng: Rng,
  date: Day,
  level: string,
  reviewer: string,
  person: string,
  targets: string,
  texts: ReviewTexts,
): Rec {
  return {
    date: toISO(date),
    level,
    reviewer,
    person,
    targets,
    strengths: rng.pick(texts.strengths),
    problems: rng.pick(texts.problems),
    direction: rng.pick(texts.directions),
  };
}

/** A rating word as a number 0–20 (units that score with numbers). */
export function ratingNumber(rng: Rng, r: string): number {
  if (r === R_GOOD) return rng.int(18, 20);
  if (r === R_FAIR) return rng.int(15, 17);
  if (r === R_AVERAGE) return rng.int(11, 14);
  return rng.int(6, 10);
}

/** A veto-column value that records a real veto / violation. */
export function isVeto(v: CellValue | undefined): boolean {
  return typeof v === "string" && v.trim() !== "" && !NO_VETO.includes(v.trim());
}
