/**
 * @cchc/evidence-fs — evidence files (tài liệu kiểm chứng) in a folder: the second implementation
 * of core's `EvidenceStore` port, for agencies that keep files on a disk or a mounted share rather
 * than in the database. Nothing a caller sends becomes a path: an agency's folder is the SHA-256
 * of its id, a file's name is its own SHA-256 (checked to be 64 hex digits), and the name a person
 * gave the file is kept only inside the metadata. Files are written to a temporary name and
 * linked into place, so a crash never leaves half a file, and an existing file is never replaced.
 *
 * ```ts
 * import { FolderEvidenceStore } from "@cchc/evidence-fs";
 * program.pipe(Effect.provide(FolderEvidenceStore.layer({ dir: "/srv/cchc/evidence" })));
 * ```
 *
 * @module @cchc/evidence-fs
 */
import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  EVIDENCE_TYPES,
  type EvidenceMeta,
  EvidenceStore,
  type EvidenceStoreService,
  isFileId,
  NotFound,
  StorageError,
} from "@cchc/core";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";

/** Where the folder store keeps its files. */
export interface FolderEvidenceOptions {
  /** The folder (created if missing); each agency gets a sub-folder named by the SHA-256 of its id. */
  readonly dir: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const isMissing = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ENOENT";
const isExisting = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "EEXIST";

/** Reads a metadata file written by this store, refusing anything that is not one. */
function parseMeta(text: string, fileId: string): EvidenceMeta {
  const m = JSON.parse(text) as Partial<EvidenceMeta>;
  if (
    m.fileId !== fileId ||
    typeof m.name !== "string" ||
    !(EVIDENCE_TYPES as readonly string[]).includes(String(m.mediaType)) ||
    typeof m.size !== "number" ||
    typeof m.savedAt !== "string"
  )
    throw new Error(`metadata of ${fileId} is damaged`);
  return m as EvidenceMeta;
}

/** Builds the folder `EvidenceStoreService`. */
export function makeFolderEvidenceStore(options: FolderEvidenceOptions): EvidenceStoreService {
  const root = resolve(options.dir);
  const folder = (agencyId: string) => join(root, sha256(agencyId));
  const paths = (agencyId: string, fileId: string) => {
    const dir = join(folder(agencyId), fileId.slice(0, 2));
    return { dir, bytes: join(dir, `${fileId}.bin`), meta: join(dir, `${fileId}.json`) };
  };
  const fail = (operation: string) => (cause: unknown) => new StorageError({ operation, cause });

  /** Writes `data` to `target` through a temporary file and a hard link: all or nothing, never replaced. */
  const place = async (dir: string, target: string, data: Uint8Array | string): Promise<void> => {
    const tmp = join(dir, `.tmp-${randomBytes(8).toString("hex")}`);
    await writeFile(tmp, data, { flag: "wx" });
    try {
      await link(tmp, target);
    } catch (e) {
      if (!isExisting(e)) throw e;
    } finally {
      await rm(tmp, { force: true });
    }
  };

  const head = (agencyId: string, fileId: string) =>
    Effect.flatMap(
      Effect.tryPromise({
        try: async () => {
          if (!isFileId(fileId)) return undefined;
          try {
            return parseMeta(await readFile(paths(agencyId, fileId).meta, "utf8"), fileId);
          } catch (e) {
            if (isMissing(e)) return undefined;
            throw e;
          }
        },
        catch: fail("evidence.head"),
      }),
      (meta) =>
        meta === undefined
          ? Effect.fail(new NotFound({ entity: "evidence", id: fileId }))
          : Effect.succeed(meta),
    );

  return {
    put: (agencyId, file) =>
      Effect.flatMap(Clock.currentTimeMillis, (ms) =>
        Effect.tryPromise({
          try: async () => {
            if (!isFileId(file.fileId)) throw new Error("invalid file id");
            const p = paths(agencyId, file.fileId);
            await mkdir(p.dir, { recursive: true });
            // bytes first, then the metadata: a file is visible only once both are in place
            await place(p.dir, p.bytes, file.bytes);
            const meta: EvidenceMeta = {
              fileId: file.fileId,
              name: file.name,
              mediaType: file.mediaType,
              size: file.bytes.length,
              savedAt: new Date(Number(ms)).toISOString(),
            };
            await place(p.dir, p.meta, JSON.stringify(meta));
            return parseMeta(await readFile(p.meta, "utf8"), file.fileId);
          },
          catch: fail("evidence.put"),
        }),
      ),
    head,
    get: (agencyId, fileId) =>
      Effect.flatMap(head(agencyId, fileId), (meta) =>
        Effect.tryPromise({
          try: async () => ({ meta, bytes: new Uint8Array(await readFile(paths(agencyId, fileId).bytes)) }),
          catch: fail("evidence.get"),
        }),
      ),
  };
}

/** Layers of the folder evidence store. */
export const FolderEvidenceStore = {
  /** The `EvidenceStore` over a folder: `FolderEvidenceStore.layer({ dir: "./evidence" })`. */
  layer: (options: FolderEvidenceOptions): Layer.Layer<EvidenceStore> =>
    Layer.sync(EvidenceStore, () => makeFolderEvidenceStore(options)),
};
