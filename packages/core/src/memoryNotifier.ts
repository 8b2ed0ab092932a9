/**
 * The in-memory notifier: keeps what it was given instead of sending it, for demos, dry runs and
 * tests of code that sits above the notifier port. Real delivery lives in the adapter packages.
 */
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { type Notification, Notifier, type NotifierError, type NotifierService } from "./notifier.js";

/** A memory notifier and what it received. */
export interface MemoryNotifier {
  readonly service: NotifierService;
  /** Every notification accepted, in order (a key sent twice appears twice). */
  readonly sent: readonly Notification[];
}

/** Options of `makeMemoryNotifier`. */
export interface MemoryNotifierOptions {
  /**
   * Decides the outcome of each send (attempt counts from 1 per key): return a `NotifierError` to
   * fail that attempt, undefined to accept it. Default: accept everything.
   */
  readonly outcome?: (notification: Notification, attempt: number) => NotifierError | undefined;
}

/** Builds a memory notifier; each call is independent. */
export function makeMemoryNotifier(options: MemoryNotifierOptions = {}): MemoryNotifier {
  const sent: Notification[] = [];
  const attempts = new Map<string, number>();
  const service: NotifierService = {
    name: "memory",
    send: (notification) =>
      Effect.suspend(() => {
        const attempt = (attempts.get(notification.key) ?? 0) + 1;
        attempts.set(notification.key, attempt);
        const error = options.outcome?.(notification, attempt);
        if (error !== undefined) return Effect.fail(error);
        sent.push(JSON.parse(JSON.stringify(notification)) as Notification);
        return Effect.succeed({ notifier: "memory", id: String(sent.length) });
      }),
  };
  return { service, sent };
}

/** Layers of the memory notifier. */
export const MemoryNotifierLayer = {
  /** A layer over a notifier you keep a handle on (to read `sent`). */
  layer: (notifier: MemoryNotifier = makeMemoryNotifier()): Layer.Layer<Notifier> =>
    Layer.succeed(Notifier, notifier.service),
};
