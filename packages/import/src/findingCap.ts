/**
 * Findings of one import, capped: a hostile document (millions of "- a" lines, each an unknown
 * content kind) would otherwise give millions of findings, gigabytes of heap and an output no one
 * reads. Up to `limit` findings are listed (errors first when there are too many); the rest are
 * counted exactly, by severity and by code, and told in one summary finding.
 */
import type { Severity } from "@cchc/core";
import { type ImportFinding, importFinding } from "./importFindings.js";

/** How many findings an import lists by default; the rest are counted in one summary finding. */
export const MAX_LISTED_FINDINGS = 1000;

/** Where the readers of a document put their findings (an array works too). */
export interface FindingSink {
  push(...items: ImportFinding[]): unknown;
}

/** Exact counts of the findings of an import, listed or not. */
export interface FindingTally {
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Collects findings while a document is read, keeping at most `limit` of each severity (enough to
 * list `limit` findings with errors first) and counting every one.
 */
export class FindingCollector implements FindingSink {
  private readonly kept: Record<Severity, ImportFinding[]> = { error: [], warning: [] };
  /** Every finding in the order kept, both severities (for a stable order). */
  private readonly order: ImportFinding[] = [];
  private readonly byCode = new Map<string, number>();
  private counts = { error: 0, warning: 0 };

  constructor(private readonly limit: number) {}

  push(...items: ImportFinding[]): number {
    return this.pushAll(items);
  }

  /** Adds a list of any length (a spread of millions would overflow the call stack). */
  pushAll(items: readonly ImportFinding[]): number {
    for (const f of items) {
      const severity: Severity = f.severity === "error" ? "error" : "warning";
      this.counts[severity]++;
      this.byCode.set(f.code, (this.byCode.get(f.code) ?? 0) + 1);
      const bucket = this.kept[severity];
      if (bucket.length < this.limit) {
        bucket.push(f);
        this.order.push(f);
      }
    }
    return this.order.length;
  }

  /** Sorts the findings kept so far (stable); later pushes come after them. */
  sortKept(compare: (a: ImportFinding, b: ImportFinding) => number): void {
    const sorted = this.order
      .map((f, i) => [f, i] as const)
      .sort(([a, i], [b, j]) => compare(a, b) || i - j)
      .map(([f]) => f);
    this.order.splice(0, this.order.length, ...sorted);
  }

  /** Exact counts of every finding pushed. */
  tally(): FindingTally {
    return {
      total: this.counts.error + this.counts.warning,
      errors: this.counts.error,
      warnings: this.counts.warning,
    };
  }

  /**
   * The findings to list, in the order they came: all of them when they fit, else `limit` of them
   * (errors first, then warnings) and one `import.findings-truncated` finding counting the rest.
   */
  listed(): ImportFinding[] {
    const { total, errors } = this.tally();
    if (total <= this.limit) return [...this.order];
    const keepErrors = Math.min(errors, this.limit);
    const keepWarnings = this.limit - keepErrors;
    const out: ImportFinding[] = [];
    const shown = new Map<string, number>();
    let e = 0;
    let w = 0;
    for (const f of this.order) {
      if (f.severity === "error" ? e++ < keepErrors : w++ < keepWarnings) {
        out.push(f);
        shown.set(f.code, (shown.get(f.code) ?? 0) + 1);
      }
    }
    const hidden = [...this.byCode]
      .map(([code, n]) => [code, n - (shown.get(code) ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
    out.push(truncationFinding(total - out.length, this.limit, this.tally(), hidden));
    return out;
  }
}

const fmt = (n: number) => n.toLocaleString("en");

/** The summary finding: how many findings are not listed, and of which codes. */
function truncationFinding(
  notShown: number,
  limit: number,
  tally: FindingTally,
  hidden: ReadonlyArray<readonly [string, number]>,
): ImportFinding {
  const codes = hidden.map(([code, n]) => `${code} ×${fmt(n)}`).join(", ");
  return importFinding("import.findings-truncated", {
    vi: `Còn ${fmt(notShown)} phát hiện khác không liệt kê (chỉ liệt kê ${fmt(limit)}; tổng cộng ${fmt(tally.errors)} lỗi, ${fmt(tally.warnings)} cảnh báo). Theo mã: ${codes}.`,
    en: `${fmt(notShown)} more findings not shown (only ${fmt(limit)} are listed; ${fmt(tally.errors)} errors and ${fmt(tally.warnings)} warnings in all). By code: ${codes}.`,
  });
}
