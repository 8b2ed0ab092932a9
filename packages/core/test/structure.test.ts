import { describe, expect, it } from "vitest";
import {
  checkActivity,
  checkRecord,
  checkReport,
  communeTotals,
  createTrackingContext,
  DEFAULT_CATALOGUES,
  FORMER_PROVINCE_REFERENCES,
  inForceOn,
  issuersNamed,
  LEGAL_BASES,
  MINISTRY_REFERENCES,
  mic2018,
  ministriesOn,
  PAR_COMMUNICATION_PRESET,
  PROVINCE_REFERENCES,
  PROVINCIAL_DEPARTMENTS,
  provincesOn,
  SAMPLE_PLAN_NAMES,
  samplePlan,
  sampleTracking,
  scorePlan,
  validatePlan,
} from "../src/index.js";

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe("reference data of the administrative structure", () => {
  it("has 34 provinces and cities since 1 July 2025 (6 cities, 28 provinces) and 63 before", () => {
    const now = provincesOn("2026-01-01");
    expect(now).toHaveLength(34);
    expect(now.filter((p) => p.level === "city").map((p) => p.name)).toEqual([
      "Hà Nội",
      "Huế",
      "Hải Phòng",
      "Đà Nẵng",
      "Hồ Chí Minh",
      "Cần Thơ",
    ]);
    expect(provincesOn("2018-06-01")).toHaveLength(63);
    expect(provincesOn("2025-06-30")).toHaveLength(63);
    expect(provincesOn("2025-07-01")).toHaveLength(34);
    // 52 merged into 23, 11 unchanged
    expect(PROVINCE_REFERENCES.filter((p) => p.merged === undefined)).toHaveLength(11);
    expect(PROVINCE_REFERENCES.flatMap((p) => p.merged ?? [])).toHaveLength(52);
  });

  it("sums the commune-level units to exactly 3,321: 2,636 xã, 672 phường, 13 đặc khu", () => {
    expect(communeTotals()).toEqual({ xa: 2636, phuong: 672, dacKhu: 13, total: 3321 });
    for (const p of PROVINCE_REFERENCES) expect(p.communes?.countSource).toBe("UBTVQH15-2025-xa");
  });

  it("has 14 ministries and 3 ministry-level agencies since 1 March 2025, 22 in 2018", () => {
    const now = ministriesOn("2025-03-01");
    expect(now.filter((m) => m.level === "ministry")).toHaveLength(14);
    expect(now.filter((m) => m.level === "ministry-level").map((m) => m.abbreviation)).toEqual([
      "NHNN",
      "TTCP",
      "VPCP",
    ]);
    expect(now.map((m) => m.abbreviation)).toContain("BNNMT");
    expect(now.map((m) => m.abbreviation)).toContain("BDTTG");
    const then = ministriesOn("2018-01-01");
    expect(then).toHaveLength(22);
    expect(then.map((m) => m.abbreviation)).toContain("BTTTT");
    expect(then.map((m) => m.abbreviation)).not.toContain("BNNMT");
  });

  it("cites a known act for every date it gives", () => {
    const keys = [
      ...MINISTRY_REFERENCES.flatMap((m) => [m.basis, m.endedBy]),
      ...[...PROVINCE_REFERENCES, ...FORMER_PROVINCE_REFERENCES].flatMap((p) => [p.basis, p.endedBy]),
      ...PROVINCIAL_DEPARTMENTS.map((d) => d.basis),
      ...DEFAULT_CATALOGUES.unitKinds.map((k) => k.basis),
    ].filter((k): k is string => k !== undefined);
    for (const k of keys) expect(LEGAL_BASES[k], k).toBeDefined();
    for (const m of MINISTRY_REFERENCES)
      if (m.until !== undefined) expect(m.successors?.length, m.name).toBeGreaterThan(0);
    for (const p of FORMER_PROVINCE_REFERENCES)
      expect(
        PROVINCE_REFERENCES.some((c) => c.id === p.successor),
        p.name,
      ).toBe(true);
  });

  it("finds an issuer by name whatever the case and tone placement", () => {
    expect(issuersNamed("ủy ban nhân dân tỉnh quảng nam").map((r) => r.entry.id)).toEqual([
      "tinh-quang-nam:old",
    ]);
    // a province that kept its name through the merger has both entries
    expect(issuersNamed("Ủy ban nhân dân tỉnh Lào Cai")).toHaveLength(2);
    expect(issuersNamed("Ủy ban nhân dân Thành phố Hồ Chí Minh")).toHaveLength(2);
    expect(issuersNamed("Bộ Thông tin và Truyền thông")[0]?.entry.until).toBe("2025-02-28");
    expect(inForceOn({ from: "2025-07-01" }, "2025-06-30")).toBe(false);
  });
});

describe("unit kinds of two-tier local government", () => {
  const kinds = new Map(DEFAULT_CATALOGUES.unitKinds.map((k) => [k.code, k] as const));
  it("has xã, phường and đặc khu and keeps the district level for historical plans", () => {
    for (const code of ["commune-committee", "ward-committee", "special-zone-committee", "commune-office"])
      expect(kinds.get(code)?.group).toBe("commune-level");
    expect(kinds.get("district-committee")).toMatchObject({
      group: "district-level",
      validUntil: "2025-06-30",
    });
    expect(kinds.get("special-zone-committee")?.validFrom).toBe("2025-07-01");
  });

  const withDistrict = (date: string | undefined, year: number) => {
    const plan = structuredClone(samplePlan("lao-cai-2026")) as Record<string, unknown> & {
      title: string;
      units: { id: string; name: string; kind: string }[];
    };
    plan.year = year;
    if (date === undefined) delete plan.date;
    else plan.date = date;
    plan.title = plan.title.replace("2026", String(year));
    plan.units.push({ id: "ubnd-huyen", name: "Ủy ban nhân dân huyện Bảo Yên", kind: "district-committee" });
    return plan;
  };

  it("warns when a plan dated on or after 1 July 2025 names a district-level unit", () => {
    const r = validatePlan(withDistrict("2026-01-20", 2026));
    const f = r.warnings.filter((w) => w.code === "unit-kind-not-in-force");
    expect(f).toHaveLength(1);
    expect(f[0]?.path).toEqual(["units", 13, "kind"]);
    expect(f[0]?.message.vi).toContain("hai cấp");
    expect(f[0]?.message.en).toContain("two-tier");
    // a plan of 2026 without a date of issue is after it too
    expect(codes(validatePlan(withDistrict(undefined, 2026)).warnings)).toContain("unit-kind-not-in-force");
    expect(codes(validatePlan(withDistrict("2025-07-01", 2025)).warnings)).toContain(
      "unit-kind-not-in-force",
    );
  });

  it("accepts the district level in a plan dated before 1 July 2025", () => {
    expect(codes(validatePlan(withDistrict("2025-06-30", 2025)).warnings)).not.toContain(
      "unit-kind-not-in-force",
    );
    expect(codes(validatePlan(withDistrict(undefined, 2025)).warnings)).not.toContain(
      "unit-kind-not-in-force",
    );
  });

  it("warns about a đặc khu in a plan issued before đặc khu existed", () => {
    const plan = structuredClone(mic2018) as typeof mic2018 & { units: object[] };
    plan.units = [
      ...plan.units,
      { id: "dk", name: "Ủy ban nhân dân đặc khu Phú Quốc", kind: "special-zone-committee" },
    ];
    const f = validatePlan(plan).warnings.filter((w) => w.code === "unit-kind-not-in-force");
    expect(f.map((w) => w.message.en)).toEqual([expect.stringContaining("exists from 2025-07-01")]);
  });
});

describe("issuers in force", () => {
  it("warns about a 2026 plan of a merged-away ministry or province, naming the successor", () => {
    const ministry = { ...structuredClone(mic2018), year: 2026, title: "KẾ HOẠCH 2026" };
    const w = validatePlan(ministry).warnings.find((f) => f.code === "issuer-not-in-force");
    expect(w?.path).toEqual(["issuer", "name"]);
    expect(w?.message.vi).toContain("Bộ Khoa học và Công nghệ");
    const province = {
      ...structuredClone(samplePlan("lao-cai-2026")),
      issuer: { name: "Ủy ban nhân dân tỉnh Quảng Nam", abbreviation: "UBND" },
    };
    const p = validatePlan(province).warnings.find((f) => f.code === "issuer-not-in-force");
    expect(p?.message.vi).toContain("Ủy ban nhân dân thành phố Đà Nẵng");
  });

  it("accepts a merged province's own name before and after the merger", () => {
    const before = { ...structuredClone(samplePlan("lao-cai-2026")), year: 2018, date: "2018-02-01" };
    const r = validatePlan(before);
    expect(codes(r.warnings)).not.toContain("issuer-not-in-force");
  });
});

describe("the 2026 samples", () => {
  it("old plans still validate unchanged: mic-2018 has exactly its four header warnings", () => {
    const r = validatePlan(mic2018);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings).sort()).toEqual(
      [
        "header-date-missing",
        "header-number-missing",
        "header-place-missing",
        "header-signer-missing",
      ].sort(),
    );
  });

  it.each(["lao-cai-2026", "xa-bao-thang-2026"] as const)("%s is valid with no finding at all", (name) => {
    expect(SAMPLE_PLAN_NAMES).toContain(name);
    const r = validatePlan(samplePlan(name));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("the commune plan implements the province plan, whose unit it is", () => {
    const commune = samplePlan("xa-bao-thang-2026");
    const province = samplePlan("lao-cai-2026");
    expect(commune.parent).toMatchObject({
      planId: province.id,
      year: province.year,
      number: province.number,
    });
    expect(province.units.map((u) => u.name)).toContain(commune.issuer.name);
    expect(province.units.some((u) => u.kind === "district-committee")).toBe(false);
  });

  it.each(["lao-cai-2026", "xa-bao-thang-2026"] as const)(
    "%s ships tracking data that checks and scores",
    (name) => {
      const plan = samplePlan(name);
      const tracking = sampleTracking(name);
      expect(tracking).toBeDefined();
      if (!tracking) return;
      const ctx = createTrackingContext(plan);
      const findings = [
        ...tracking.activities.flatMap((a) => checkActivity(a, ctx).findings),
        ...tracking.records.flatMap((r) => checkRecord(r, ctx).findings),
        ...tracking.reports.flatMap((r) => checkReport(r, ctx).findings),
      ];
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      const sheet = scorePlan(
        { plan, ...tracking },
        { scheme: PAR_COMMUNICATION_PRESET, asOf: "2026-07-01T00:00:00+07:00" },
      );
      expect(sheet.counts.records).toBe(tracking.records.length);
      expect(sheet.agency.points).toBeGreaterThan(0);
    },
  );
});
