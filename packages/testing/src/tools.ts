/**
 * The Debian tools some tests drive (LibreOffice, Chromium, poppler): one table (`tools.json`, also
 * read by `scripts/test-prerequisites.mjs`, which `pnpm test` runs first and which installs what is
 * missing when it can), and `requireTool`, which a test calls first so that a missing tool fails it
 * at once with the package to install, instead of a puzzling error from deep inside the test.
 * Tests never skip for a missing tool.
 *
 * @module @cchc/testing/tools
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import table from "./tools.json" with { type: "json" };

/** The tools a test can ask for. */
export type ToolId = "libreoffice-calc" | "libreoffice-writer" | "chromium" | "poppler";

/** One tool: the files that must be there, and the Debian packages that provide them. */
export interface Tool {
  readonly id: ToolId;
  /** What a person calls it ("LibreOffice Calc"). */
  readonly name: string;
  /** Absolute paths that must all exist; the first is the program to run. */
  readonly files: readonly string[];
  /** The Debian packages to install (with `--no-install-recommends`). */
  readonly debian: readonly string[];
  /** Needed by `pnpm test`: `scripts/test-prerequisites.mjs` checks (and installs) it first. */
  readonly suite: boolean;
}

/** Every tool, by id. */
export const TOOLS: Readonly<Record<ToolId, Tool>> = Object.fromEntries(
  (Object.entries(table) as [ToolId, Omit<Tool, "id">][]).map(([id, t]): [ToolId, Tool] => [
    id,
    { id, ...t },
  ]),
) as Record<ToolId, Tool>;

/**
 * The tools among `ids` (default: every tool `pnpm test` needs) that are not installed; `exists`
 * tells whether a file is there (default `existsSync`).
 */
export function missingTools(
  ids?: readonly ToolId[],
  exists: (path: string) => boolean = existsSync,
): Tool[] {
  const wanted = ids ?? Object.values(TOOLS).flatMap((t) => (t.suite ? [t.id] : []));
  return wanted.map((id) => TOOLS[id]).filter((t) => !t.files.every((f) => exists(f)));
}

/** The one command that installs `tools` (deduplicated packages, in table order). */
export function installCommand(tools: readonly Tool[]): string {
  const packages = [...new Set(tools.flatMap((t) => t.debian))];
  return `apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

/** "thiếu X — cài: apt-get … / missing X — install: apt-get …" for `tools`. */
export function missingToolMessage(tools: readonly Tool[]): string {
  const names = tools.map((t) => t.name).join(", ");
  const command = installCommand(tools);
  return `thiếu ${names} — cài: ${command} / missing ${names} — install: ${command}`;
}

/**
 * Fails at once, naming the Debian packages to install, unless every tool is installed; returns
 * the program of the first one (`requireTool("chromium")` is `/usr/bin/chromium`).
 */
export function requireTool(...ids: [ToolId, ...ToolId[]]): string {
  const missing = missingTools(ids);
  if (missing.length > 0) throw new Error(missingToolMessage(missing));
  return TOOLS[ids[0]].files[0] as string;
}

/** A word of a PDF page as poppler reads it, in points from the page's top left corner. */
export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * Each page of a PDF file with its size and its words where they really are (`pdftotext -bbox`):
 * what the layout tests measure, rather than the positions a renderer meant to use.
 */
export function pdfPageWords(file: string): Array<{ width: number; height: number; words: PdfWord[] }> {
  const html = execFileSync(requireTool("poppler"), ["-bbox", file, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return html
    .split(/<page /)
    .slice(1)
    .map((page) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: decodeEntities(m[5] ?? ""),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      }));
      return { width: Number(size?.[1]), height: Number(size?.[2]), words };
    });
}
