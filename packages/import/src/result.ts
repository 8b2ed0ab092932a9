/**
 * What an import gives back: the plan when the document allows one, the draft it was built from,
 * every finding, every line left over, and what the header said. The same shape comes back for an
 * unusable input, with `error` set, so callers never need a try/catch.
 */
import type { LocalizedText, Plan, PlanInput, Signer, ValidateOptions } from "@cchc/core";
import type { ImportFinding } from "./importFindings.js";
import type { Leftover } from "./ledger.js";
import type { SkippedLine } from "./reflow.js";

/** Options of an import. */
export interface ImportOptions {
  /** Id of the plan (default: issuer abbreviation and year, e.g. "btttt-2018"). */
  readonly id?: string;
  /** Year of the plan when the document does not say it. */
  readonly year?: number;
  /** Issuer when the document does not name one (a body text without header). */
  readonly issuer?: { readonly name: string; readonly abbreviation?: string };
  /** Largest input accepted, in bytes of UTF-8 (default `MAX_INPUT_BYTES`, 10 MB). */
  readonly maxBytes?: number;
  /**
   * Largest inflated size of a .docx, all its parts together, checked on the sizes the zip declares
   * and on the bytes it really inflates to, before mammoth reads it (default
   * `MAX_DOCX_UNCOMPRESSED_BYTES`, 64 MB).
   */
  readonly maxUncompressedBytes?: number;
  /**
   * Most findings listed (default `MAX_LISTED_FINDINGS`, 1,000; errors first when there are more):
   * the rest are counted in `counts` and told in one `import.findings-truncated` finding.
   */
  readonly maxFindings?: number;
  /** Passed to `validatePlan` (catalogues, rules). */
  readonly validation?: ValidateOptions;
}

/** A plan as far as the document allowed: `PlanInput` with any field possibly missing. */
export type PlanDraft = { -readonly [K in keyof PlanInput]?: PlanInput[K] };

/** The decision a plan was issued with ("QUYẾT ĐỊNH … Điều 1. Ban hành kèm theo …"). */
export interface ImportedDecision {
  /** "wrapper" when the decision's text is in the document, "reference" when only the plan's "(Ban hành kèm theo …)" line names it. */
  readonly source: "wrapper" | "reference";
  readonly number?: string;
  readonly numberAsWritten?: string;
  readonly date?: string;
  readonly place?: string;
  readonly title?: string;
  readonly issuer?: string;
  readonly authority?: string;
  readonly legalBasis: readonly string[];
  readonly articles: readonly string[];
  readonly recipients: readonly string[];
  readonly signer?: Signer;
}

/** What the document's header, preamble and closing said, as recognised. */
export interface ImportedHeader {
  /** Type code of the document read ("KH"; "QĐ" when only a decision was found). */
  readonly documentType?: string;
  /** The type line as written ("KẾ HOẠCH"). */
  readonly documentTypeText?: string;
  readonly parentBody?: string;
  readonly issuer?: string;
  readonly issuerAbbreviation?: string;
  /** Number/symbol in Decree 30 form. */
  readonly number?: string;
  readonly numberAsWritten?: string;
  readonly place?: string;
  /** ISO date of issue. */
  readonly date?: string;
  readonly dateAsWritten?: string;
  readonly title?: string;
  readonly year?: number;
  readonly signer?: Signer;
  readonly recipients: readonly string[];
  /** "Căn cứ …" lines. */
  readonly legalBasis: readonly string[];
  /** Other paragraphs between the title and the body ("Thực hiện …, UBND tỉnh ban hành Kế hoạch…"). */
  readonly preamble: readonly string[];
  /** Paragraphs after the body ("Trên đây là Kế hoạch …"). */
  readonly closing: readonly string[];
  /** Marks such as "DỰ THẢO", "KHẨN". */
  readonly marks: readonly string[];
  readonly decision?: ImportedDecision;
}

/** How many items of each part were found. */
export interface ImportCounts {
  /** Lines of the input; always `placed + leftovers + skipped`. */
  readonly lines: number;
  /** Input lines placed in the draft or the recognised header (a wrapped line: each of its pieces). */
  readonly placed: number;
  /** Input lines skipped: blank, or skipped by the reflow for a stated reason (`skipped`). */
  readonly skipped: number;
  readonly objectives: number;
  readonly requirements: number;
  readonly audiences: number;
  readonly contentAreas: number;
  readonly channels: number;
  readonly units: number;
  readonly responsibilities: number;
  readonly fundingSources: number;
  readonly reportingPeriods: number;
  readonly recipients: number;
  readonly leftovers: number;
  /** Every finding of the import, listed or not (the summary finding of a cut list not counted). */
  readonly findings: number;
  /** Of `findings`, how many are errors. */
  readonly errors: number;
  /** Of `findings`, how many are warnings. */
  readonly warnings: number;
}

/** Why an input could not be imported at all. */
export interface ImportError {
  readonly code: string;
  readonly message: LocalizedText;
}

/** The outcome of an import. */
export interface ImportResult {
  /** True when a plan came out and no finding is an error (warnings allowed). */
  readonly ok: boolean;
  /** The validated plan, when the draft has the shape of a plan (it may still have rule errors). */
  readonly plan: Plan | undefined;
  /** What the importer built, before validation: complete or not. */
  readonly draft: PlanDraft;
  /**
   * Import findings (about the document, with its line) then validation findings of the draft; at
   * most `maxFindings` of them, then one `import.findings-truncated` finding counting the rest.
   */
  readonly findings: readonly ImportFinding[];
  /** Every non-blank line not placed, with its line number and why. */
  readonly leftovers: readonly Leftover[];
  /** Non-blank lines the reflow skipped (page numbers, table rules, running headers, web chrome), each with why. */
  readonly skipped: readonly SkippedLine[];
  readonly header: ImportedHeader;
  readonly counts: ImportCounts;
  /** Set when the input is unusable (too large, empty, binary, not a plan); then nothing else is. */
  readonly error: ImportError | undefined;
}

/** The largest input accepted by default: 10 MB. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

const EMPTY_COUNTS: ImportCounts = {
  lines: 0,
  placed: 0,
  skipped: 0,
  objectives: 0,
  requirements: 0,
  audiences: 0,
  contentAreas: 0,
  channels: 0,
  units: 0,
  responsibilities: 0,
  fundingSources: 0,
  reportingPeriods: 0,
  recipients: 0,
  leftovers: 0,
  findings: 1,
  errors: 1,
  warnings: 0,
};

/** The result for an unusable input: the error, as a finding too, and nothing else. */
export function failedImport(code: ImportFinding["code"], message: LocalizedText, lines = 0): ImportResult {
  return {
    ok: false,
    plan: undefined,
    draft: {},
    findings: [{ code, severity: "error", path: [], message }],
    leftovers: [],
    skipped: [],
    header: { recipients: [], legalBasis: [], preamble: [], closing: [], marks: [] },
    counts: { ...EMPTY_COUNTS, lines },
    error: { code, message },
  };
}
