/**
 * The tiny driver contract the SQL storage runs on. A driver wraps one PostgreSQL-speaking client
 * (PGlite in WASM, a `pg` pool, or anything else) and knows nothing about plans or records: it
 * runs parameterised statements, scripts without parameters (migrations) and transactions.
 */

/** Rows returned by a statement. */
export interface SqlResult<R> {
  readonly rows: R[];
}

/** What `@cchc/storage-sql` needs from a database client. */
export interface SqlDriver {
  /**
   * Runs ONE statement with positional parameters `$1…$n`. Values are sent as parameters, never
   * spliced into the text.
   */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in a transaction on one connection: committed when the promise resolves, rolled back
   * when it rejects. Inside, `fn` must use the driver it is given, not the outer one. A driver given
   * to `fn` runs a nested `transaction` call inside the same transaction.
   */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  /** Releases the client (closes PGlite, ends the pool). */
  close(): Promise<void>;
  /**
   * Optional: `COPY table (columns) FROM STDIN` in PostgreSQL's text format, for benchmarks and
   * tools (`copyRecords`). Returns the number of rows copied.
   */
  copyFrom?(table: string, columns: readonly string[], data: string): Promise<number>;
}

/** SQLSTATE of a unique-constraint violation. */
export const UNIQUE_VIOLATION = "23505";

/** The SQLSTATE of a driver error (`pg` and PGlite both set `code`), if any. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Double-quotes an SQL identifier (for the fixed table and column names of COPY). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
