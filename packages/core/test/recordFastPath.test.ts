import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ActualRecordSchema } from "../src/index.js";
import { fastActualRecord } from "../src/recordFastPath.js";

const valid = {
  id: "r1",
  activityId: "a1",
  unitId: "trung-tam-thong-tin",
  date: "2018-05-01",
  output: 3,
  participants: 40,
  costVnd: 1_500_000,
  evidenceUrl: "https://example.gov.vn/tin/1",
  note: "Đăng tin",
};

// Values that sit on the edges of what the schema accepts.
const edgy = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "r1",
    "Đ1",
    "-x",
    "a b",
    "x".repeat(201),
    "2018-02-29",
    "2020-02-29",
    "2018-13-01",
    "2018-1-01",
    "http://a",
    "https://example.gov.vn/a?b=1",
    "http://999.1.1.1/",
    "http://1.2.3.4",
    "http://xn--a.vn",
    "http://a:99999",
    "ftp://a.vn",
    "https:/a.vn",
    " https://a.vn",
    "https://a.vn\t",
    "https://-a.vn/x",
    "Uỷ ban",
    "  hoà  ",
  ),
  fc.double(),
  fc.integer({ min: -5, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(-0, 0.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constant(undefined),
  fc.constant(null),
  fc.string(),
  fc.webUrl(),
);

describe("fastActualRecord", () => {
  it("accepts the ordinary record and returns what the schema returns", () => {
    expect(fastActualRecord(valid)).toEqual(ActualRecordSchema.parse(valid));
  });

  it("never accepts what the schema rejects, and returns the same value when it accepts", () => {
    const keys = Object.keys(valid) as (keyof typeof valid)[];
    fc.assert(
      fc.property(
        fc.subarray([...keys, "extra" as const]),
        fc.dictionary(fc.constantFrom(...keys, "extra"), edgy),
        (dropped, replaced) => {
          const input: Record<string, unknown> = { ...valid };
          for (const k of dropped) delete input[k];
          Object.assign(input, replaced);
          const fast = fastActualRecord(input);
          const slow = ActualRecordSchema.safeParse(input);
          if (fast !== undefined) {
            expect(slow.success).toBe(true);
            expect(fast).toEqual(slow.data);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("returns undefined for non-objects", () => {
    for (const v of [null, undefined, 1, "x", [], [valid]]) expect(fastActualRecord(v)).toBeUndefined();
  });
});
