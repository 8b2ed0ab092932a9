/**
 * The appraisal part of the in-memory storage adapter: rounds and entries as versioned JSON
 * copies, each save appending its event to an append-only history in the same step. The
 * reference the SQL adapters are checked against by the contract suite.
 */
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import { compareIds, type StorageService, type Versioned } from "../storage.js";
import { VersionConflict } from "../storageErrors.js";
import {
  type AppraisalEntry,
  type AppraisalEvent,
  type AppraisalRound,
  entryMatches,
  idOfEntry,
  roundId,
} from "./model.js";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(Number(ms)).toISOString());

type AppraisalMethods = Pick<
  StorageService,
  "saveRound" | "listRounds" | "saveEntry" | "listEntries" | "appraisalHistory"
>;

interface Book {
  readonly rounds: Map<string, Versioned<AppraisalRound>>;
  readonly entries: Map<string, Versioned<AppraisalEntry>>;
  readonly history: Map<string, AppraisalEvent[]>;
}

/** The appraisal methods of `makeMemoryStorage`, over their own maps. */
export function makeMemoryAppraisal(): AppraisalMethods {
  const books = new Map<string, Book>();
  const book = (agencyId: string, planId: string): Book => {
    const key = `${agencyId}\u0000${planId}`;
    let b = books.get(key);
    if (!b) {
      b = { rounds: new Map(), entries: new Map(), history: new Map() };
      books.set(key, b);
    }
    return b;
  };
  const save = <T>(
    b: Book,
    map: Map<string, Versioned<T>>,
    entity: "appraisal-round" | "appraisal-entry",
    subject: "round" | "entry",
    id: string,
    value: T,
    expected: number | null,
    event: Omit<AppraisalEvent, "version">,
  ) =>
    Effect.flatMap(now, (savedAt) => {
      const current = map.get(id);
      if ((current?.version ?? null) !== expected)
        return Effect.fail(new VersionConflict({ entity, id, expected, actual: current?.version ?? null }));
      const next = { value: copy(value), version: (current?.version ?? 0) + 1, savedAt };
      map.set(id, next);
      const key = `${subject}\u0000${id}`;
      const list = b.history.get(key) ?? [];
      list.push(copy({ ...event, subject, subjectId: id, version: next.version }));
      b.history.set(key, list);
      return Effect.succeed(copy(next));
    });
  return {
    saveRound: (agencyId, planId, round, expected, event) => {
      const b = book(agencyId, planId);
      return save(b, b.rounds, "appraisal-round", "round", roundId(round.periodId), round, expected, event);
    },
    listRounds: (agencyId, planId) =>
      Effect.sync(() =>
        copy(
          [...book(agencyId, planId).rounds.values()].sort((a, b) =>
            compareIds(a.value.periodId, b.value.periodId),
          ),
        ),
      ),
    saveEntry: (agencyId, planId, entry, expected, event) => {
      const b = book(agencyId, planId);
      return save(b, b.entries, "appraisal-entry", "entry", idOfEntry(entry), entry, expected, event);
    },
    listEntries: (agencyId, planId, filter) =>
      Effect.sync(() =>
        copy(
          [...book(agencyId, planId).entries.entries()]
            .filter(([, e]) => entryMatches(e.value, filter))
            .sort(([a], [b]) => compareIds(a, b))
            .map(([, e]) => e),
        ),
      ),
    appraisalHistory: (agencyId, planId, subject, subjectId) =>
      Effect.sync(() => copy(book(agencyId, planId).history.get(`${subject}\u0000${subjectId}`) ?? [])),
  };
}
