// Deterministic sample-ledger generator: a complete, internally consistent campaign ledger
// (ledger-format.md §2) as SheetModels, optionally with a small set of seeded mistakes whose
// exact cells are returned. Same options → identical output (own PRNG, no clock).
import {
  COVER_LABELS,
  COVER_SHEET,
  LEDGER_SHEETS,
  PHASE_ENUM,
  RATING_VALUES,
  RULES_SHEET,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_LABEL,
  type FieldDef,
  type SheetDef,
  type SheetId,
} from "../engine/schema";
import { PHASES, RULE_KEYS, phaseWindow, type Phase, type RuleKey } from "../engine/campaign";
import { type Day, toISO, ymd } from "../engine/dates";
import type { ColumnFormat, ColumnModel, SheetModel } from "../report/sheet-model";
import { modelCell } from "./layout";
import { seedMistakes } from "./mistakes";
import { type PopulationSize, buildPopulation } from "./population";
import { personName, phoneNumber } from "./names";
import { Rng } from "./prng";
import {
  DISTRICT_REVIEWER,
  FEMALE,
  LEVEL_DISTRICT,
  LEVEL_UNIT,
  LIST_SEP,
  MALE,
  NO_VETO_TEXTS,
  R,
  R_AVERAGE,
  R_FAIR,
  R_GOOD,
  R_POOR,
  SAMPLE_AS_OF,
  STATUS_PROBATION,
  Y,
  YES,
  commitmentRec,
  isVeto,
  lift,
  publishWays,
  randDay,
  ratingNumber,
  reviewRec,
  voteCounts,
  voteRec,
} from "./records";
import {
  DISTRICT_REVIEW,
  MEMBER_VETOES,
  ORG_VETOES,
  UNIT_REVIEW,
  memberCommitment,
  orgCommitment,
} from "./texts";
import type { LedgerData, Member, Org, Rec, SeededMistake, Unit } from "./types";

export type { SeededMistake } from "./types";
export { modelCell } from "./layout";

export interface GenerateOptions {
  seed?: number;
  units?: number;
  orgsPerUnit?: number;
  membersPerOrg?: number;
  mistakes?: boolean;
}

export interface LedgerStats {
  units: number;
  orgs: number;
  members: number;
  /** Members who joined after 第一时段结束. */
  lateJoiners: number;
  probationary: number;
  partyWorkers: number;
  /** Data rows per sheet name (header excluded). */
  rows: Record<string, number>;
  /** Data rows of the eight ledger sheets. */
  totalRows: number;
}

export interface GeneratedLedger {
  models: SheetModel[];
  seeded: SeededMistake[];
  stats: LedgerStats;
}

/** Small and fast: used by tests and the demo. */
export const SMALL_SAMPLE: Readonly<GenerateOptions> = {
  seed: 20100505,
  units: 3,
  orgsPerUnit: 4,
  membersPerOrg: 6,
  mistakes: true,
};

/** A whole district: 30 units, 990 organisations, 24,750 members, ≈ 200k rows. */
export const DISTRICT_SAMPLE: Readonly<GenerateOptions> = {
  seed: 20121107,
  units: 30,
  orgsPerUnit: 33,
  membersPerOrg: 25,
  mistakes: true,
};

export { SAMPLE_AS_OF } from "./records";
const AS_OF = SAMPLE_AS_OF;
/** Max characters of one 点评对象 cell before the IDs are split over several rows. */
const MAX_LIST_CHARS = 1900;

// Quality tiers (population.ts): 0 excellent, 1 good, 2 middling, 3 weak.
const RATE_RANGE: readonly [number, number][] = [
  [0.905, 0.99],
  [0.8, 0.94],
  [0.66, 0.88],
  [0.42, 0.75],
];
const GOOD_SHARE: readonly [number, number][] = [
  [0.6, 0.85],
  [0.45, 0.7],
  [0.3, 0.55],
  [0.15, 0.4],
];
const RATING_PROBS: readonly number[][] = [
  [0.75, 0.25, 0, 0],
  [0.3, 0.55, 0.15, 0],
  [0.1, 0.5, 0.33, 0.07],
  [0.05, 0.3, 0.45, 0.2],
];

function phaseTier(rng: Rng, tier: number): number {
  if (!rng.chance(0.15)) return tier;
  return Math.min(3, Math.max(0, tier + (rng.chance(0.5) ? 1 : -1)));
}

function rating(rng: Rng, tier: number): string {
  return rng.weighted(RATING_VALUES, RATING_PROBS[tier]);
}

/** 群众反映好 from the phase's 好评率: 好 only at or above the 合格 line (criterion-evidence). */
function publicRating(rng: Rng, rate: number): string {
  const l = R.voteGradeLines;
  if (rate >= l.优秀) return R_GOOD;
  if (rate >= 0.8) return rng.chance(0.5) ? R_GOOD : R_FAIR;
  if (rate >= l.合格) return rng.chance(0.2) ? R_GOOD : R_FAIR;
  if (rate >= l.基本合格) return R_AVERAGE;
  return R_POOR;
}

// ---------------------------------------------------------------------------------------------

interface Slot {
  phase: Phase;
  from: Day;
  to: Day;
  /** Output order of the 评议 session. */
  session: number;
}

function voteSlots(joined: Day | undefined): Slot[] {
  const slots: Slot[] = [];
  const j = joined ?? -Infinity;
  const p1 = phaseWindow(R, 1);
  const p2 = phaseWindow(R, 2);
  const y2011End = Y(2011, 12, 31);
  const y2012Start = Y(2012, 1, 1);
  if (j <= p1.to) slots.push({ phase: 1, from: Math.max(Y(2010, 10, 1), j), to: p1.to, session: 1 });
  if (j <= p2.to) slots.push({ phase: 2, from: Math.max(Y(2011, 5, 1), j), to: p2.to, session: 2 });
  else if (j <= y2011End)
    slots.push({ phase: 3, from: Math.max(Y(2011, 11, 1), j), to: y2011End, session: 3 });
  if (j <= R.phase3CommendationEnd - 10)
    slots.push({
      phase: 3,
      from: Math.max(Y(2012, 5, 1), j, y2012Start),
      to: R.phase3CommendationEnd,
      session: 4,
    });
  else slots.push({ phase: 3, from: Math.max(j, y2012Start), to: AS_OF, session: 4 });
  return slots;
}

/** Window of the 五个好/五带头 evaluation in a phase, or undefined if the member joined too late. */
function evalWindow(phase: Phase, joined: Day | undefined): { from: Day; to: Day } | undefined {
  const to = phase === 3 ? R.phase3CommendationEnd : phaseWindow(R, phase).to;
  const from = to - 35;
  if (joined !== undefined && joined > to - 30) return undefined;
  return { from: Math.max(from, (joined ?? -Infinity) + 1), to };
}

function halfYears(): { label: string; from: Day; to: Day }[] {
  const out = [];
  for (let y = ymd(R.campaignStart).y; y <= ymd(R.phase3End).y; y++) {
    for (const h of [1, 2]) {
      const from = Math.max(Y(y, h === 1 ? 1 : 7, 1), R.campaignStart);
      const to = Math.min(Y(y, h === 1 ? 6 : 12, h === 1 ? 30 : 31), R.phase3End);
      if (from <= to) out.push({ label: `${y}H${h}`, from, to });
    }
  }
  return out;
}

function quarters(): { label: string; from: Day; to: Day }[] {
  const out = [];
  for (let y = ymd(R.campaignStart).y; y <= ymd(R.phase3End).y; y++) {
    for (let q = 1; q <= 4; q++) {
      const from = Math.max(Y(y, q * 3 - 2, 1), R.campaignStart);
      const to = Math.min(q < 4 ? Y(y, q * 3 + 1, 1) - 1 : Y(y, 12, 31), R.phase3End);
      if (from <= to) out.push({ label: `${y}Q${q}`, from, to });
    }
  }
  return out;
}

/** Splits IDs into "、"-joined cells of at most MAX_LIST_CHARS characters. */
export function chunkIds(ids: readonly string[], max = MAX_LIST_CHARS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const id of ids) {
    if (cur && cur.length + LIST_SEP.length + id.length > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? cur + LIST_SEP + id : id;
  }
  if (cur) out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------

export function generateLedger(opts: GenerateOptions = {}): GeneratedLedger {
  const seed = opts.seed ?? 20100505;
  const nUnits = Math.max(1, Math.floor(opts.units ?? 3));
  const orgsPerUnit = Math.max(1, opts.orgsPerUnit ?? 4);
  const membersPerOrg = Math.max(1, opts.membersPerOrg ?? 6);
  const rng = new Rng(seed);

  const data = buildLedger(rng, { units: nUnits, orgsPerUnit, membersPerOrg });
  const seededRefs = opts.mistakes ? seedMistakes(new Rng((seed ^ 0x5eed1e) >>> 0), data) : [];

  // Final order of the review rows: by date, 区委 level first, then reviewer.
  data.sheets.reviews = stableSort(
    data.sheets.reviews,
    (a, b) =>
      cmp(a.date as string, b.date as string) ||
      cmp(levelOrder(a.level as string), levelOrder(b.level as string)) ||
      cmp(String(a.reviewer), String(b.reviewer)),
  );

  const models: SheetModel[] = [
    coverModel(data),
    ...LEDGER_SHEETS.map((def) => ledgerModel(def, data.sheets[def.id])),
    rulesModel(),
  ];

  const seeded: SeededMistake[] = seededRefs.map((s) => {
    const def = LEDGER_SHEETS.find((d) => d.id === s.sheet)!;
    const row = data.sheets[s.sheet].indexOf(s.rec);
    if (row < 0) throw new Error(`seeded mistake ${s.code}: row not found`);
    const column = def.fields.find((f) => f.key === s.field)!.name;
    const model = models.find((m) => m.name === def.name)!;
    return {
      code: s.code,
      severity: s.severity,
      sheet: def.name,
      cell: modelCell(model, row, column),
      row,
      column,
      ...(s.object !== undefined ? { object: s.object } : {}),
      note: s.note,
    };
  });

  const rows: Record<string, number> = {};
  let totalRows = 0;
  for (const m of models) {
    rows[m.name] = m.rows.length;
    if (LEDGER_SHEETS.some((d) => d.name === m.name)) totalRows += m.rows.length;
  }
  const stats: LedgerStats = {
    units: data.units.length,
    orgs: data.orgs.length,
    members: data.members.length,
    lateJoiners: data.members.filter((m) => m.late).length,
    probationary: data.members.filter((m) => m.rec.status === STATUS_PROBATION).length,
    partyWorkers: data.members.filter((m) => m.rec.worker === YES).length,
    rows,
    totalRows,
  };
  return { models, seeded, stats };
}

function levelOrder(level: string): number {
  return level === LEVEL_DISTRICT ? 0 : 1;
}
function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function stableSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => compare(a.item, b.item) || a.i - b.i)
    .map((x) => x.item);
}

// ---------------------------------------------------------------------------------------------
// The whole ledger: the population, then its activity sheets (each step draws from the same Rng).

function buildLedger(rng: Rng, size: PopulationSize): LedgerData {
  const { units, orgs, members } = buildPopulation(rng, size);
  const data: LedgerData = {
    units,
    orgs,
    members,
    sheets: {
      units: units.map((u) => u.rec),
      orgs: orgs.map((o) => o.rec),
      members: members.map((m) => m.rec),
      commitments: [],
      reviews: [],
      votes: [],
      orgEvals: [],
      memberEvals: [],
    },
    evals: new Map(),
    votes: new Map(),
    unitReviews: new Map(),
  };
  buildCommitments(rng, data);
  buildReviews(rng, data);
  buildVotesAndEvals(rng, data);
  return data;
}

// ---------------------------------------------------------------------------------------------
// 公开承诺

function buildCommitments(rng: Rng, data: LedgerData): void {
  const out = data.sheets.commitments;
  const p1 = phaseWindow(R, 1);
  const firstFrom = R.campaignStart + 10;
  const firstTo = Y(2010, 7, 31);
  const laterFrom = Y(2011, 1, 10);
  const laterTo = R.phase3CommendationEnd;
  for (const org of data.orgs) {
    const secretary = org.members[0]?.name ?? org.unit.head;
    out.push(
      commitmentRec(
        rng,
        org.id,
        orgCommitment(rng, org.category),
        publishWays(rng, true),
        randDay(rng, firstFrom, firstTo),
        secretary,
      ),
    );
    if (rng.chance(0.55))
      out.push(
        commitmentRec(
          rng,
          org.id,
          orgCommitment(rng, org.category),
          publishWays(rng, true),
          randDay(rng, laterFrom, laterTo),
          secretary,
        ),
      );
    for (const m of org.members) {
      let published: Day;
      if (m.late) {
        // 新党员承诺期限天数: within 90 days of joining (and inside the campaign).
        published = Math.min(AS_OF, m.joined + rng.int(3, Math.min(60, R.newMemberCommitDays)));
      } else {
        const from = Math.max(firstFrom, m.joined);
        published = randDay(rng, from, from <= firstTo ? firstTo : p1.to);
      }
      out.push(
        commitmentRec(
          rng,
          m.id,
          memberCommitment(rng, org.category),
          publishWays(rng, false),
          published,
          m.name,
        ),
      );
      if (!m.late && rng.chance(0.12))
        out.push(
          commitmentRec(
            rng,
            m.id,
            memberCommitment(rng, org.category),
            publishWays(rng, false),
            randDay(rng, Math.max(laterFrom, m.joined), laterTo),
            m.name,
          ),
        );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 领导点评

function buildReviews(rng: Rng, data: LedgerData): void {
  const out = data.sheets.reviews;
  const leaders = [
    personName(rng, MALE),
    personName(rng, MALE),
    personName(rng, FEMALE),
    personName(rng, MALE),
  ];
  for (const h of halfYears()) {
    for (const [i, unit] of data.units.entries()) {
      const date = randDay(rng, Math.max(h.from, h.to - 45), h.to);
      out.push(
        reviewRec(
          rng,
          date,
          LEVEL_DISTRICT,
          DISTRICT_REVIEWER,
          leaders[i % leaders.length],
          unit.id,
          DISTRICT_REVIEW,
        ),
      );
    }
  }
  for (const unit of data.units) {
    const rows: Rec[] = [];
    for (const q of quarters()) {
      const date = randDay(rng, Math.max(q.from, q.to - 30), q.to);
      for (const targets of chunkIds(unit.orgs.map((o) => o.id)))
        rows.push(reviewRec(rng, date, LEVEL_UNIT, unit.id, unit.head, targets, UNIT_REVIEW));
    }
    data.unitReviews.set(unit.id, rows);
    out.push(...rows);
  }
}

// ---------------------------------------------------------------------------------------------
// 群众评议 and 五个好/五带头考评

function buildVotesAndEvals(rng: Rng, data: LedgerData): void {
  type Obj = { id: string; tier: number; joined?: Day; org?: Org; member?: Member; unit: Unit };
  const objects: Obj[] = [];
  for (const org of data.orgs) {
    objects.push({ id: org.id, tier: org.tier, org, unit: org.unit });
    for (const m of org.members)
      objects.push({ id: m.id, tier: m.tier, joined: m.joined, member: m, unit: org.unit });
  }
  const sessions: Rec[][] = [[], [], [], [], []];
  const evalRows: Record<Phase, { org: Rec[]; member: Rec[] }> = {
    1: { org: [], member: [] },
    2: { org: [], member: [] },
    3: { org: [], member: [] },
  };
  for (const o of objects) {
    const byPhase = new Map<Phase, Rec[]>();
    const tiers = new Map<Phase, number>();
    for (const p of PHASES) tiers.set(p, phaseTier(rng, o.tier));
    const fav = new Map<Phase, [number, number]>();
    for (const slot of voteSlots(o.joined)) {
      const tier = tiers.get(slot.phase)!;
      const total = o.org ? rng.int(30, 80) : rng.int(10, 30);
      const [lo, hi] = RATE_RANGE[tier];
      const [glo, ghi] = GOOD_SHARE[tier];
      const c = voteCounts(rng, total, lo + rng.next() * (hi - lo), glo + rng.next() * (ghi - glo));
      if (tier === 0) lift(c); // keep the excellent ones clearly excellent
      const rec = voteRec(randDay(rng, slot.from, slot.to), o.id, c);
      sessions[slot.session].push(rec);
      if (!byPhase.has(slot.phase)) byPhase.set(slot.phase, []);
      byPhase.get(slot.phase)!.push(rec);
      const f = fav.get(slot.phase) ?? [0, 0];
      fav.set(slot.phase, [f[0] + c.good + c.fair, f[1] + c.total]);
    }
    data.votes.set(o.id, byPhase);

    const evals = new Map<Phase, Rec>();
    for (const p of PHASES) {
      const w = evalWindow(p, o.joined);
      if (!w) continue;
      const tier = tiers.get(p)!;
      const f = fav.get(p);
      const rate = f ? f[0] / f[1] : 0;
      const ratings: string[] = [];
      for (let i = 0; i < 5; i++) ratings.push(rating(rng, tier));
      let veto: string | null = rng.pick(NO_VETO_TEXTS);
      if (o.org) {
        ratings[4] = publicRating(rng, rate); // 群众反映好
        if (rng.chance(0.004)) veto = rng.pick(ORG_VETOES);
      } else if (rng.chance(0.003)) {
        veto = rng.pick(MEMBER_VETOES);
      }
      const rec: Rec = {
        object: o.id,
        phase: PHASE_ENUM.values[p - 1],
        date: toISO(randDay(rng, w.from, w.to)),
        assessor: o.org ? o.unit.head : o.member!.secretary ? o.unit.head : o.member!.org.members[0].name,
        veto,
      };
      applyRatings(rng, rec, ratings, o.unit.numeric, !o.org && isVeto(veto));
      evals.set(p, rec);
      (o.org ? evalRows[p].org : evalRows[p].member).push(rec);
    }
    data.evals.set(o.id, evals);
  }
  // Guarantee at least one real veto per evaluation sheet (rare, but present).
  for (const [kind, texts] of [
    ["org", ORG_VETOES],
    ["member", MEMBER_VETOES],
  ] as const) {
    const all = PHASES.flatMap((p) => evalRows[p][kind]);
    if (all.length > 0 && !all.some((r) => isVeto(r.veto as string | null))) {
      const rec = all[rng.int(0, all.length - 1)];
      rec.veto = rng.pick(texts);
      if (kind === "member") {
        const unitNumeric = typeof rec.c1 === "number";
        rec.c4 = unitNumeric ? rng.int(6, 12) : R_POOR; // 带头遵纪守法 not 好/较好 with a violation
      }
    }
  }
  data.sheets.votes = sessions.flat();
  data.sheets.orgEvals = PHASES.flatMap((p) => evalRows[p].org);
  data.sheets.memberEvals = PHASES.flatMap((p) => evalRows[p].member);
}

/** Writes c1..c5; a member with a violation gets 一般/差 for 带头遵纪守法 (c4). */
function applyRatings(rng: Rng, rec: Rec, ratings: string[], numeric: boolean, violation: boolean): void {
  if (violation) ratings[3] = rng.chance(0.5) ? R_AVERAGE : R_POOR;
  ratings.forEach((r, i) => {
    rec[`c${i + 1}`] = numeric ? ratingNumber(rng, r) : r;
  });
}

// ---------------------------------------------------------------------------------------------
// SheetModels

function formatOf(f: FieldDef): ColumnFormat {
  switch (f.type) {
    case "date":
      return "date";
    case "integer":
      return "integer";
    case "rating":
      return "general";
    default:
      return "text";
  }
}

function ledgerModel(def: SheetDef, recs: Rec[]): SheetModel {
  const columns: ColumnModel[] = def.fields.map((f) => ({
    header: f.name,
    width: f.width ?? (f.type === "rating" ? 12 : 10),
    format: formatOf(f),
    ...(f.enum && !f.multi ? { list: [...f.enum.values] } : {}),
    ...(f.hint ? { hint: f.hint } : {}),
  }));
  const keys = def.fields.map((f) => f.key);
  return {
    name: def.name,
    columns,
    rows: recs.map((r) => keys.map((k) => r[k] ?? null)),
    freezeHeader: true,
  };
}

/** The 填报信息 cover sheet: label/value pairs plus the template version. */
function coverModel(data: LedgerData): SheetModel {
  const rng = new Rng(data.members.length * 7919 + data.orgs.length);
  const single = data.units.length === 1 ? data.units[0] : undefined;
  const values: CoverValues = {
    填报单位: single ? single.name : "历城区创先争优活动领导小组办公室",
    负责人: single ? single.head : personName(rng, MALE),
    填表人: personName(rng, FEMALE),
    联系电话: phoneNumber(rng),
    报出时间: toISO(AS_OF),
  };
  return coverSheetModel(values);
}

export type CoverValues = Record<(typeof COVER_LABELS)[number], string>;

/** A 填报信息 sheet holding these values, then the template version (also each split file's cover). */
export function coverSheetModel(values: CoverValues): SheetModel {
  return {
    name: COVER_SHEET.name,
    columns: [
      { header: "项目", width: 14, format: "text" },
      { header: "内容", width: 40, format: "text" },
    ],
    rows: [...COVER_LABELS.map((l) => [l, values[l]]), [TEMPLATE_VERSION_LABEL, TEMPLATE_VERSION]],
  };
}

/** The 评分规则 sheet with every rule key's default except 检查基准日. */
function rulesModel(): SheetModel {
  const asOfKey: RuleKey = "检查基准日";
  return {
    name: RULES_SHEET.name,
    columns: [
      { header: RULES_SHEET.keyHeader, width: 20, format: "text" },
      { header: RULES_SHEET.valueHeader, width: 14, format: "general" },
    ],
    rows: RULE_KEYS.filter((k) => k.key !== asOfKey).map((k) => [
      k.key,
      k.kind === "date" ? k.default : Number(k.default),
    ]),
  };
}

/** The model of a ledger sheet by id (for callers that hold the models). */
export function sheetModelOf(models: readonly SheetModel[], id: SheetId): SheetModel {
  const def = LEDGER_SHEETS.find((d) => d.id === id)!;
  return models.find((m) => m.name === def.name)!;
}
