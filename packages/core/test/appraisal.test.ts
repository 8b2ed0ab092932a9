import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Result from "effect/Result";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  answerEntry,
  appraiseEntry,
  changeAppraisalRound,
  checkEvidence,
  DEFAULT_EVIDENCE_LIMITS,
  type EntryTarget,
  EvidenceStore,
  entryId,
  MemoryEvidenceStore,
  MemoryStorage,
  type NodeScore,
  openAppraisalRound,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  Storage,
  samplePlan,
  sanitizeFileName,
  scoreStoredPlan,
  selfAssessEntry,
  sniffEvidenceTypeAsync,
  unsafeFileName,
} from "../src/index.js";

const LEAD: Actor = { role: "lead", userId: "tccb.lead" };
const COUNCIL: Actor = { role: "council", userId: "hd.member" };
const UNIT = "trung-tam-thong-tin";
const OTHER = "van-phong-bo";
const REPORTER: Actor = { role: "reporter", unitId: UNIT, userId: "ttt.reporter" };
const AGENCY = "bo-tttt";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** A ZIP of stored (uncompressed) parts, enough for the content-types check. */
function storedZip(parts: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const chunks: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) =>
    a.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  let count = 0;
  for (const [name, text] of Object.entries(parts)) {
    const n = enc.encode(name);
    const data = enc.encode(text);
    const offset = chunks.length;
    u32(chunks, 0x04034b50);
    for (const v of [20, 0, 0, 0, 0]) u16(chunks, v);
    u32(chunks, 0);
    u32(chunks, data.length);
    u32(chunks, data.length);
    u16(chunks, n.length);
    u16(chunks, 0);
    chunks.push(...n, ...data);
    u32(central, 0x02014b50);
    for (const v of [20, 20, 0, 0, 0, 0]) u16(central, v);
    u32(central, 0);
    u32(central, data.length);
    u32(central, data.length);
    for (const v of [n.length, 0, 0, 0, 0]) u16(central, v);
    u32(central, 0);
    u32(central, offset);
    central.push(...n);
    count++;
  }
  const cdOffset = chunks.length;
  const out = [...chunks, ...central];
  u32(out, 0x06054b50);
  for (const v of [0, 0, count, count]) u16(out, v);
  u32(out, central.length);
  u32(out, cdOffset);
  u16(out, 0);
  return new Uint8Array(out);
}

const DOCX = storedZip({
  "[Content_Types].xml":
    '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  "word/document.xml": "<w:document/>",
});
const XLSX = storedZip({
  "[Content_Types].xml":
    '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
});
const PLAIN_ZIP = storedZip({ "a.txt": "hello" });

const layer = () => Layer.mergeAll(MemoryStorage.layer(), MemoryEvidenceStore.layer());

const run = <A, E>(effect: Effect.Effect<A, E, Storage | EvidenceStore>, l = layer()) =>
  Effect.runPromise(Effect.provide(effect, l));

/** The failure of an effect (the test fails if it succeeded). */
const failure = <A, E>(effect: Effect.Effect<A, E, Storage | EvidenceStore>) =>
  Effect.flip(effect) as Effect.Effect<E, A, Storage | EvidenceStore>;

const target = (plan: Plan, unitId: string | null = UNIT, extra: Partial<EntryTarget> = {}): EntryTarget => ({
  agencyId: AGENCY,
  plan,
  scheme: PAR_COMMUNICATION_PRESET,
  unitId,
  nodeId: "tt.4.2",
  ...extra,
});

const unitPoints = (sheet: { units: readonly { unitId: string; points: number }[] }, id: string) =>
  sheet.units.find((u) => u.unitId === id)?.points as number;

/** Finds a node score anywhere in a tree. */
const findNode = (nodes: readonly NodeScore[], id: string): NodeScore | undefined => {
  for (const n of nodes) {
    if (n.nodeId === id) return n;
    const c = findNode(n.children ?? [], id);
    if (c) return c;
  }
  return undefined;
};

describe("appraisal cycle (memory store)", () => {
  it("self → appraise lower → answer → round 2 → close: the score moves by exactly the decided points; reopen is recorded", async () => {
    const plan = samplePlan("mic-2018");
    const program = Effect.gen(function* () {
      const store = yield* Storage;
      yield* store.savePlan(AGENCY, plan, null);
      const options = { scheme: PAR_COMMUNICATION_PRESET };
      const before = yield* scoreStoredPlan(AGENCY, plan.id, options);

      const opened = yield* openAppraisalRound(
        AGENCY,
        plan,
        { periodId: "2018", deadline: "2099-12-31" },
        LEAD,
      );
      expect(opened.value.state).toBe("open");
      const self = yield* selfAssessEntry(
        target(plan),
        {
          points: 0.5,
          note: "Sáng kiến: chuyên mục CCHC",
          files: [{ name: "bao-cao.pdf", bytes: PDF }],
          links: ["https://example.vn/cchc"],
        },
        REPORTER,
      );
      expect(self.version).toBe(1);
      expect(self.value.self?.evidence[0]).toMatchObject({
        name: "bao-cao.pdf",
        mediaType: "application/pdf",
        size: PDF.length,
      });
      const fileId = self.value.self?.evidence[0]?.fileId as string;
      const stored = yield* (yield* EvidenceStore).get(AGENCY, fileId);
      expect([...stored.bytes]).toEqual([...PDF]);

      const selfScored = yield* scoreStoredPlan(AGENCY, plan.id, options);
      expect(unitPoints(selfScored, UNIT) - unitPoints(before, UNIT)).toBeCloseTo(0.5, 9);

      yield* changeAppraisalRound(AGENCY, plan.id, undefined, { kind: "advance" }, LEAD);
      const appraised = yield* appraiseEntry(
        target(plan),
        { points: 0.25, comment: "Chưa đủ minh chứng" },
        COUNCIL,
      );
      expect(appraised.value.stage).toBe("appraised");
      yield* changeAppraisalRound(
        AGENCY,
        plan.id,
        "2018",
        { kind: "advance", answerDeadline: "2099-12-31" },
        LEAD,
      );
      const answered = yield* answerEntry(
        target(plan),
        { text: "Bổ sung bảng tổng hợp", files: [{ name: "tong-hop.xlsx", bytes: XLSX }] },
        REPORTER,
      );
      expect(answered.value.answer?.evidence[0]?.mediaType).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      yield* changeAppraisalRound(AGENCY, plan.id, "2018", { kind: "advance" }, LEAD);
      const decided = yield* appraiseEntry(
        target(plan),
        { points: 0.3, comment: "Chấp nhận một phần" },
        LEAD,
      );
      expect(decided.value.stage).toBe("decided");
      const closed = yield* changeAppraisalRound(AGENCY, plan.id, "2018", { kind: "close" }, LEAD);
      expect(closed.value.state).toBe("closed");

      const after = yield* scoreStoredPlan(AGENCY, plan.id, options);
      expect(unitPoints(after, UNIT) - unitPoints(before, UNIT)).toBeCloseTo(0.3, 9);
      const unit = after.units.find((u) => u.unitId === UNIT);
      const leaf = findNode(unit?.nodes ?? [], "tt.4.2") as NodeScore;
      expect(leaf.points).toBe(0.3);
      expect(leaf.explanation.text.vi).toContain("quyết định thẩm định vòng 2");
      expect(leaf.explanation.text.vi).toContain("đã chốt");
      expect(leaf.explanation.text.vi).toContain("đơn vị chủ trì (tccb.lead");
      expect(leaf.explanation.text.en).toContain("round-2 appraisal decision by the lead");
      // another unit and the agency as a whole are untouched
      expect(unitPoints(after, OTHER)).toBe(unitPoints(before, OTHER));
      expect(after.agency.points).toBe(before.agency.points);

      // closed: nothing can be written
      const refused = yield* failure(appraiseEntry(target(plan), { points: 0.5 }, LEAD));
      expect(refused).toMatchObject({ _tag: "AppraisalRefused", code: "appraisal.round-closed" });
      const noReason = yield* failure(
        changeAppraisalRound(AGENCY, plan.id, "2018", { kind: "reopen", reason: "  " }, LEAD),
      );
      expect(noReason).toMatchObject({ code: "appraisal.reason-required" });
      const byCouncil = yield* failure(
        changeAppraisalRound(AGENCY, plan.id, "2018", { kind: "reopen", reason: "x" }, COUNCIL),
      );
      expect(byCouncil).toMatchObject({ _tag: "PermissionDenied" });
      const reopened = yield* changeAppraisalRound(
        AGENCY,
        plan.id,
        "2018",
        { kind: "reopen", reason: "Khiếu nại của đơn vị được chấp nhận" },
        LEAD,
      );
      expect(reopened.value.state).toBe("round-2");

      const roundHistory = yield* store.appraisalHistory(AGENCY, plan.id, "round", "2018");
      expect(roundHistory.map((e) => e.action)).toEqual([
        "open",
        "advance",
        "advance",
        "advance",
        "close",
        "reopen",
      ]);
      expect(roundHistory.at(-1)).toMatchObject({
        reason: "Khiếu nại của đơn vị được chấp nhận",
        by: { role: "lead", userId: "tccb.lead" },
        version: 6,
      });
      const history = yield* store.appraisalHistory(
        AGENCY,
        plan.id,
        "entry",
        entryId("2018", UNIT, "tt.4.2"),
      );
      expect(history.map((e) => [e.action, e.by.userId, e.version])).toEqual([
        ["self-assess", "ttt.reporter", 1],
        ["appraise", "hd.member", 2],
        ["answer", "ttt.reporter", 3],
        ["decide", "tccb.lead", 4],
      ]);
      expect(history[1]?.changes.map((c) => c.field).sort()).toEqual(["appraisal", "stage"]);
      expect(history[1]?.changes.find((c) => c.field === "stage")).toMatchObject({
        from: "self-assessed",
        to: "appraised",
      });
    });
    await run(program);
  });

  it("an agency-level entry moves the agency score by exactly the appraised points", async () => {
    const plan = samplePlan("mic-2018");
    await run(
      Effect.gen(function* () {
        const store = yield* Storage;
        yield* store.savePlan(AGENCY, plan, null);
        const options = { scheme: PAR_COMMUNICATION_PRESET };
        const before = yield* scoreStoredPlan(AGENCY, plan.id, options);
        yield* openAppraisalRound(AGENCY, plan, { periodId: "2018", deadline: "2099-12-31" }, LEAD);
        // a reporter cannot score the agency as a whole
        const denied = yield* failure(
          selfAssessEntry(target(plan, null), { points: 0.5, note: "x" }, REPORTER),
        );
        expect(denied).toMatchObject({ _tag: "PermissionDenied" });
        yield* selfAssessEntry(target(plan, null), { points: 0.5, note: "Giải thích bằng văn bản" }, LEAD);
        yield* changeAppraisalRound(AGENCY, plan.id, undefined, { kind: "advance" }, LEAD);
        yield* appraiseEntry(target(plan, null), { points: 0.25 }, LEAD);
        const after = yield* scoreStoredPlan(AGENCY, plan.id, options);
        expect(after.agency.points - before.agency.points).toBeCloseTo(0.25, 9);
        const leaf = findNode(after.agency.nodes, "tt.4.2") as NodeScore;
        expect(leaf.explanation.text.vi).toContain("điểm thẩm định vòng 1");
        expect(leaf.explanation.text.vi).toContain("chưa chốt");
      }),
    );
  });

  it("refuses bad steps and changes nothing: over the maximum, no evidence, stale version, closed round, other unit, late, bad uploads", async () => {
    const plan = samplePlan("mic-2018");
    await run(
      Effect.gen(function* () {
        const store = yield* Storage;
        yield* store.savePlan(AGENCY, plan, null);
        yield* openAppraisalRound(AGENCY, plan, { periodId: "2018", deadline: "2099-12-31" }, LEAD);
        const entries = () => store.listEntries(AGENCY, plan.id);
        const expectNothing = Effect.gen(function* () {
          expect(yield* entries()).toEqual([]);
          expect(
            yield* store.appraisalHistory(AGENCY, plan.id, "entry", entryId("2018", UNIT, "tt.4.2")),
          ).toEqual([]);
        });

        const over = yield* failure(selfAssessEntry(target(plan), { points: 0.75, note: "x" }, REPORTER));
        expect(over).toMatchObject({ code: "appraisal.points-over-max" });
        expect(over.message).toContain("vượt điểm tối đa 0,5");
        expect(over.message).toContain("exceed the maximum 0.5");
        const negative = yield* failure(selfAssessEntry(target(plan), { points: -1, note: "x" }, REPORTER));
        expect(negative).toMatchObject({ code: "appraisal.points-invalid" });
        const missing = yield* failure(selfAssessEntry(target(plan), { points: 0.5 }, REPORTER));
        expect(missing).toMatchObject({ code: "appraisal.evidence-required" });
        const other = yield* failure(
          selfAssessEntry(target(plan, OTHER), { points: 0.5, note: "x" }, REPORTER),
        );
        expect(other).toMatchObject({ _tag: "PermissionDenied" });
        const metric = yield* failure(
          selfAssessEntry(target(plan, UNIT, { nodeId: "tt.1.1" }), { points: 0.5, note: "x" }, REPORTER),
        );
        expect(metric).toMatchObject({ code: "appraisal.criterion-not-manual" });
        const unknownUnit = yield* failure(
          selfAssessEntry(target(plan, "khong-co"), { points: 0.5, note: "x" }, LEAD),
        );
        expect(unknownUnit).toMatchObject({ code: "appraisal.unit-unknown" });
        const tooBig = new Uint8Array(DEFAULT_EVIDENCE_LIMITS.maxBytes + 1);
        tooBig.set(PDF);
        const big = yield* failure(
          selfAssessEntry(
            target(plan),
            { points: 0.5, files: [{ name: "to.pdf", bytes: tooBig }] },
            REPORTER,
          ),
        );
        expect(big).toMatchObject({ code: "evidence.too-large" });
        const mistyped = yield* failure(
          selfAssessEntry(
            target(plan),
            {
              points: 0.5,
              files: [{ name: "gia-mao.pdf", bytes: new TextEncoder().encode("<html>not a pdf</html>") }],
            },
            REPORTER,
          ),
        );
        expect(mistyped).toMatchObject({ code: "evidence.type-not-allowed" });
        expect(mistyped.message).toContain("xét theo nội dung, không theo tên");
        const pathy = yield* failure(
          selfAssessEntry(
            target(plan),
            { points: 0.5, files: [{ name: "../../etc/passwd.pdf", bytes: PDF }] },
            REPORTER,
          ),
        );
        expect(pathy).toMatchObject({ code: "evidence.name-unsafe" });
        const control = yield* failure(
          selfAssessEntry(
            target(plan),
            { points: 0.5, files: [{ name: "a\u0000b.pdf", bytes: PDF }] },
            REPORTER,
          ),
        );
        expect(control).toMatchObject({ code: "evidence.name-unsafe" });
        // a refused step stored no file either
        const withFiles = yield* failure(
          selfAssessEntry(target(plan), { points: 0.9, files: [{ name: "ok.pdf", bytes: PDF }] }, REPORTER),
        );
        expect(withFiles).toMatchObject({ code: "appraisal.points-over-max" });
        yield* expectNothing;

        // stale version: two appraisers based on the same version, one wins
        const v1 = yield* selfAssessEntry(target(plan), { points: 0.5, note: "Có giải thích" }, REPORTER);
        yield* changeAppraisalRound(AGENCY, plan.id, undefined, { kind: "advance" }, LEAD);
        const [a, b] = yield* Effect.all(
          [
            Effect.result(
              appraiseEntry(target(plan, UNIT, { expectedVersion: v1.version }), { points: 0.25 }, LEAD),
            ),
            Effect.result(
              appraiseEntry(target(plan, UNIT, { expectedVersion: v1.version }), { points: 0.4 }, COUNCIL),
            ),
          ],
          { concurrency: 2 },
        );
        const outcomes = [a, b].map((r) =>
          Result.isSuccess(r) ? "ok" : (r.failure as { _tag: string })._tag,
        );
        expect(outcomes.sort()).toEqual(["VersionConflict", "ok"]);
        const [stored] = yield* entries();
        expect(stored?.version).toBe(2);
        const stale = yield* failure(
          appraiseEntry(target(plan, UNIT, { expectedVersion: 1 }), { points: 0.1 }, LEAD),
        );
        expect(stale).toMatchObject({ _tag: "VersionConflict", expected: 1, actual: 2 });
        expect((yield* entries())[0]).toEqual(stored);
        // a reporter cannot appraise; a council member cannot open or close rounds
        expect(yield* failure(appraiseEntry(target(plan), { points: 0.5 }, REPORTER))).toMatchObject({
          _tag: "PermissionDenied",
        });
        expect(
          yield* failure(changeAppraisalRound(AGENCY, plan.id, undefined, { kind: "close" }, COUNCIL)),
        ).toMatchObject({ _tag: "PermissionDenied" });
        // self-assessment is over once appraisal started
        expect(
          yield* failure(selfAssessEntry(target(plan), { points: 0.1, note: "x" }, REPORTER)),
        ).toMatchObject({ code: "appraisal.wrong-state" });
        expect((yield* entries())[0]).toEqual(stored);
      }),
    );
  });

  it("refuses a reporter after the deadline, but records a late entry by the lead", async () => {
    const plan = samplePlan("mic-2018");
    await run(
      Effect.gen(function* () {
        const store = yield* Storage;
        yield* store.savePlan(AGENCY, plan, null);
        yield* openAppraisalRound(AGENCY, plan, { periodId: "2018", deadline: "2019-01-15" }, LEAD);
        const late = yield* failure(selfAssessEntry(target(plan), { points: 0.5, note: "x" }, REPORTER));
        expect(late).toMatchObject({ code: "appraisal.deadline-passed" });
        const byLead = yield* selfAssessEntry(target(plan), { points: 0.5, note: "Nhập hộ" }, LEAD);
        expect(byLead.value.self?.by).toEqual({ role: "lead", userId: "tccb.lead" });
        const again = yield* failure(
          openAppraisalRound(AGENCY, plan, { periodId: "2018", deadline: "2019-01-15" }, LEAD),
        );
        expect(again).toMatchObject({ code: "appraisal.round-exists" });
        const badPeriod = yield* failure(
          openAppraisalRound(AGENCY, plan, { periodId: "2019", deadline: "2019-01-15" }, LEAD),
        );
        expect(badPeriod).toMatchObject({ code: "appraisal.period-invalid" });
        const badDate = yield* failure(
          openAppraisalRound(AGENCY, plan, { periodId: "2018Q4", deadline: "2019-02-30" }, LEAD),
        );
        expect(badDate).toMatchObject({ code: "appraisal.deadline-invalid" });
      }),
    );
  });
});

describe("evidence checks", () => {
  it("reads the type from the bytes, not the name", async () => {
    expect(await sniffEvidenceTypeAsync(PDF)).toBe("application/pdf");
    expect(await sniffEvidenceTypeAsync(PNG)).toBe("image/png");
    expect(await sniffEvidenceTypeAsync(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(await sniffEvidenceTypeAsync(DOCX)).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(await sniffEvidenceTypeAsync(XLSX)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(await sniffEvidenceTypeAsync(PLAIN_ZIP)).toBeUndefined();
    expect(await sniffEvidenceTypeAsync(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBeUndefined();
    const r = await checkEvidence({ name: "that-ra-la-zip.docx", bytes: PLAIN_ZIP });
    expect(Result.isFailure(r) && r.failure.code).toBe("evidence.type-not-allowed");
    const onlyPdf = await checkEvidence(
      { name: "anh.png", bytes: PNG },
      { ...DEFAULT_EVIDENCE_LIMITS, allowedTypes: ["application/pdf"] },
    );
    expect(Result.isFailure(onlyPdf) && onlyPdf.failure.message).toContain("là PNG, loại không được phép");
  });

  it("reads a deflated [Content_Types].xml (a real DOCX is deflated)", async () => {
    const xml =
      '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const deflated = new Uint8Array(
      await new Response(
        new Blob([xml]).stream().pipeThrough(new CompressionStream("deflate-raw")),
      ).arrayBuffer(),
    );
    const zip = storedZip({ "[Content_Types].xml": "" });
    // rebuild the zip with the deflated part: method 8 in both headers
    const name = "[Content_Types].xml";
    const head = zip.slice(0, 30 + name.length);
    head[8] = 8;
    const out = [...head, ...deflated];
    const cd = zip.slice(30 + name.length, zip.length - 22);
    cd[10] = 8;
    const size = deflated.length;
    for (const at of [20, 24]) for (let k = 0; k < 4; k++) cd[at + k] = (size >> (8 * k)) & 0xff;
    for (const at of [18, 22]) for (let k = 0; k < 4; k++) head[at + k] = (size >> (8 * k)) & 0xff;
    out.splice(0, head.length, ...head);
    const cdOffset = out.length;
    out.push(...cd);
    const eocd = zip.slice(zip.length - 22);
    for (let k = 0; k < 4; k++) eocd[16 + k] = (cdOffset >> (8 * k)) & 0xff;
    out.push(...eocd);
    expect(await sniffEvidenceTypeAsync(new Uint8Array(out))).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
  });

  it("names: unsafe ones are refused, uploads' names are made safe", () => {
    expect(unsafeFileName("bao-cao.pdf")).toBeUndefined();
    expect(unsafeFileName("Báo cáo năm 2018.pdf")).toBeUndefined();
    expect(unsafeFileName("a/b.pdf")).toBe("path");
    expect(unsafeFileName("a\\b.pdf")).toBe("path");
    expect(unsafeFileName("..pdf")).toBe("dot-dot");
    expect(unsafeFileName(".htaccess")).toBe("hidden");
    expect(unsafeFileName("a\u202eb.pdf")).toBe("control");
    expect(unsafeFileName("x".repeat(121))).toBe("too-long");
    expect(sanitizeFileName("C:\\Users\\a\\..\\Báo cáo.pdf")).toBe("Báo cáo.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("..")).toBe("tep-dinh-kem");
    expect(sanitizeFileName("a\u0000\u202eb..pdf")).toBe("ab.pdf");
    const long = sanitizeFileName(`${"ă".repeat(300)}.docx`);
    expect(long.length).toBe(120);
    expect(long.endsWith(".docx")).toBe(true);
    expect(unsafeFileName(long)).toBeUndefined();
  });
});
