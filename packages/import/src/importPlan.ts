/**
 * `importPlanText`: an issued plan document (text) in, a plan draft out, with findings and
 * leftovers. Pure and synchronous, no Node built-ins: it runs in a browser as well as in Node.
 */
import { type Plan, slugify, validatePlan } from "@cchc/core";
import { readAnnouncement } from "./announcement.js";
import { readBody } from "./body.js";
import {
  type DecisionReading,
  findTypeLine,
  type HeaderReading,
  isAppendixStart,
  isTrailerStart,
  planStart,
  readDecision,
  readHeader,
  readPreamble,
  readTitle,
  readTrailer,
  startsBody,
  type TrailerReading,
} from "./document.js";
import { FindingCollector, MAX_LISTED_FINDINGS } from "./findingCap.js";
import { fold, properCaseName } from "./fold.js";
import { isSeparator } from "./header.js";
import { type ImportFinding, importFinding } from "./importFindings.js";
import { Ledger } from "./ledger.js";
import { type SourceLine, sourceLines } from "./lines.js";
import { readMarker } from "./markers.js";
import { buildOutline } from "./outline.js";
import type { Reflowed } from "./reflow.js";
import {
  failedImport,
  type ImportedDecision,
  type ImportedHeader,
  type ImportOptions,
  type ImportResult,
  MAX_INPUT_BYTES,
  type PlanDraft,
} from "./result.js";
import { opensWithUnit, UnitRegistry } from "./units.js";

/** UTF-8 length of a string (the encoder is native, so this is fast even at 10 MB). */
function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 });
}

/** Refuses inputs that are not a document: too large, empty, or binary. */
export function checkInputText(text: unknown, maxBytes: number): ImportResult | undefined {
  if (typeof text !== "string") {
    return failedImport("import.input-binary", {
      vi: "Đầu vào không phải văn bản (cần một chuỗi ký tự).",
      en: "The input is not text (a string is expected).",
    });
  }
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return failedImport("import.input-too-large", {
      vi: `Văn bản quá lớn (giới hạn ${megabytes(maxBytes)} MB); tách thành nhiều kế hoạch.`,
      en: `The document is too large (limit ${megabytes(maxBytes)} MB); split it into several plans.`,
    });
  }
  if (text.trim() === "") {
    return failedImport("import.input-empty", { vi: "Văn bản rỗng.", en: "The document is empty." });
  }
  if (text.startsWith("PK\u0003\u0004")) {
    return failedImport("import.input-binary", {
      vi: "Đây là tệp nén (.docx/.zip), không phải văn bản thuần; dùng importPlanDocx cho tệp .docx.",
      en: "This is a zip archive (.docx/.zip), not plain text; use importPlanDocx for .docx files.",
    });
  }
  // Control characters other than tab and line ends, or replacement characters from a bad decode.
  let odd = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  const suspicious = /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  for (let i = 0; suspicious && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) {
      odd = text.length;
      break;
    }
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0xfffd) odd++;
  }
  if (odd > 0 && odd >= Math.max(3, text.length / 100)) {
    return failedImport("import.input-binary", {
      vi: "Nội dung không phải văn bản (có ký tự điều khiển hoặc byte không đọc được): tệp nhị phân hay sai bảng mã?",
      en: "The content is not text (control characters or undecodable bytes): a binary file, or the wrong encoding?",
    });
  }
  return undefined;
}

function abbreviationOf(name: string): string | undefined {
  const f = fold(name);
  if (/^(uy ban nhan dan|ubnd)\b/.test(f)) return "UBND";
  if (/^(bo|so) /.test(f) && !/^bo (chi huy|phan)/.test(f)) {
    return name
      .split(/[\s,-]+/u)
      .filter((w) => w !== "" && w.toLocaleLowerCase("vi") !== "và")
      .map((w) => (w.match(/\p{L}/u)?.[0] ?? "").toLocaleUpperCase("vi"))
      .join("");
  }
  return undefined;
}

const byLine = (a: ImportFinding, b: ImportFinding) => (a.line ?? 0) - (b.line ?? 0);

/**
 * Imports a plan from the text of its issued document. Never throws: an unusable input (over the
 * size limit, empty, binary, no plan in it) comes back with `error` set, a partial document with
 * the plan it allows, the findings and the lines left over.
 */
export function importPlanText(text: string, options: ImportOptions = {}): ImportResult {
  const refused = checkInputText(text, options.maxBytes ?? MAX_INPUT_BYTES);
  if (refused) return refused;
  try {
    return importChecked(text, options);
  } catch (err) {
    // Not expected (the property tests look for it); still an answer, never an exception.
    const why = err instanceof Error ? err.message : String(err);
    return failedImport("import.internal", {
      vi: `Lỗi nội bộ của trình nhập: ${why}`,
      en: `Internal error of the importer: ${why}`,
    });
  }
}

function importChecked(text: string, options: ImportOptions): ImportResult {
  const findings = new FindingCollector(Math.max(1, Math.floor(options.maxFindings ?? MAX_LISTED_FINDINGS)));
  const { lines, reflow } = sourceLines(text, findings);
  const ledger = new Ledger(lines);
  const end = lines.length;
  for (const l of lines) if (l.text !== "" && isSeparator(l.text)) ledger.place([l.no]);

  const firstRoman = lines.findIndex((l) => readMarker(l.text)?.type === "roman");
  const typeLimit = firstRoman === -1 ? end : firstRoman;
  const first = findTypeLine(lines, 0, typeLimit);

  let decision: DecisionReading | undefined;
  let inline: { article: number; end: number } | undefined;
  let planEnd = end;
  let regionStart = 0;
  let planType = first;
  if (first?.type.code === "QĐ") {
    const inner = findTypeLine(lines, first.index + 1, end, "KH");
    inline = inner ? undefined : inlinePlan(lines, first.index + 1, end);
    if (inner) {
      regionStart = planStart(lines, first.index, inner.index);
      decision = readDecision(lines, first.index, regionStart, ledger, findings);
      planType = inner;
    } else if (inline !== undefined) {
      // "Điều 1. Ban hành Kế hoạch … với những nội dung sau:", the plan's body, then "Điều 2.": the
      // decision is read around the body, the body as the plan's.
      const around = [...lines.slice(0, inline.article + 1), ...lines.slice(inline.end)];
      decision = readDecision(around, first.index, around.length, ledger, findings);
      regionStart = inline.article + 1;
      planEnd = inline.end;
      planType = undefined;
    } else {
      decision = readDecision(lines, first.index, end, ledger, findings);
      regionStart = end;
      planType = undefined;
      findings.push(
        importFinding("import.plan-not-found", {
          vi: 'Văn bản là quyết định nhưng không kèm nội dung kế hoạch (không thấy dòng "KẾ HOẠCH").',
          en: 'The document is a decision without the plan\'s text (no "KẾ HOẠCH" line found).',
        }),
      );
    }
  } else if (first !== undefined && first.type.code !== "KH") {
    findings.push(
      importFinding(
        "import.document-type",
        {
          vi: `Dòng ${lines[first.index]?.no}: loại văn bản là "${first.type.label}", không phải kế hoạch; vẫn nhập như một kế hoạch.`,
          en: `Line ${lines[first.index]?.no}: the document type is "${first.type.label}", not a plan; imported as a plan anyway.`,
        },
        { line: lines[first.index]?.no, path: ["documentType"] },
      ),
    );
  }

  // The plan's own part: header, type line, title, preamble, body, trailer, appendix.
  const bodyStartGuess = (() => {
    for (let i = regionStart; i < planEnd; i++) if (startsBody((lines[i] as SourceLine).text)) return i;
    return planEnd;
  })();
  const typeIndex = planType?.index;
  const headerEnd =
    typeIndex ??
    (regionStart < planEnd ? Math.min(bodyStartGuess, firstTrailer(lines, regionStart, planEnd)) : planEnd);
  let planHeader: HeaderReading = readHeader(lines.slice(regionStart, headerEnd), ledger, findings);
  let title: string | undefined;
  let cursor = headerEnd;
  if (typeIndex !== undefined) {
    ledger.place([(lines[typeIndex] as SourceLine).no]);
    const t = readTitle(lines, typeIndex, planType?.type.inlineTitle, planEnd, ledger);
    title = t.title;
    cursor = t.next;
  }
  const { preamble, next: bodyStart } = readPreamble(lines, cursor, planEnd, ledger, findings);
  let appendixStart = planEnd;
  for (let i = bodyStart; i < planEnd; i++)
    if (isAppendixStart((lines[i] as SourceLine).text)) {
      appendixStart = i;
      break;
    }
  const trailerStart = firstTrailer(lines, bodyStart, appendixStart);
  const registry = new UnitRegistry();
  const outline = buildOutline(lines.slice(bodyStart, trailerStart));
  const body = readBody(outline, registry, ledger, findings);
  const trailer: TrailerReading = readTrailer(lines.slice(trailerStart, appendixStart), ledger);
  ledger.leave(
    lines.slice(appendixStart, planEnd).map((l) => l.no),
    "appendix",
  );
  registry.adoptAbbreviations([...trailer.archive, ...(decision?.trailer.archive ?? [])]);
  for (const { unit, line } of registry.unknownKinds()) {
    findings.push(
      importFinding(
        "import.unit-kind-unknown",
        {
          vi: `Dòng ${line}: không xác định được loại đơn vị của "${unit.name}"; ghi là "other".`,
          en: `Line ${line}: the kind of unit "${unit.name}" was not recognised; recorded as "other".`,
        },
        { line },
      ),
    );
  }

  const announcement =
    first === undefined && body.sections.size === 0 ? readAnnouncement(lines, findings) : undefined;
  if (announcement !== undefined) {
    // A news item that announces the plan: its header fields from the sentence, the rest left over.
    ledger.place([announcement.line]);
    planHeader = {
      bodies: announcement.issuer === undefined ? [] : [announcement.issuer],
      number: announcement.number,
      date: announcement.date,
      marks: [],
    };
    title = announcement.title;
    findings.push(
      importFinding(
        "import.plan-announced",
        {
          vi: `Dòng ${announcement.line}: văn bản là tin thông báo việc ban hành kế hoạch, không phải toàn văn kế hoạch; chỉ lấy cơ quan, số, ngày, trích yếu từ câu này, phần còn lại để ở dòng chưa xếp. Hãy nhập toàn văn kế hoạch.`,
          en: `Line ${announcement.line}: the text is a news item announcing the plan, not the plan itself; only the issuer, number, date and title were taken from this sentence, the rest is left over. Import the plan's full text.`,
        },
        { line: announcement.line },
      ),
    );
  } else if (first === undefined && body.sections.size === 0) {
    return failedImport(
      "import.not-a-plan",
      {
        vi: 'Không nhận ra kế hoạch trong văn bản: không có dòng "KẾ HOẠCH" và không có mục nào (Mục tiêu, Nội dung, Tổ chức thực hiện…).',
        en: 'No plan recognised in the document: no "KẾ HOẠCH" line and no section (objectives, content, implementation…).',
      },
      lines.length,
    );
  }

  // Header fields: the plan's own first, then its decision's, then the caller's.
  const bodies = planHeader.bodies.length > 0 ? planHeader.bodies : (decision?.header.bodies ?? []);
  let issuerName = bodies[bodies.length - 1];
  const parentName = bodies.length >= 2 ? bodies[bodies.length - 2] : undefined;
  if (issuerName === undefined && title !== undefined) {
    const of = /\bcủa\s+(.+)$/iu.exec(title)?.[1];
    if (of !== undefined && opensWithUnit(of)) issuerName = properCaseName(of);
  }
  issuerName ??= options.issuer?.name;
  const issuedWith = preamble.issuedWith;
  const decisionNumber = decision?.header.number ?? issuedWith?.number;
  const abbreviation =
    planHeader.number?.issuerCode ??
    decisionNumber?.issuerCode ??
    options.issuer?.abbreviation ??
    (issuerName === undefined ? undefined : abbreviationOf(issuerName));
  const planDate = planHeader.date;
  const decisionDate = decision?.header.date ?? issuedWith?.date;
  const date = planDate?.date ?? decisionDate?.date;
  const place = planDate?.place ?? decision?.header.date?.place;
  const titleYear = title === undefined ? undefined : /\bnăm\s+(\d{4})\b/iu.exec(title)?.[1];
  const year =
    (titleYear === undefined ? undefined : Number(titleYear)) ??
    planDate?.year ??
    decisionDate?.year ??
    (title === undefined ? undefined : Number(/\b(20\d{2})\b/.exec(title)?.[1] ?? Number.NaN)) ??
    options.year;
  const planYear = year !== undefined && Number.isFinite(year) ? year : options.year;
  if (title === undefined && decision?.title !== undefined) {
    const t = decision.title.replace(/^(về việc\s+|v\/v\s+)?(ban hành\s+)?(kế hoạch\s+)?/iu, "").trim();
    if (t !== "") title = `${t[0]?.toLocaleUpperCase("vi")}${t.slice(1)}`;
  }

  if (title === undefined) {
    findings.push(
      importFinding(
        "import.title-missing",
        {
          vi: 'Không tìm thấy trích yếu của kế hoạch (dòng dưới "KẾ HOẠCH"); bổ sung "title".',
          en: 'No title found (the line under "KẾ HOẠCH"); add "title".',
        },
        { path: ["title"] },
      ),
    );
  }
  if (issuerName === undefined) {
    findings.push(
      importFinding(
        "import.issuer-missing",
        {
          vi: 'Không tìm thấy cơ quan ban hành (phần đầu văn bản hoặc "… của <cơ quan>" trong trích yếu); bổ sung "issuer" hoặc truyền tùy chọn issuer.',
          en: 'No issuing body found (in the header or as "… của <body>" in the title); add "issuer" or pass the issuer option.',
        },
        { path: ["issuer"] },
      ),
    );
  }
  if (planYear === undefined) {
    findings.push(
      importFinding(
        "import.year-missing",
        {
          vi: 'Không xác định được năm kế hoạch (trích yếu "năm 20xx" hoặc ngày ban hành); bổ sung "year" hoặc truyền tùy chọn year.',
          en: 'No plan year found (a "năm 20xx" in the title or the date of issue); add "year" or pass the year option.',
        },
        { path: ["year"] },
      ),
    );
  }

  // Signer and recipients: the plan's own, else the decision's.
  let signer = trailer.signer;
  if (signer === undefined && decision?.trailer.signer !== undefined) {
    signer = decision.trailer.signer;
    findings.push(
      importFinding(
        "import.signer-from-decision",
        {
          vi: "Kế hoạch không có khối chữ ký riêng; lấy người ký của quyết định ban hành.",
          en: "The plan has no signature block of its own; the decision's signer was taken.",
        },
        { path: ["signer"] },
      ),
    );
  }
  let recipients = trailer.recipients;
  if (recipients.length === 0 && (decision?.trailer.recipients.length ?? 0) > 0) {
    recipients = decision?.trailer.recipients ?? [];
    findings.push(
      importFinding(
        "import.recipients-from-decision",
        {
          vi: "Kế hoạch không có nơi nhận riêng; lấy nơi nhận của quyết định ban hành.",
          en: "The plan has no recipients of its own; the decision's recipients were taken.",
        },
        { path: ["recipients"] },
      ),
    );
  }

  let importedDecision: ImportedDecision | undefined;
  if (decision !== undefined || issuedWith !== undefined) {
    const n = decisionNumber;
    importedDecision = {
      source: decision !== undefined ? "wrapper" : "reference",
      ...(n?.number === undefined ? {} : { number: n.number }),
      ...(n === undefined ? {} : { numberAsWritten: n.asWritten }),
      ...(decisionDate?.date === undefined ? {} : { date: decisionDate.date }),
      ...(decision?.header.date?.place === undefined ? {} : { place: decision.header.date.place }),
      ...(decision?.title === undefined
        ? issuedWith
          ? { title: issuedWith.text }
          : {}
        : { title: decision.title }),
      ...(decision?.header.bodies.length
        ? { issuer: decision.header.bodies[decision.header.bodies.length - 1] }
        : {}),
      ...(decision?.authority === undefined ? {} : { authority: decision.authority }),
      legalBasis: decision?.legalBasis ?? [],
      articles: decision?.articles ?? [],
      recipients: decision?.trailer.recipients ?? [],
      ...(decision?.trailer.signer === undefined ? {} : { signer: decision.trailer.signer }),
    };
    findings.push(
      importFinding(
        "import.plan-in-decision",
        {
          vi: `Kế hoạch được ban hành kèm Quyết định${n?.number ? ` số ${n.number}` : ""}${decisionDate?.date ? ` ngày ${decisionDate.date}` : ""}; kế hoạch không có số riêng, số và ngày của quyết định được giữ trong extensions.decision.`,
          en: `The plan is issued with Decision${n?.number ? ` ${n.number}` : ""}${decisionDate?.date ? ` of ${decisionDate.date}` : ""}; it has no number of its own, and the decision's number and date are kept under extensions.decision.`,
        },
        { line: issuedWith?.line, path: ["extensions", "decision"] },
      ),
    );
  }

  const implementationFound = ["implementation", "responsibilities", "funding", "reporting"].some((k) =>
    body.sections.has(k as never),
  );
  if (
    !implementationFound &&
    trailer.recipients.length === 0 &&
    trailer.signer === undefined &&
    regionStart < end
  ) {
    const lastLine = [...lines].reverse().find((l) => l.text !== "");
    findings.push(
      importFinding(
        "import.truncated",
        {
          vi: `Văn bản có vẻ bị cắt sau dòng ${lastLine?.no ?? 0}: không có phần tổ chức thực hiện, nơi nhận hay chữ ký; đã nhập phần hiện có.`,
          en: `The document looks cut off after line ${lastLine?.no ?? 0}: no implementation section, recipients or signature; what is there was imported.`,
        },
        { line: lastLine?.no },
      ),
    );
  }

  const units = registry.units();
  const draft: PlanDraft = {
    id:
      options.id ??
      `${slugify(abbreviation ?? issuerName ?? "ke-hoach") || "ke-hoach"}${planYear === undefined ? "" : `-${planYear}`}`,
    documentType: "KH",
    ...(issuerName === undefined
      ? {}
      : { issuer: abbreviation === undefined ? { name: issuerName } : { name: issuerName, abbreviation } }),
    ...(parentName === undefined ? {} : { parentBody: { name: parentName } }),
    ...(planHeader.number?.number === undefined ? {} : { number: planHeader.number.number }),
    ...(place === undefined ? {} : { place }),
    ...(date === undefined ? {} : { date }),
    ...(planYear === undefined ? {} : { year: planYear }),
    ...(title === undefined ? {} : { title }),
    ...(signer === undefined ? {} : { signer }),
    objectives: body.objectives,
    requirements: body.requirements,
    audiences: body.audiences,
    contentAreas: body.contentAreas,
    channels: body.channels,
    units,
    responsibilities: body.responsibilities,
    fundingSources: body.fundingSources,
    ...(body.reporting === undefined ? {} : { reporting: body.reporting }),
    recipients: recipients.map((r) => ({ text: r })),
    ...(Object.keys(body.headings).length === 0 ? {} : { headings: body.headings }),
    ...(importedDecision === undefined
      ? {}
      : {
          extensions: {
            decision: {
              ...(importedDecision.number === undefined ? {} : { number: importedDecision.number }),
              ...(importedDecision.date === undefined ? {} : { date: importedDecision.date }),
              ...(importedDecision.title === undefined ? {} : { title: importedDecision.title }),
            },
          },
        }),
  };

  const validation = validatePlan(draft, options.validation);
  const plan: Plan | undefined = validation.plan;
  findings.sortKept(byLine);
  findings.pushAll(validation.errors);
  findings.pushAll(validation.warnings);
  const all = findings.listed();
  const tally = findings.tally();
  const { leftovers, placed } = ledger.account(reflow);
  const header: ImportedHeader = {
    documentType: planType?.type.code ?? (inline === undefined ? first?.type.code : "KH"),
    ...(planType === undefined && first === undefined
      ? {}
      : { documentTypeText: (planType ?? first)?.type.label }),
    ...(parentName === undefined ? {} : { parentBody: parentName }),
    ...(issuerName === undefined ? {} : { issuer: issuerName }),
    ...(abbreviation === undefined ? {} : { issuerAbbreviation: abbreviation }),
    ...(planHeader.number?.number === undefined ? {} : { number: planHeader.number.number }),
    ...(planHeader.number === undefined ? {} : { numberAsWritten: planHeader.number.asWritten }),
    ...(place === undefined ? {} : { place }),
    ...(date === undefined ? {} : { date }),
    ...(planDate === undefined ? {} : { dateAsWritten: planDate.asWritten }),
    ...(title === undefined ? {} : { title }),
    ...(planYear === undefined ? {} : { year: planYear }),
    ...(signer === undefined ? {} : { signer }),
    recipients,
    legalBasis: preamble.legalBasis,
    preamble: preamble.paragraphs,
    closing: body.closing,
    marks: planHeader.marks,
    ...(importedDecision === undefined ? {} : { decision: importedDecision }),
  };
  return {
    ok: plan !== undefined && tally.errors === 0,
    plan,
    draft,
    findings: all,
    leftovers,
    skipped: reflow?.skipped ?? [],
    header,
    counts: {
      lines: lines.length,
      placed,
      skipped: skippedCount(lines, reflow),
      objectives: body.objectives.length,
      requirements: body.requirements.length,
      audiences: body.audiences.length,
      contentAreas: body.contentAreas.length,
      channels: body.channels.length,
      units: units.length,
      responsibilities: body.responsibilities.length,
      fundingSources: body.fundingSources.length,
      reportingPeriods: body.reporting?.periodTypes.length ?? 0,
      recipients: recipients.length,
      leftovers: leftovers.length,
      findings: tally.total,
      errors: tally.errors,
      warnings: tally.warnings,
    },
    error: undefined,
  };
}

/** Input lines skipped: blank ones, and those the reflow skipped for a reason (not folded into another). */
function skippedCount(lines: readonly SourceLine[], reflow: Reflowed | undefined): number {
  let blank = 0;
  for (const l of lines) if (l.text === "" && (reflow?.headOf[l.no - 1] ?? 0) === 0) blank++;
  // A skipped line is blank in `lines` too: counted once, as skipped.
  return blank;
}

/**
 * A plan written inside the decision's first article: "Điều 1. Ban hành Kế hoạch … (với những nội
 * dung|như) sau:" followed by the plan's outline, up to "Điều 2." (or the end).
 */
function inlinePlan(
  lines: readonly SourceLine[],
  from: number,
  until: number,
): { article: number; end: number } | undefined {
  for (let i = from; i < until; i++) {
    const f = fold((lines[i] as SourceLine).text);
    if (!/^dieu 1\b/.test(f)) continue;
    if (!/\bke hoach\b/.test(f)) return undefined;
    let next = i + 1;
    while (next < until && (lines[next] as SourceLine).text === "") next++;
    const opens = next < until && readMarker((lines[next] as SourceLine).text)?.type === "roman";
    if (!/\bsau\s*:\s*$/.test(f) && !opens) return undefined;
    for (let j = next; j < until; j++)
      if (/^dieu [2-9]\d*\b/.test(fold((lines[j] as SourceLine).text))) return { article: i, end: j };
    return { article: i, end: firstTrailer(lines, next, until) };
  }
  return undefined;
}

function firstTrailer(lines: readonly SourceLine[], from: number, until: number): number {
  for (let i = from; i < until; i++) if (isTrailerStart((lines[i] as SourceLine).text)) return i;
  return until;
}
