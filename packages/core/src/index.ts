/**
 * @cchc/core — the plan model, its validation, the reporting calendar and renderings. Pure and
 * synchronous: no file, socket or clock it was not given, so it runs in a browser as well as Node.
 */
export * from "./calendar.js";
export * from "./catalogues.js";
export { formatPlaceAndDate } from "./documentDate.js";
export {
  DEFAULT_HEADINGS,
  type OutlineBlock,
  type PlanDocument,
  planDocument,
  recipientLines,
} from "./documentOutline.js";
export {
  ExportError,
  type ExportedFile,
  Exporter,
  type ExporterService,
  htmlExporter,
  markdownExporter,
  unsupportedKind,
} from "./exporter.js";
export { type Cchc, type CchcOptions, createCchc } from "./facade.js";
export { type Finding, type FindingPath, formatPath, type Severity } from "./finding.js";
export { escapeHtml, renderDocumentHtml } from "./html.js";
export { type IngestOptions, type IngestProgress, type IngestResult, ingestRecords } from "./ingest.js";
export { MemoryStorage, makeMemoryStorage } from "./memoryStorage.js";
export {
  type ColumnFormat,
  type DocumentBlock,
  type ExportKind,
  type ExportOptions,
  type ExportRequest,
  formatCell,
  type OfficialDocument,
  officialDocument,
  type TableBlock,
  type TableColumn,
} from "./officialDocument.js";
export {
  buildPeriodReport,
  type PeriodReport,
  type PeriodReportInput,
  type PeriodReportRow,
} from "./periodReport.js";
export * from "./plan.js";
export { planCalendar } from "./planCalendar.js";
export { type Action, type Actor, authorize, PermissionDenied } from "./policy.js";
export {
  escapeMarkdown,
  escapeMarkdownInline,
  renderDocumentMarkdown,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
} from "./render.js";
export { leadUnitIds, PLAN_RULES, type PlanRule, type RuleContext, type RuleHit } from "./rules.js";
export { rulesReferenceMarkdown } from "./rulesReference.js";
export {
  isSamplePlanName,
  mic2018,
  SAMPLE_PLAN_NAMES,
  type SamplePlanName,
  samplePlan,
} from "./samples/index.js";
export { scoreStoredPlan } from "./scoreStored.js";
export {
  type EntityScore,
  type Evidence,
  type Explanation,
  expectedReporterIds,
  type Forecast,
  type MetricValue,
  type NodeScore,
  type RankedUnitScore,
  type ScoreInput,
  type ScoreOptions,
  Scorer,
  type ScoreSheet,
  scorePlan,
  taskedUnitIds,
} from "./scoring.js";
export * from "./scoringScheme.js";
export { findingFromZodIssue } from "./shapeFindings.js";
export {
  compareIds,
  type ExistingRecords,
  type InsertRecordsOptions,
  type PlanSummary,
  type RecordFilter,
  type RecordPage,
  type ReportFilter,
  Storage,
  type StorageService,
  sameRecord,
  type Versioned,
} from "./storage.js";
export { IngestFailed, NotFound, StorageError, type StoredEntity, VersionConflict } from "./storageErrors.js";
export {
  foldForComparison,
  type LocalizedText,
  LocalizedTextSchema,
  normalizeText,
  OptionalText,
  outlineLetter,
  romanNumeral,
  slugify,
  Text,
} from "./text.js";
export * from "./tracking.js";
export * from "./trackingChecks.js";
export { type ValidateOptions, type ValidationResult, validatePlan } from "./validatePlan.js";
export * from "./vietnamTime.js";
