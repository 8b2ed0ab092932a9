/**
 * @cchc/core — the plan model, its validation, the reporting calendar and renderings. Pure and
 * synchronous: no file, socket or clock it was not given, so it runs in a browser as well as Node.
 */
export * from "./accounts/index.js";
export * from "./appraisal/index.js";
export * from "./calendar.js";
export * from "./catalogues.js";
export {
  type Contact,
  type ContactDirectory,
  type ContactDirectoryResult,
  ContactDirectorySchema,
  ContactSchema,
  parseContactDirectory,
  recipientFor,
} from "./contacts.js";
export {
  balanceLines,
  DECREE30_LAYOUT,
  type HeaderLayout,
  headerLayout,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  SIGNER_PLACEHOLDER,
  tableColumnWidths,
} from "./decree30.js";
export {
  type DispatchOptions,
  type DispatchOutcome,
  type DispatchReport,
  type DrainOptions,
  type DrainReport,
  dispatchOnce,
  drainOutbox,
  makeWorkerId,
  type RetryPolicy,
  type RetryPolicyOptions,
  retryDelay,
  retryPolicy,
} from "./dispatcher.js";
export { createDispatcher, type Dispatcher, type DispatcherOptions } from "./dispatcherFacade.js";
export { formatPlaceAndDate } from "./documentDate.js";
export {
  addresseeLines,
  budgetTable,
  DEFAULT_HEADINGS,
  type OutlineBlock,
  type PlanBlock,
  type PlanDocument,
  planDocument,
  recipientLines,
  summaryLine,
} from "./documentOutline.js";
export { stripIllegalCharacters } from "./documentText.js";
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
export * from "./holidays/index.js";
export { CALENDAR_RULES } from "./holidays/rules.js";
export { escapeHtml, renderDocumentHtml } from "./html.js";
export { type IngestOptions, type IngestProgress, type IngestResult, ingestRecords } from "./ingest.js";
export {
  type MemoryNotifier,
  MemoryNotifierLayer,
  type MemoryNotifierOptions,
  makeMemoryNotifier,
} from "./memoryNotifier.js";
export { MemoryOutbox, makeMemoryOutbox } from "./memoryOutbox.js";
export { MemoryStorage, makeMemoryStorage } from "./memoryStorage.js";
export {
  headerSafeKey,
  type Notification,
  type NotificationRecipient,
  Notifier,
  NotifierError,
  type NotifierService,
  notificationHtml,
  notificationSubject,
  notificationText,
  type Receipt,
} from "./notifier.js";
export {
  type ColumnFormat,
  type DocumentBlock,
  type ExportKind,
  type ExportOptions,
  type ExportRequest,
  formatCell,
  type OfficialDocument,
  officialDocument,
  reportAddressees,
  type TableBlock,
  type TableColumn,
} from "./officialDocument.js";
export {
  type ClaimRequest,
  type EnqueueResult,
  OUTBOX_STATUSES,
  Outbox,
  type OutboxEntry,
  type OutboxFailure,
  type OutboxFilter,
  type OutboxLease,
  type OutboxLeaseState,
  type OutboxService,
  type OutboxStatus,
  type RequeueOptions,
} from "./outbox.js";
export {
  buildPeriodReport,
  type PeriodReport,
  PeriodReportBuilder,
  type PeriodReportInput,
  type PeriodReportRow,
} from "./periodReport.js";
export { MAX_INPUT_DEPTH, MAX_INPUT_VALUES, type PlainData, toPlainData } from "./plainData.js";
export * from "./plan.js";
export { planCalendar, planCalendarOptions } from "./planCalendar.js";
export * from "./planTree/index.js";
export { type Action, type Actor, authorize, PermissionDenied } from "./policy.js";
export * from "./reference/index.js";
export {
  checkReminderOptions,
  computeReminders,
  DEFAULT_DAYS_BEFORE,
  DEFAULT_ESCALATE_AFTER_DAYS,
  formatDeadline,
  periodLabelInSentence,
  type Reminder,
  ReminderError,
  type ReminderKind,
  type ReminderOptions,
  type ReminderPeriod,
  type ReminderResult,
  type ReminderUnit,
  reminderGroupKey,
  reminderKey,
  reminderKinds,
  reminderNotification,
  type UpcomingReminder,
} from "./reminders.js";
export {
  DEFAULT_TEMPLATES,
  fillTemplate,
  type MessageTemplate,
  type ReminderTemplates,
  TEMPLATE_PLACEHOLDERS,
  type TemplatePlaceholder,
  type TemplateValues,
} from "./reminderTemplates.js";
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
  baoThang2026,
  isSamplePlanName,
  laoCai2026,
  mic2018,
  SAMPLE_PLAN_NAMES,
  type SamplePlanName,
  type SampleTracking,
  samplePlan,
  sampleTracking,
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
export { findingFromZodIssue, parseUntrusted, type UntrustedParse } from "./shapeFindings.js";
export {
  compareIds,
  type ExistingRecords,
  type InsertRecordsOptions,
  type PlanSummary,
  type PlanTreeEntry,
  type RecordFilter,
  type RecordPage,
  type ReportFilter,
  Storage,
  type StorageService,
  sameRecord,
  type Versioned,
} from "./storage.js";
export { IngestFailed, NotFound, StorageError, type StoredEntity, VersionConflict } from "./storageErrors.js";
export { STRUCTURE_RULES } from "./structureRules.js";
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
export { timesWidthPt } from "./textWidth.js";
export * from "./tracking.js";
export * from "./trackingChecks.js";
export { type ValidateOptions, type ValidationResult, validatePlan } from "./validatePlan.js";
export * from "./vietnameseFormat.js";
export * from "./vietnamTime.js";
