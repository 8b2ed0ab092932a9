/**
 * Reading the guides the way the docs tests need: the fenced blocks of a Markdown file, with the
 * marks that tie them to what they claim (`sh run` blocks are run; a block after
 * `<!-- snippet: path -->` must appear verbatim in that file).
 */

/** One fenced block: its info string ("sh run", "ts", ""), body, and the snippet mark above it. */
export interface FencedBlock {
  readonly info: string;
  readonly body: string;
  /** The path of `<!-- snippet: path -->` on the line right above the fence, if any. */
  readonly snippet: string | undefined;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/** Every fenced block of a Markdown text, in order (``` fences at the start of a line). */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split("\n");
  const out: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i] ?? "");
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i] ?? "");
    const above = /^<!-- snippet: (\S+) -->$/.exec(lines[start - 1] ?? "");
    out.push({ info: (open[1] ?? "").trim(), body: body.join("\n"), snippet: above?.[1], line: start + 1 });
  }
  return out;
}

/** The `sh run` blocks, each with the plain block that follows it (the output it shows), if any. */
export function runBlocks(markdown: string): { block: FencedBlock; shown: FencedBlock | undefined }[] {
  const blocks = fencedBlocks(markdown);
  return blocks.flatMap((block, i) => {
    if (block.info !== "sh run") return [];
    const next = blocks[i + 1];
    return [{ block, shown: next && next.info === "" ? next : undefined }];
  });
}
