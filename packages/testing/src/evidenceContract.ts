/**
 * The evidence store contract: the tests every `EvidenceStore` adapter runs (the database one of
 * `@cchc/storage-sql`, the folder one of `@cchc/evidence-fs`, a third party's object store). Bytes
 * come back exactly, files are content-addressed and never replaced, nothing crosses agencies, an
 * id that is not a SHA-256 reaches nothing, and a refused upload stores nothing.
 *
 * ```ts
 * import { runEvidenceContract } from "@cchc/testing/contracts";
 * runEvidenceContract("my store", { layer: () => MyEvidence.layer({ bucket }) });
 * ```
 */
import {
  DEFAULT_EVIDENCE_LIMITS,
  type EvidenceMeta,
  EvidenceStore,
  sha256Hex,
  storeEvidence,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** How to run the evidence contract against one adapter. */
export interface EvidenceContractOptions {
  /** Builds the store under test (once per suite; tests isolate themselves by agency). */
  readonly layer: () => Layer.Layer<EvidenceStore, unknown>;
  /** Timeout of each test in ms (default 60,000). */
  readonly testTimeout?: number;
}

const PDF_HEAD = new TextEncoder().encode("%PDF-1.7\n");

/** A PDF-looking file of `size` bytes whose content depends on `seed`. */
export function contractPdf(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, PDF_HEAD.length));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes.set(PDF_HEAD);
  return bytes;
}

let seq = 0;
const agency = () => `ev${Math.random().toString(36).slice(2, 9)}${(seq++).toString(36)}`;

/** Registers the evidence contract under `describe("evidence contract: <name>")`. */
export function runEvidenceContract(name: string, options: EvidenceContractOptions): void {
  const timeout = options.testTimeout ?? 60_000;
  let runtime: ManagedRuntime.ManagedRuntime<EvidenceStore, unknown> | undefined;
  const run = <A, E>(effect: Effect.Effect<A, E, EvidenceStore>): Promise<A> => {
    if (!runtime) throw new Error("evidence contract: the store is not open (did beforeAll fail?)");
    return runtime.runPromise(effect);
  };
  const flip = <A, E>(effect: Effect.Effect<A, E, EvidenceStore>) => run(Effect.flip(effect));
  const put = (agencyId: string, bytes: Uint8Array, fileName = "tai-lieu.pdf") =>
    Effect.gen(function* () {
      const store = yield* EvidenceStore;
      const fileId = yield* sha256Hex(bytes);
      return yield* store.put(agencyId, { fileId, name: fileName, mediaType: "application/pdf", bytes });
    });

  describe(`evidence contract: ${name}`, () => {
    beforeAll(async () => {
      runtime = ManagedRuntime.make(options.layer());
      await runtime.runPromise(Effect.service(EvidenceStore));
    }, timeout);
    afterAll(async () => {
      await runtime?.dispose();
      runtime = undefined;
    }, timeout);

    it(
      "gives back exactly the bytes stored (every byte value, 3 MB), with their metadata",
      async () => {
        const a = agency();
        const every = new Uint8Array(512);
        every.set(PDF_HEAD);
        for (let i = PDF_HEAD.length; i < every.length; i++) every[i] = i & 0xff;
        for (const bytes of [every, contractPdf(3 * 1024 * 1024, 7)]) {
          const meta = await run(put(a, bytes, "Báo cáo năm.pdf"));
          expect(meta).toMatchObject({
            name: "Báo cáo năm.pdf",
            mediaType: "application/pdf",
            size: bytes.length,
          });
          expect(meta.fileId).toBe(await run(sha256Hex(bytes)));
          expect(Number.isNaN(Date.parse(meta.savedAt))).toBe(false);
          const got = await run(Effect.flatMap(Effect.service(EvidenceStore), (s) => s.get(a, meta.fileId)));
          expect(got.meta).toEqual(meta);
          expect(got.bytes.length).toBe(bytes.length);
          expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
          expect(
            await run(Effect.flatMap(Effect.service(EvidenceStore), (s) => s.head(a, meta.fileId))),
          ).toEqual(meta);
        }
      },
      timeout,
    );

    it(
      "is content-addressed: the same bytes again (even concurrently) keep the first file and its name",
      async () => {
        const a = agency();
        const bytes = contractPdf(10_000, 3);
        const first = await run(put(a, bytes, "mot.pdf"));
        const again = await Promise.all(
          Array.from({ length: 8 }, (_, i) => run(put(a, bytes, `khac-${i}.pdf`))),
        );
        for (const m of again) expect(m).toEqual(first);
        const got = await run(Effect.flatMap(Effect.service(EvidenceStore), (s) => s.get(a, first.fileId)));
        expect(got.meta.name).toBe("mot.pdf");
      },
      timeout,
    );

    it(
      "keeps agencies apart, hostile agency ids included, and unknown or path-like ids reach nothing",
      async () => {
        const bytes = contractPdf(2_000, 5);
        const hostile = ["../..", "a/b", "..\\x", "Sở Nội vụ", "tab\there", "a".repeat(200)];
        const metas: EvidenceMeta[] = [];
        for (const a of hostile) metas.push(await run(put(a, bytes)));
        const other = agency();
        const missing = await flip(
          Effect.flatMap(Effect.service(EvidenceStore), (s) => s.get(other, metas[0]?.fileId ?? "")),
        );
        expect(missing).toMatchObject({ _tag: "NotFound", entity: "evidence" });
        for (const id of ["../../etc/passwd", "0".repeat(63), `${"A".repeat(64)}`, "", "../".repeat(30)]) {
          expect(
            await flip(Effect.flatMap(Effect.service(EvidenceStore), (s) => s.head(other, id))),
          ).toMatchObject({
            _tag: "NotFound",
          });
          const refused = await flip(
            Effect.flatMap(Effect.service(EvidenceStore), (s) =>
              s.put(other, { fileId: id, name: "x.pdf", mediaType: "application/pdf", bytes }),
            ),
          );
          expect(refused).toMatchObject({ _tag: "StorageError" });
        }
        for (const a of hostile) {
          const got = await run(
            Effect.flatMap(Effect.service(EvidenceStore), (s) => s.get(a, metas[0]?.fileId ?? "")),
          );
          expect(got.bytes.length).toBe(bytes.length);
        }
      },
      timeout,
    );

    it(
      "an upload refused by the limits (size, type from the bytes, name) stores nothing",
      async () => {
        const a = agency();
        const html = new TextEncoder().encode("<html>giả làm pdf</html>");
        const big = contractPdf(2_000, 9);
        const limits = { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: 1_000 };
        for (const [file, code] of [
          [{ name: "gia.pdf", bytes: html }, "evidence.type-not-allowed"],
          [{ name: "lon.pdf", bytes: big }, "evidence.too-large"],
          [{ name: "../lon.pdf", bytes: contractPdf(500, 2) }, "evidence.name-unsafe"],
        ] as const) {
          const refused = await flip(storeEvidence(a, [file], limits));
          expect(refused).toMatchObject({ _tag: "AppraisalRefused", code });
          const id = await run(sha256Hex(file.bytes));
          expect(
            await flip(Effect.flatMap(Effect.service(EvidenceStore), (s) => s.head(a, id))),
          ).toMatchObject({
            _tag: "NotFound",
          });
        }
        // two files, the second refused: neither is stored
        const ok = contractPdf(500, 11);
        await flip(
          storeEvidence(
            a,
            [
              { name: "a.pdf", bytes: ok },
              { name: "b.pdf", bytes: html },
            ],
            limits,
          ),
        );
        const okId = await run(sha256Hex(ok));
        expect(
          await flip(Effect.flatMap(Effect.service(EvidenceStore), (s) => s.head(a, okId))),
        ).toMatchObject({
          _tag: "NotFound",
        });
      },
      timeout,
    );
  });
}
