/**
 * Nothing invented: a time after a unit's name is not part of the name, and a kind word alone
 * ("Sở") names no unit — the funding source then gets a finding instead of a made-up manager.
 */
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/index.js";
import { provincePlan } from "./support.js";

const FUNDING = "4. Kinh phí thực hiện từ nguồn kinh phí tự chủ của các cơ quan, đơn vị.";
const withFunding = (line: string) => {
  const base = provincePlan();
  expect(base).toContain(FUNDING);
  return base.replace(FUNDING, `4. ${line}`);
};

describe("units are read from the text, never invented", () => {
  it('"giao cho Sở năm 2025" creates no unit "Sở năm 2025"; the manager unknown is a finding', () => {
    const r = importPlanText(withFunding("Kinh phí thực hiện từ ngân sách nhà nước giao cho Sở năm 2025."));
    const names = (r.draft.units ?? []).map((u) => u.name);
    expect(names.filter((n) => /^Sở( năm 2025)?$/u.test(n))).toEqual([]);
    const funding = (r.draft.fundingSources ?? []).find((f) => /năm 2025/u.test(f.text));
    expect(funding?.managedBy).toBeUndefined();
    expect(r.findings.some((f) => /managedBy/.test(f.message.en))).toBe(true);
  });

  it('"giao cho Sở Nội vụ năm 2025": the unit is "Sở Nội vụ", the year is not part of its name', () => {
    const r = importPlanText(
      withFunding("Kinh phí thực hiện từ ngân sách nhà nước giao cho Sở Nội vụ năm 2025."),
    );
    const funding = (r.draft.fundingSources ?? []).find((f) => /năm 2025/u.test(f.text));
    const unit = (r.draft.units ?? []).find(
      (u) => u.id === (funding?.managedBy as { unitId?: string })?.unitId,
    );
    expect(unit?.name).toBe("Sở Nội vụ");
    expect((r.draft.units ?? []).map((u) => u.name)).not.toContain("Sở Nội vụ năm 2025");
  });
});

describe("joint offices", () => {
  it('"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã" is one unit, not two', () => {
    const r = importPlanText(
      withFunding("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã chủ trì, tham mưu triển khai Kế hoạch."),
    );
    const names = (r.draft.units ?? []).map((u) => u.name);
    expect(names).toContain("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã");
    expect(names).not.toContain("Văn phòng Hội đồng nhân dân");
  });
});
