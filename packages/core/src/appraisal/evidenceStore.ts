/**
 * The evidence port: where the bytes of evidence files live, apart from the storage port so an
 * agency can keep them in its database (the default, `@cchc/storage-sql`), in a folder
 * (`@cchc/evidence-fs`) or in its own object store. Files are content-addressed (the id is the
 * SHA-256 of the bytes) and never changed: storing the same bytes twice keeps one file.
 */
import * as Clock from "effect/Clock";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { NotFound, StorageError } from "../storageErrors.js";
import type { EvidenceType } from "./model.js";

/** What the store keeps about a file besides its bytes. */
export interface EvidenceMeta {
  /** SHA-256 of the bytes, lowercase hex. */
  readonly fileId: string;
  /** The (safe) name it was first stored under. */
  readonly name: string;
  readonly mediaType: EvidenceType;
  readonly size: number;
  /** ISO instant it was first stored. */
  readonly savedAt: string;
}

/** A file to store: its checked name, type and bytes, with the id computed from the bytes. */
export interface EvidenceFile {
  readonly fileId: string;
  readonly name: string;
  readonly mediaType: EvidenceType;
  readonly bytes: Uint8Array;
}

/** The operations every evidence store provides; every call is scoped to an agency. */
export interface EvidenceStoreService {
  /** Stores a file; a file with the same id already stored is kept as it is (its metadata returned). */
  readonly put: (agencyId: string, file: EvidenceFile) => Effect.Effect<EvidenceMeta, StorageError>;
  /** The metadata of a stored file. */
  readonly head: (agencyId: string, fileId: string) => Effect.Effect<EvidenceMeta, NotFound | StorageError>;
  /** A stored file's metadata and bytes. */
  readonly get: (
    agencyId: string,
    fileId: string,
  ) => Effect.Effect<{ readonly meta: EvidenceMeta; readonly bytes: Uint8Array }, NotFound | StorageError>;
}

/** The evidence store tag: provided by a layer of the database or folder adapter. */
export class EvidenceStore extends Context.Service<EvidenceStore, EvidenceStoreService>()(
  "@cchc/core/EvidenceStore",
) {}

/** Whether a string is a file id (SHA-256, lowercase hex): adapters refuse anything else. */
export const isFileId = (id: string): boolean => typeof id === "string" && /^[0-9a-f]{64}$/.test(id);

// Web Crypto (Node ≥ 20 and every browser have it); core compiles against ES2022 alone.
declare const crypto: {
  readonly subtle: { digest(algorithm: "SHA-256", data: Uint8Array): Promise<ArrayBuffer> };
};

/** The SHA-256 of bytes as lowercase hex (Web Crypto: Node ≥ 20 and browsers). */
export const sha256Hex = (bytes: Uint8Array): Effect.Effect<string, StorageError> =>
  Effect.tryPromise({
    try: async () => {
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
      let hex = "";
      for (const b of digest) hex += b.toString(16).padStart(2, "0");
      return hex;
    },
    catch: (cause) => new StorageError({ operation: "sha256", cause }),
  });

/** The in-memory evidence store (tests, demos): bytes copied in and out. */
export function makeMemoryEvidenceStore(): EvidenceStoreService {
  const files = new Map<string, { meta: EvidenceMeta; bytes: Uint8Array }>();
  const key = (agencyId: string, fileId: string) => `${agencyId}\u0000${fileId}`;
  return {
    put: (agencyId, file) =>
      Effect.flatMap(Clock.currentTimeMillis, (ms) => {
        if (!isFileId(file.fileId))
          return Effect.fail(
            new StorageError({ operation: "evidence.put", cause: new Error("invalid file id") }),
          );
        const k = key(agencyId, file.fileId);
        const found = files.get(k);
        if (found) return Effect.succeed(found.meta);
        const meta: EvidenceMeta = {
          fileId: file.fileId,
          name: file.name,
          mediaType: file.mediaType,
          size: file.bytes.length,
          savedAt: new Date(Number(ms)).toISOString(),
        };
        files.set(k, { meta, bytes: new Uint8Array(file.bytes) });
        return Effect.succeed(meta);
      }),
    head: (agencyId, fileId) => {
      const found = files.get(key(agencyId, fileId));
      return found
        ? Effect.succeed(found.meta)
        : Effect.fail(new NotFound({ entity: "evidence", id: fileId }));
    },
    get: (agencyId, fileId) => {
      const found = files.get(key(agencyId, fileId));
      return found
        ? Effect.succeed({ meta: found.meta, bytes: new Uint8Array(found.bytes) })
        : Effect.fail(new NotFound({ entity: "evidence", id: fileId }));
    },
  };
}

/** Layers of the in-memory evidence store. */
export const MemoryEvidenceStore = {
  /** A fresh, empty store each time the layer is built. */
  layer: (): Layer.Layer<EvidenceStore> => Layer.sync(EvidenceStore, makeMemoryEvidenceStore),
};
