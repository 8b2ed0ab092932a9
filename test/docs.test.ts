/**
 * The guides cannot rot: every `sh run` block of getting-started.md and scoring.md is run as written
 * (with the BUILT `cchc` on PATH, in a fresh folder), every output line a guide shows is checked
 * against what the command printed (lines with "…" are abridged and skipped), and every excerpt
 * marked `<!-- snippet: path -->` must appear verbatim in that file, which test/docs-snippets.test.ts
 * runs and `tsc -b` type-checks.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fencedBlocks, runBlocks } from "./support/markdown.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "packages/cli/dist/main.js");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

let scratch: string;
let shims: string;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  scratch = mkdtempSync(join(tmpdir(), "cchc-docs-"));
  shims = join(scratch, "bin");
  mkdirSync(shims);
  // `cchc` as the guides type it, i.e. as `pnpm exec cchc` runs it: the built bin.
  writeFileSync(join(shims, "cchc"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(shims, "cchc"), 0o755);
});
afterAll(() => rm(scratch));
const rm = (dir: string | undefined) => dir && rmSync(dir, { recursive: true, force: true });

/** Runs a guide's `sh run` blocks in order in one folder; returns each block's output. */
function runGuide(guide: string, prepare: (dir: string) => void = () => undefined) {
  const dir = join(scratch, guide.replace(/\W/g, "-"));
  mkdirSync(dir);
  prepare(dir);
  const blocks = runBlocks(read(guide));
  expect(blocks.length, `${guide} has no \`sh run\` block`).toBeGreaterThan(0);
  return {
    dir,
    outputs: blocks.map(({ block, shown }) => {
      const r = spawnSync("bash", ["-euo", "pipefail", "-c", block.body], {
        cwd: dir,
        env: { ...process.env, PATH: `${shims}:${process.env.PATH ?? ""}` },
        encoding: "utf8",
        timeout: 120_000,
      });
      const output = `${r.stdout}${r.stderr}`;
      expect(r.status, `${guide}:${block.line}\n${block.body}\n${output}`).toBe(0);
      for (const line of (shown?.body ?? "").split("\n"))
        if (line.trim() !== "" && !line.includes("…"))
          expect(
            output,
            `${guide}:${shown?.line}: the guide shows a line the command did not print`,
          ).toContain(line.trimEnd());
      return output;
    }),
  };
}

describe("docs/getting-started.md", () => {
  it("the five-minute path runs as written: validate, calendar, generate and score, export, remind, store", () => {
    const { dir, outputs } = runGuide("docs/getting-started.md");
    const all = outputs.join("\n");
    expect(all).toContain("0 lỗi, 4 cảnh báo / 0 errors, 4 warnings");
    expect(all).toContain("Xếp hạng đơn vị / Unit ranking");
    expect(all).toContain("Nhắc nhở đến hạn / Reminders due — 08/03/2018 (mic-2018): 1");
    for (const f of ["plan.json", "d/records.ndjson", "ke-hoach.docx", "bang-diem.docx", "du-lieu"])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readFileSync(join(dir, "ke-hoach.docx")).subarray(0, 2).toString()).toBe("PK");
  }, 300_000);
});

describe("docs/scoring.md", () => {
  it("cchc score --scheme/--manual runs as written with the scheme and manual scores of docs/snippets", () => {
    const { outputs } = runGuide("docs/scoring.md", (dir) => {
      copyFileSync(join(ROOT, "docs/snippets/scheme.json"), join(dir, "scheme.json"));
      copyFileSync(join(ROOT, "docs/snippets/manual-scores.json"), join(dir, "manual-scores.json"));
    });
    expect(outputs.join("\n")).toContain("Thang điểm / Scheme: tuyen-truyen-rieng 2018.1");
  }, 300_000);
});

describe("docs/appraisal.md", () => {
  it("the appraisal cycle runs as written: round, self-assessment with a PDF, appraisal, answer, round 2, close, score, reopen", () => {
    const { outputs } = runGuide("docs/appraisal.md");
    const all = outputs.join("\n");
    expect(all).toContain("vòng 2/round 2 0,3");
    expect(all).toContain("phiên bản / version 6");
    expect(all).toContain("decide  lead:tccb.lead");
  }, 300_000);
});

describe("excerpts marked <!-- snippet: path --> are copied verbatim from their file", () => {
  const guides = [
    "docs/getting-started.md",
    "docs/scoring.md",
    "docs/effect-and-promise.md",
    "docs/adapters.md",
    "docs/exports.md",
    "docs/reminders.md",
    "examples/custom-adapter/README.md",
  ];
  for (const guide of guides)
    it(guide, () => {
      const marked = fencedBlocks(read(guide)).filter((b) => b.snippet !== undefined);
      expect(marked.length, `${guide} has no marked excerpt`).toBeGreaterThan(0);
      for (const b of marked) {
        const source = read(b.snippet ?? "");
        expect(source.includes(b.body), `${guide}:${b.line} is not in ${b.snippet}:\n${b.body}`).toBe(true);
      }
    });
});
