// The sample's population: 党（工）委, their basic organisations and the organisations' members, each
// built in its own step. Every step draws from the one Rng in a fixed order, so the sample stays
// identical for a given seed: reordering the steps (or the draws inside one) changes the sample.
import { TITLE_FOR_CATEGORY } from "../engine/schema";
import { type Day, addYears, toISO } from "../engine/dates";
import { LICHENG_REGION, makeIdCard } from "./idcard";
import {
  DEPARTMENTS,
  PLACES,
  communityWord,
  companyName,
  ordinal,
  personName,
  societyName,
  villageName,
} from "./names";
import { type Rng, apportion } from "./prng";
import {
  CAT_COMMUNITY,
  CAT_INSTITUTION,
  CAT_OFFICE,
  CAT_PRIVATE,
  CAT_RURAL,
  CAT_SOCIAL,
  FEMALE,
  MALE,
  NO,
  R,
  SAMPLE_AS_OF,
  STATUS_FULL,
  STATUS_PROBATION,
  UT_DEPT,
  UT_DEV,
  UT_STREET,
  UT_TOWN,
  Y,
  YES,
  randDay,
} from "./records";
import type { Member, Org, Rec, Unit } from "./types";

export interface Population {
  units: Unit[];
  orgs: Org[];
  members: Member[];
}

export interface PopulationSize {
  units: number;
  orgsPerUnit: number;
  membersPerOrg: number;
}

// Quality tiers: 0 excellent, 1 good, 2 middling, 3 weak.
const ORG_TIER_WEIGHTS = [0.16, 0.34, 0.35, 0.15];
const MEMBER_TIER_WEIGHTS = [0.14, 0.38, 0.36, 0.12];

export function buildPopulation(rng: Rng, size: PopulationSize): Population {
  const names = new UniqueNames();
  const units = buildUnits(rng, size.units, names);
  const orgs = buildOrgs(rng, units, size.orgsPerUnit);
  const memberCounts = apportion(
    Math.round(orgs.length * size.membersPerOrg),
    orgs.map((o) => MEMBER_WEIGHT[o.category] * (0.6 + rng.next() * 0.8)),
    Math.min(3, Math.floor(size.membersPerOrg)),
  );
  nameOrgs(rng, orgs, memberCounts, names);
  const members = buildMembers(rng, orgs, memberCounts);
  return { units, orgs, members };
}

/** Unit and organisation names, each used once; a repeated draw becomes 第二党支部, 第三党支部 …. */
class UniqueNames {
  private readonly used = new Set<string>();

  add(name: string): void {
    this.used.add(name);
  }

  /** Up to 30 draws for a fresh name, then a numbered variant of one more draw. */
  draw(make: () => string): string {
    for (let i = 0; i < 30; i++) {
      const n = make();
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    let k = 2;
    const base = make();
    const numbered = (k: number) => base.replace(/党(支部|委)$/, `第${ordinal(k)}党支部`);
    while (this.used.has(numbered(k))) k++;
    const n = numbered(k);
    this.used.add(n);
    return n;
  }
}

// ---------------------------------------------------------------------------------------------
// 党（工）委

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

function buildUnits(rng: Rng, nUnits: number, names: UniqueNames): Unit[] {
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
  return unitTypes(nUnits).map((type, i) => {
    const id = `U${String(i + 1).padStart(nUnits >= 100 ? 3 : 2, "0")}`;
    const { place, name } =
      type === UT_DEPT ? departmentUnit(depts[deptIdx++].name) : placeUnit(type, nextPlace());
    names.add(name);
    const head = personName(rng, rng.chance(0.8) ? MALE : FEMALE);
    const plan = R.planDeadline - rng.int(0, 20);
    const unit: Unit = { id, name, type, place, head, numeric: i % 5 === 1, orgs: [], rec: {} };
    unit.rec = { unitId: id, unitName: name, unitType: type, head, planDate: toISO(plan) };
    return unit;
  });
}

function departmentUnit(dept: string): { place: string; name: string } {
  return { place: dept, name: `历城区${dept}党委` };
}

function placeUnit(type: string, place: string): { place: string; name: string } {
  const name =
    type === UT_STREET
      ? `历城区${place}街道党工委`
      : type === UT_TOWN
        ? `历城区${place}镇党委`
        : `历城区${place}开发区党工委`;
  return { place, name };
}

// ---------------------------------------------------------------------------------------------
// 基层党组织

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
const UNIT_ORG_WEIGHT: Readonly<Record<string, number>> = {
  [UT_STREET]: 1,
  [UT_TOWN]: 1.3,
  [UT_DEV]: 0.8,
  [UT_DEPT]: 0.7,
};

/** Organisations per unit (apportioned by unit type): the first is its 机关, the second its main kind. */
function buildOrgs(rng: Rng, units: Unit[], orgsPerUnit: number): Org[] {
  const orgCounts = apportion(
    Math.round(units.length * orgsPerUnit),
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
  return orgs;
}

/** Names need the member count: a big community has a 社区党委. */
function nameOrgs(rng: Rng, orgs: Org[], memberCounts: number[], names: UniqueNames): void {
  for (const [oi, org] of orgs.entries()) org.name = names.draw(orgNameMaker(rng, org, memberCounts[oi]));
}

function orgNameMaker(rng: Rng, org: Org, memberCount: number): () => string {
  const unit = org.unit;
  switch (org.category) {
    case CAT_OFFICE: {
      const kind =
        unit.type === UT_STREET
          ? "街道"
          : unit.type === UT_TOWN
            ? "镇"
            : unit.type === UT_DEV
              ? "开发区"
              : "";
      const officeIndex = unit.orgs.filter((o) => o.category === CAT_OFFICE).indexOf(org) + 1;
      const base = unit.type === UT_DEPT ? `区${unit.place}机关` : `${unit.place}${kind}机关`;
      return () => (officeIndex <= 1 ? `${base}党支部` : `${base}第${ordinal(officeIndex)}党支部`);
    }
    case CAT_RURAL:
      return () => {
        const v = villageName(rng);
        return `${v}${v.endsWith("村") ? "" : "村"}党支部`;
      };
    case CAT_COMMUNITY:
      return () => `${communityWord(rng)}社区${memberCount >= 40 ? "党委" : "党支部"}`;
    case CAT_INSTITUTION: {
      const dept = DEPARTMENTS.find((d) => d.name === unit.place);
      return () => {
        const inst = dept
          ? rng.pick(dept.inst)
          : rng.pick(["中学", "中心小学", "卫生院", "文化站", "敬老院", "幼儿园", "农业综合服务站"]);
        const where = dept ? rng.pick(PLACES) : rng.chance(0.5) ? unit.place : rng.pick(PLACES);
        return `${where}${inst}党支部`;
      };
    }
    case CAT_PRIVATE:
      return () => `${companyName(rng)}党支部`;
    default:
      return () => `${societyName(rng, unit.place)}党支部`;
  }
}

// ---------------------------------------------------------------------------------------------
// 党员

const MEMBER_WEIGHT: Readonly<Record<string, number>> = {
  [CAT_RURAL]: 35,
  [CAT_COMMUNITY]: 45,
  [CAT_OFFICE]: 20,
  [CAT_INSTITUTION]: 22,
  [CAT_PRIVATE]: 10,
  [CAT_SOCIAL]: 7,
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

/** What every member draw shares: ID cards already used, the 预备党员 cut-off, the worker share. */
interface MemberContext {
  rng: Rng;
  idcards: Set<string>;
  /** Joined after this → still 预备党员 at 检查基准日. */
  lateJoinSplit: Day;
  /** Chance of a non-secretary being a 党务工作者 (about 5 % of all members are). */
  workerShare: number;
}

/** Members per organisation, the first one its secretary; then the organisation's own row. */
function buildMembers(rng: Rng, orgs: Org[], memberCounts: number[]): Member[] {
  const totalMembers = memberCounts.reduce((a, b) => a + b, 0);
  const ctx: MemberContext = {
    rng,
    idcards: new Set(),
    lateJoinSplit: addYears(SAMPLE_AS_OF, -1),
    workerShare: Math.max(0, (0.05 * totalMembers - orgs.length) / Math.max(1, totalMembers - orgs.length)),
  };
  const members: Member[] = [];
  for (const [oi, org] of orgs.entries()) {
    for (let k = 0; k < memberCounts[oi]; k++) {
      const m = makeMember(ctx, org, k === 0, `M${String(members.length + 1).padStart(6, "0")}`);
      org.members.push(m);
      members.push(m);
    }
    org.rec = orgRecord(org);
  }
  return members;
}

function makeMember(ctx: MemberContext, org: Org, secretary: boolean, id: string): Member {
  const { rng } = ctx;
  const late = !secretary && rng.chance(0.05);
  const joinedInPhase1 = !secretary && !late && rng.chance(0.012);
  const sex: "男" | "女" = rng.chance(secretary ? 0.75 : (MALE_SHARE[org.category] ?? 0.55)) ? MALE : FEMALE;
  const { birth, joined } = late || joinedInPhase1 ? recentJoin(ctx, late) : longStandingJoin(rng, secretary);
  const idcard = freshIdCard(ctx, birth, sex);
  const name = personName(rng, sex);
  const worker = secretary || rng.chance(ctx.workerShare);
  const post = secretary
    ? secretaryPost(org)
    : worker
      ? rng.pick(WORKER_POSTS)
      : rng.pick(POSTS[org.category]);
  const m: Member = {
    id,
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
    status: joined > ctx.lateJoinSplit ? STATUS_PROBATION : STATUS_FULL,
    worker: worker ? YES : NO,
    post,
  };
  return m;
}

/** Joined during the campaign: after 第一时段 (`late`), or rarely within it. */
function recentJoin(ctx: MemberContext, late: boolean): { birth: Day; joined: Day } {
  const { rng, lateJoinSplit } = ctx;
  const joined = late
    ? rng.chance(0.2)
      ? randDay(rng, Y(2011, 1, 5), lateJoinSplit - 1)
      : randDay(rng, lateJoinSplit + 1, SAMPLE_AS_OF - 7)
    : randDay(rng, Y(2010, 5, 10), Y(2010, 10, 31));
  const age = rng.int(19, 35);
  return { birth: addYears(joined, -age) - rng.int(1, 360), joined };
}

/** Joined before the campaign, at least 18 years and a month after birth. */
function longStandingJoin(rng: Rng, secretary: boolean): { birth: Day; joined: Day } {
  const age2010 = secretary ? rng.int(30, 62) : 22 + Math.round((rng.next() + rng.next()) * 30);
  const birth = Y(2010 - age2010, 1, 1) + rng.int(0, 364);
  const earliest = addYears(birth, 18) + 30;
  const latest = Math.min(R.campaignStart - 1, addYears(birth, 18 + 30));
  const joined = earliest + Math.floor(Math.pow(rng.next(), 1.6) * Math.max(0, latest - earliest));
  return { birth, joined };
}

function freshIdCard(ctx: MemberContext, birth: Day, sex: "男" | "女"): string {
  let idcard: string;
  do {
    const seq = ctx.rng.int(0, 499) * 2 + (sex === MALE ? 1 : 0);
    idcard = makeIdCard(LICHENG_REGION, birth, seq);
  } while (ctx.idcards.has(idcard));
  ctx.idcards.add(idcard);
  return idcard;
}

function secretaryPost(org: Org): string {
  const where = org.category === CAT_RURAL ? "村" : org.category === CAT_COMMUNITY ? "社区" : "";
  return `${where}${org.name.endsWith("党委") ? "党委" : "党支部"}书记`;
}

function orgRecord(org: Org): Rec {
  return {
    orgId: org.id,
    orgName: org.name,
    unit: org.unit.id,
    category: org.category,
    title: TITLE_FOR_CATEGORY[org.category],
    secretary: org.members[0]?.name ?? null,
    memberCount: org.members.length,
  };
}
