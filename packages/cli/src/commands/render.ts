/**
 * `cchc render <file> [--format md|json|text] [--out <file>]`: the plan in the official layout.
 * A plan with errors still renders (drafts are rendered to be reviewed); one whose shape does not
 * parse cannot, and its findings go to stderr.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Plan, renderPlanJson, renderPlanMarkdown, renderPlanText, validatePlan } from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, oneLine, quote } from "../errors.js";
import { findingsText } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadPlanFile } from "../loadPlanFile.js";

const RENDERERS: Record<string, (plan: Plan) => string> = {
  md: renderPlanMarkdown,
  json: renderPlanJson,
  text: renderPlanText,
};

/** Runs `cchc render`; returns the exit code. */
export async function renderCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "render",
    args,
    { format: { type: "string", short: "f" }, out: { type: "string", short: "o" } },
    { min: 1, max: 1, what: { vi: "tệp kế hoạch", en: "a plan file" } },
  );
  const format = values.format ?? "md";
  const renderer = Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
  if (renderer === undefined) {
    throw new CliError({
      vi: `dạng kết xuất ${quote(format)} không có; chọn md, json hoặc text`,
      en: `unknown format ${quote(format)}; use md, json or text ${helpHint("render")}`,
    });
  }
  const out = values.out;
  if (out === "") {
    throw new CliError({ vi: "--out cần tên tệp", en: `--out needs a file name ${helpHint("render")}` });
  }

  const file = await loadPlanFile(io, positionals[0] ?? "");
  const outPath = out === undefined ? undefined : resolve(io.cwd, out);
  if (outPath !== undefined && outPath === file.absolutePath) {
    throw new CliError({
      vi: `--out ${quote(out ?? "")} trùng tệp kế hoạch đầu vào; chọn tệp khác để không ghi đè`,
      en: `--out ${quote(out ?? "")} is the input plan file; choose another file so it is not overwritten`,
    });
  }

  const result = validatePlan(file.data);
  if (result.plan === undefined) {
    io.stderr(findingsText(result.errors, result.warnings));
    return EXIT.findings;
  }
  let rendered: string;
  try {
    rendered = renderer(result.plan);
  } catch (err) {
    // Free data under "extensions" can nest deeper than JSON.stringify's stack: bad input, not a bug.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new CliError({
        vi: "kế hoạch lồng nhau quá sâu, không kết xuất được (xem trường extensions)",
        en: "the plan is nested too deeply to render (check extensions)",
      });
    }
    throw err;
  }
  if (result.errors.length > 0) {
    const n = result.errors.length;
    io.stderr(
      `cchc: cảnh báo: kế hoạch có ${n} lỗi, vẫn kết xuất (xem cchc validate) / ` +
        `warning: the plan has ${n} error${n === 1 ? "" : "s"}, rendered anyway (see cchc validate)\n`,
    );
  }

  if (outPath === undefined) {
    io.stdout(rendered);
    return EXIT.ok;
  }
  try {
    await (io.writeFile ?? ((p: string, t: string) => writeFile(p, t, "utf8")))(outPath, rendered);
  } catch (err) {
    const why = oneLine(err instanceof Error ? err.message : String(err));
    throw new CliError({
      vi: `không ghi được tệp ${oneLine(out ?? "")}: ${why}`,
      en: `cannot write ${oneLine(out ?? "")}: ${why}`,
    });
  }
  return EXIT.ok;
}
