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
  TITLE_FOR_CATEGORY,
  type FieldDef,
  type SheetDef,
  type SheetId,
} from "../engine/schema";
import { PHASES, RULE_KEYS, phaseWindow, type Phase, type RuleKey } from "../engine/campaign";
import { type Day, addYears, toISO, ymd } from "../engine/dates";
import type { ColumnFormat, ColumnModel, SheetModel } from "../report/sheet-model";
import { LICHENG_REGION, makeIdCard } from "./idcard";
import { modelCell } from "./layout";
import { seedMistakes } from "./mistakes";
import {
  DEPARTMENTS,
  PLACES,
  communityWord,
  companyName,
  ordinal,
  personName,
  phoneNumber,
  societyName,
  villageName,
} from "./names";
import { Rng, apportion } from "./prng";
import {
  CAT_COMMUNITY,
  CAT_INSTITUTION,
  CAT_OFFICE,
  CAT_PRIVATE,
  CAT_RURAL,
  CAT_SOCIAL,
  DISTRICT_REVIEWER,
  FEMALE,
  LEVEL_DISTRICT,
  LEVEL_UNIT,
  LIST_SEP,
  MALE,
  NO,
  NO_VETO_TEXTS,
  R,
  R_AVERAGE,
  R_FAIR,
  R_GOOD,
  R_POOR,
  SAMPLE_AS_OF,
  STATUS_FULL,
  STATUS_PROBATION,
  UT_DEPT,
  UT_DEV,
  UT_STREET,
  UT_TOWN,
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

// Quality tiers: 0 excellent, 1 good, 2 middling, 3 weak.
const ORG_TIER_WEIGHTS = [0.16, 0.34, 0.35, 0.15];
const MEMBER_TIER_WEIGHTS = [0.14, 0.38, 0.36, 0.12];
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

  const data = buildLedger(rng, nUnits, orgsPerUnit, membersPerOrg);
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
// Units, organisations, members.

function unitTypes(n: number): string[] {
  const dev = n >= 4 ? 1 : 0;
  const k = n - dev;
  const street = Math.max(1, Math.round(k * 0.4));
  const town = Math.min(k - street, Math.max(k >= 2 ? 1 : 0, Math.round(k * 0.25)));
  const dept = Math.min(DEPARTMENTS.length, k - street - town);
  const extraStreets = k - street - town - dept;
  return [
    ...Array<string>(street + extraStreets).fill(UT_STREET),
    ...Array<string>(town).fill(UT_TOWN),
    ...Array<string>(dev).fill(UT_DEV),
    ...Array<string>(dept).fill(UT_DEPT),
  ];
}

const CATEGORY_MIX: Readonly<Record<string, [string[], number[]]>> = {
  [UT_STREET]: [
    [CAT_COMMUNITY, CAT_PRIVATE, CAT_INSTITUTION, CAT_SOCIAL, CAT_OFFICE],
    [0.55, 0.2, 0.12, 0.08, 0.05],
  ],
  [UT_TOWN]: [
    [CAT_RURAL, CAT_PRIVATE, CAT_INSTITUTION, CAT_SOCIAL, CAT_OFFICE],
    [0.72, 0.14, 0.1, 0.02, 0.02],
  ],
  [UT_DEV]: [
    [CAT_PRIVATE, CAT_COMMUNITY, CAT_SOCIAL, CAT_INSTITUTION, CAT_OFFICE],
    [0.7, 0.12, 0.1, 0.03, 0.05],
  ],
  [UT_DEPT]: [
    [CAT_INSTITUTION, CAT_OFFICE],
    [0.8, 0.2],
  ],
};
const MAIN_CATEGORY: Readonly<Record<string, string>> = {
  [UT_STREET]: CAT_COMMUNITY,
  [UT_TOWN]: CAT_RURAL,
  [UT_DEV]: CAT_PRIVATE,
  [UT_DEPT]: CAT_INSTITUTION,
};
const MEMBER_WEIGHT: Readonly<Record<string, number>> = {
  [CAT_RURAL]: 35,
  [CAT_COMMUNITY]: 45,
  [CAT_OFFICE]: 20,
  [CAT_INSTITUTION]: 22,
  [CAT_PRIVATE]: 10,
  [CAT_SOCIAL]: 7,
};
const UNIT_ORG_WEIGHT: Readonly<Record<string, number>> = {
  [UT_STREET]: 1,
  [UT_TOWN]: 1.3,
  [UT_DEV]: 0.8,
  [UT_DEPT]: 0.7,
};
const MALE_SHARE: Readonly<Record<string, number>> = {
  [CAT_RURAL]: 0.72,
  [CAT_OFFICE]: 0.62,
  [CAT_PRIVATE]: 0.65,
};
const POSTS: Readonly<Record<string, readonly string[]>> = {
  [CAT_RURAL]: ["村民", "村民", "种植户", "村委会委员", "村民小组长", "养殖户"],
  [CAT_COMMUNITY]: ["社区居民", "退休职工", "社区工作者", "居民小组长", "楼长", "个体经营者"],
  [CAT_OFFICE]: ["科员", "科员", "副科长", "科长", "办事员"],
  [CAT_INSTITUTION]: ["教师", "医生", "护士", "技术员", "专业技术人员", "管理人员"],
  [CAT_PRIVATE]: ["职工", "技术员", "车间主任", "销售经理", "质检员"],
  [CAT_SOCIAL]: ["会员", "协会工作人员", "理事"],
};
const WORKER_POSTS = ["党支部组织委员", "党支部宣传委员", "党务干事", "党支部纪检委员"];

function buildLedger(rng: Rng, nUnits: number, orgsPerUnit: number, membersPerOrg: number): LedgerData {
  const names = new Set<string>();
  const unique = (make: () => string): string => {
    for (let i = 0; i < 30; i++) {
      const n = make();
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
    let k = 2;
    const base = make();
    while (names.has(base.replace(/党(支部|委)$/, `第${ordinal(k)}党支部`))) k++;
    const n = base.replace(/党(支部|委)$/, `第${ordinal(k)}党支部`);
    names.add(n);
    return n;
  };

  // Units.
  const places = rng.shuffle(PLACES);
  const depts = rng.shuffle(DEPARTMENTS);
  let placeIdx = 0;
  let deptIdx = 0;
  const nextPlace = () => {
    const p = places[placeIdx % places.length];
    const round = Math.floor(placeIdx / places.length);
    placeIdx++;
    return round === 0 ? p : p + ordinal(round + 1);
  };
  const types = unitTypes(nUnits);
  const units: Unit[] = types.map((type, i) => {
    const id = `U${String(i + 1).padStart(nUnits >= 100 ? 3 : 2, "0")}`;
    let place: string;
    let name: string;
    if (type === UT_DEPT) {
      const dept = depts[deptIdx++];
      place = dept.name;
      name = `历城区${dept.name}党委`;
    } else {
      place = nextPlace();
      name =
        type === UT_STREET
          ? `历城区${place}街道党工委`
          : type === UT_TOWN
            ? `历城区${place}镇党委`
            : `历城区${place}开发区党工委`;
    }
    names.add(name);
    const head = personName(rng, rng.chance(0.8) ? MALE : FEMALE);
    const plan = R.planDeadline - rng.int(0, 20);
    const unit: Unit = { id, name, type, place, head, numeric: i % 5 === 1, orgs: [], rec: {} };
    unit.rec = { unitId: id, unitName: name, unitType: type, head, planDate: toISO(plan) };
    return unit;
  });

  // Organisations per unit, then members per organisation.
  const orgCounts = apportion(
    Math.round(nUnits * orgsPerUnit),
    units.map((u) => UNIT_ORG_WEIGHT[u.type] * (0.7 + rng.next() * 0.6)),
    1,
  );
  const orgs: Org[] = [];
  for (const [ui, unit] of units.entries()) {
    const [cats, weights] = CATEGORY_MIX[unit.type];
    for (let k = 0; k < orgCounts[ui]; k++) {
      const category =
        k === 0 ? CAT_OFFICE : k === 1 ? MAIN_CATEGORY[unit.type] : rng.weighted(cats, weights);
      const org: Org = {
        id: `O${String(orgs.length + 1).padStart(4, "0")}`,
        name: "",
        unit,
        category,
        members: [],
        tier: rng.weighted([0, 1, 2, 3], ORG_TIER_WEIGHTS),
        rec: {},
      };
      unit.orgs.push(org);
      orgs.push(org);
    }
  }
  const minMembers = Math.min(3, Math.floor(membersPerOrg));
  const memberCounts = apportion(
    Math.round(orgs.length * membersPerOrg),
    orgs.map((o) => MEMBER_WEIGHT[o.category] * (0.6 + rng.next() * 0.8)),
    minMembers,
  );

  // Organisation names (need the member count: big communities have a 社区党委).
  for (const [oi, org] of orgs.entries()) {
    const unit = org.unit;
    const kind =
      unit.type === UT_STREET ? "街道" : unit.type === UT_TOWN ? "镇" : unit.type === UT_DEV ? "开发区" : "";
    const officeIndex = unit.orgs.filter((o) => o.category === CAT_OFFICE).indexOf(org) + 1;
    const dept = DEPARTMENTS.find((d) => d.name === unit.place);
    let name: string;
    switch (org.category) {
      case CAT_OFFICE: {
        const base = unit.type === UT_DEPT ? `区${unit.place}机关` : `${unit.place}${kind}机关`;
        name = unique(() => (officeIndex <= 1 ? `${base}党支部` : `${base}第${ordinal(officeIndex)}党支部`));
        break;
      }
      case CAT_RURAL:
        name = unique(() => {
          const v = villageName(rng);
          return `${v}${v.endsWith("村") ? "" : "村"}党支部`;
        });
        break;
      case CAT_COMMUNITY:
        name = unique(() => `${communityWord(rng)}社区${memberCounts[oi] >= 40 ? "党委" : "党支部"}`);
        break;
      case CAT_INSTITUTION:
        name = unique(() => {
          const inst = dept
            ? rng.pick(dept.inst)
            : rng.pick(["中学", "中心小学", "卫生院", "文化站", "敬老院", "幼儿园", "农业综合服务站"]);
          const where = dept ? rng.pick(PLACES) : rng.chance(0.5) ? unit.place : rng.pick(PLACES);
          return `${where}${inst}党支部`;
        });
        break;
      case CAT_PRIVATE:
        name = unique(() => `${companyName(rng)}党支部`);
        break;
      default:
        name = unique(() => `${societyName(rng, unit.place)}党支部`);
    }
    org.name = name;
  }

  // Members.
  const members: Member[] = [];
  const idcards = new Set<string>();
  const lateJoinSplit = addYears(AS_OF, -1); // joined after this → still 预备党员 at 检查基准日
  const totalMembers = memberCounts.reduce((a, b) => a + b, 0);
  const workerShare = Math.max(
    0,
    (0.05 * totalMembers - orgs.length) / Math.max(1, totalMembers - orgs.length),
  );
  for (const [oi, org] of orgs.entries()) {
    for (let k = 0; k < memberCounts[oi]; k++) {
      const secretary = k === 0;
      const late = !secretary && rng.chance(0.05);
      const joinedInPhase1 = !secretary && !late && rng.chance(0.012);
      const sex: "男" | "女" = rng.chance(secretary ? 0.75 : (MALE_SHARE[org.category] ?? 0.55))
        ? MALE
        : FEMALE;
      let birth: Day;
      let joined: Day;
      if (late || joinedInPhase1) {
        joined = late
          ? rng.chance(0.2)
            ? randDay(rng, Y(2011, 1, 5), lateJoinSplit - 1)
            : randDay(rng, lateJoinSplit + 1, AS_OF - 7)
          : randDay(rng, Y(2010, 5, 10), Y(2010, 10, 31));
        const age = rng.int(19, 35);
        birth = addYears(joined, -age) - rng.int(1, 360);
      } else {
        const age2010 = secretary ? rng.int(30, 62) : 22 + Math.round((rng.next() + rng.next()) * 30);
        birth = Y(2010 - age2010, 1, 1) + rng.int(0, 364);
        const earliest = addYears(birth, 18) + 30;
        const latest = Math.min(R.campaignStart - 1, addYears(birth, 18 + 30));
        joined = earliest + Math.floor(Math.pow(rng.next(), 1.6) * Math.max(0, latest - earliest));
      }
      let idcard: string;
      do {
        const seq = rng.int(0, 499) * 2 + (sex === MALE ? 1 : 0);
        idcard = makeIdCard(LICHENG_REGION, birth, seq);
      } while (idcards.has(idcard));
      idcards.add(idcard);
      const name = personName(rng, sex);
      const worker = secretary || rng.chance(workerShare);
      const post = secretary
        ? `${org.category === CAT_RURAL ? "村" : org.category === CAT_COMMUNITY ? "社区" : ""}${org.name.endsWith("党委") ? "党委" : "党支部"}书记`
        : worker
          ? rng.pick(WORKER_POSTS)
          : rng.pick(POSTS[org.category]);
      const m: Member = {
        id: `M${String(members.length + 1).padStart(6, "0")}`,
        name,
        sex,
        birth,
        joined,
        org,
        late,
        secretary,
        tier: rng.weighted([0, 1, 2, 3], MEMBER_TIER_WEIGHTS),
        rec: {},
      };
      m.rec = {
        memberId: m.id,
        name,
        sex,
        idcard,
        birth: toISO(birth),
        org: org.id,
        joined: toISO(joined),
        status: joined > lateJoinSplit ? STATUS_PROBATION : STATUS_FULL,
        worker: worker ? YES : NO,
        post,
      };
      org.members.push(m);
      members.push(m);
    }
    org.rec = {
      orgId: org.id,
      orgName: org.name,
      unit: org.unit.id,
      category: org.category,
      title: TITLE_FOR_CATEGORY[org.category],
      secretary: org.members[0]?.name ?? null,
      memberCount: org.members.length,
    };
  }

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
  const values: Record<(typeof COVER_LABELS)[number], string> = {
    填报单位: single ? single.name : "历城区创先争优活动领导小组办公室",
    负责人: single ? single.head : personName(rng, MALE),
    填表人: personName(rng, FEMALE),
    联系电话: phoneNumber(rng),
    报出时间: toISO(AS_OF),
  };
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
