/**
 * Driver failures become `StorageError`s. The cause keeps the database's message and SQLSTATE
 * only: no SQL text, no parameter values, no stack of the driver's internals in what people see.
 */
import { StorageError } from "@cchc/core";
import { sqlState } from "./driver.js";

/** A database failure as the storage reports it: the server's message and its SQLSTATE. */
export class SqlFailure extends Error {
  override readonly name = "SqlFailure";
  /** SQLSTATE (e.g. "23505"), when the database gave one. */
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

/** The message of any thrown value, without its stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Wraps a thrown value as the cause of a `StorageError` (a `SqlFailure` unless it is one already). */
export function toSqlFailure(error: unknown): Error {
  if (error instanceof SqlFailure) return error;
  const code = sqlState(error);
  return new SqlFailure(code === undefined ? messageOf(error) : `${messageOf(error)} [${code}]`, code);
}

/** A `StorageError` for `operation` from whatever the driver threw. */
export function storageError(operation: string): (error: unknown) => StorageError {
  return (error) =>
    error instanceof StorageError ? error : new StorageError({ operation, cause: toSqlFailure(error) });
}
