/**
 * Round trip through PDF: the plan our PDF exporter writes imports back with the importer's PDF
 * entry, every modelled field equal to the plan exported except two, named here with why; over a
 * page or size limit it is refused with a bilingual message.
 */
import { samplePlan } from "@cchc/core";
import { exportPdf } from "@cchc/export-pdf";
import { importPlanPdf } from "@cchc/import/pdf";
import { describe, expect, it } from "vitest";

const ISSUED = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

const FIELDS = [
  "issuer",
  "year",
  "objectives",
  "requirements",
  "audiences",
  "channels",
  "units",
  "responsibilities",
  "fundingSources",
  "reporting",
  "recipients",
] as const;

describe("PDF round trip (our exporter → importPlanPdf)", () => {
  it("the mic-2018 plan comes back equal in every modelled field but title case and one wrapped item", async () => {
    const sample = samplePlan("mic-2018");
    const file = await exportPdf({ kind: "plan", plan: sample }, ISSUED as never);
    const r = await importPlanPdf(file.bytes);
    expect(r.error).toBeUndefined();
    const plan = r.plan;
    expect(plan).toBeDefined();
    for (const key of FIELDS) expect(plan?.[key], key).toEqual(sample[key]);
    // The header the export was issued with.
    expect(plan?.number).toBe(ISSUED.number);
    expect(plan?.place).toBe(ISSUED.place);
    expect(plan?.date).toBe(ISSUED.date);
    expect(plan?.signer).toEqual(ISSUED.signer);
    // Known differences: the exporter writes the trích yếu in sentence case (Decree 30), the sample
    // has it in capitals; and a content item whose second sentence starts a PDF line ("… về CCHC." /
    // "Trong đó, …") reads as two items, the PDF's lines having no paragraph marks.
    expect(plan?.title.toLocaleUpperCase("vi")).toBe(sample.title.toLocaleUpperCase("vi"));
    expect(plan?.contentAreas.length).toBe(sample.contentAreas.length + 1);
    expect(r.counts.placed + r.counts.leftovers + r.counts.skipped).toBe(r.counts.lines);
  }, 60_000);

  it("over the size or page limit the agency set: refused, bilingual", async () => {
    const file = await exportPdf({ kind: "plan", plan: samplePlan("mic-2018") }, ISSUED as never);
    const big = await importPlanPdf(file.bytes, { maxBytes: 1000 });
    expect(big.error?.code).toBe("import.input-too-large");
    const pages = await importPlanPdf(file.bytes, { maxPages: 1 });
    expect(pages.error?.code).toBe("import.pdf-too-many-pages");
    expect(pages.error?.message.vi).toMatch(/quá giới hạn 1 trang/);
    expect(pages.error?.message.en).toMatch(/over the limit of 1/);
  }, 60_000);
});
