/**
 * Reads a .docx back the way Word does, with independent tools: fflate unzips the package,
 * fast-xml-parser parses each part (and validates it is well-formed XML). Small helpers then walk
 * the WordprocessingML tree and resolve what a run looks like (document defaults + direct format).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";

/** An element of a parsed part: name, attributes, child elements, text of its text nodes. */
export interface XNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XNode[];
  readonly text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw): XNode | undefined {
  const name = Object.keys(raw).find((k) => k !== ":@");
  if (name === undefined || name === "#text") return undefined;
  const attrs = (raw[":@"] ?? {}) as Record<string, string>;
  const kids = (raw[name] ?? []) as Raw[];
  const children: XNode[] = [];
  let text = "";
  for (const k of kids) {
    if ("#text" in k) text += String(k["#text"]);
    else {
      const c = convert(k);
      if (c) children.push(c);
    }
  }
  return { name, attrs, children, text };
}

/** Parses one XML part; throws when it is not well-formed. */
export function parseXml(xml: string): XNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const list = parser.parse(xml) as Raw[];
  const root = list.map(convert).find((n) => n !== undefined && n.name !== "?xml");
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element named `name` under `node` (depth first, document order). */
export function all(node: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The first direct child named `name`. */
export function child(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** The visible text of a paragraph (or any element): its w:t runs joined. */
export function textOf(node: XNode): string {
  if (node.name === "w:t") return node.text;
  return node.children.map(textOf).join("");
}

/** The unzipped package: its parts by path, the main parts parsed. */
export interface DocxPackage {
  readonly parts: Readonly<Record<string, string>>;
  readonly document: XNode;
  readonly styles: XNode;
  /** The document body (w:body). */
  readonly body: XNode;
  /** Header parts by relationship id. */
  readonly headers: Readonly<Record<string, XNode>>;
}

/** Unzips and parses a .docx; every XML part must be well-formed. */
export function readDocx(bytes: Uint8Array): DocxPackage {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith(".xml") || path.endsWith(".rels")) {
      parts[path] = strFromU8(data);
      parseXml(parts[path]); // throws when not well-formed
    }
  }
  const document = parseXml(parts["word/document.xml"] ?? "");
  const styles = parseXml(parts["word/styles.xml"] ?? "");
  const rels = parseXml(parts["word/_rels/document.xml.rels"] ?? "");
  const headers: Record<string, XNode> = {};
  for (const r of all(rels, "Relationship")) {
    if (r.attrs.Type?.endsWith("/header")) {
      const xml = parts[`word/${r.attrs.Target}`];
      if (xml !== undefined && r.attrs.Id !== undefined) headers[r.attrs.Id] = parseXml(xml);
    }
  }
  const body = child(document, "w:body");
  if (!body) throw new Error("no w:body");
  return { parts, document, styles, body, headers };
}

/** What a run of text looks like once the document defaults are applied. */
export interface RunLook {
  readonly text: string;
  readonly font: string | undefined;
  /** Size in points. */
  readonly sizePt: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

const on = (n: XNode | undefined) =>
  n !== undefined && n.attrs["w:val"] !== "false" && n.attrs["w:val"] !== "0";

/** The document defaults of styles.xml: font and size every run starts from. */
export function runDefaults(pkg: DocxPackage): { font: string | undefined; sizePt: number } {
  const rPr = child(child(child(pkg.styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr");
  const sz = child(rPr, "w:sz")?.attrs["w:val"];
  return { font: child(rPr, "w:rFonts")?.attrs["w:ascii"], sizePt: sz === undefined ? 10 : Number(sz) / 2 };
}

/** The runs of a paragraph with their effective look (no paragraph styles are used). */
export function runsOf(pkg: DocxPackage, p: XNode): RunLook[] {
  const d = runDefaults(pkg);
  return all(p, "w:r").map((r) => {
    const rPr = child(r, "w:rPr");
    const sz = child(rPr, "w:sz")?.attrs["w:val"];
    return {
      text: textOf(r),
      font: child(rPr, "w:rFonts")?.attrs["w:ascii"] ?? d.font,
      sizePt: sz === undefined ? d.sizePt : Number(sz) / 2,
      bold: on(child(rPr, "w:b")),
      italic: on(child(rPr, "w:i")),
    };
  });
}

/** A paragraph's layout: alignment, indents and spacing in twips, borders. */
export interface ParagraphLook {
  readonly text: string;
  readonly align: string | undefined;
  readonly firstLine: number;
  readonly left: number;
  readonly right: number;
  readonly before: number;
  readonly after: number;
  readonly line: number | undefined;
  readonly lineRule: string | undefined;
  readonly bottomBorder: boolean;
  readonly runs: RunLook[];
}

export function paragraphLook(pkg: DocxPackage, p: XNode): ParagraphLook {
  const pPr = child(p, "w:pPr");
  const ind = child(pPr, "w:ind")?.attrs ?? {};
  const sp = child(pPr, "w:spacing")?.attrs ?? {};
  return {
    text: textOf(p),
    align: child(pPr, "w:jc")?.attrs["w:val"],
    firstLine: Number(ind["w:firstLine"] ?? 0),
    left: Number(ind["w:left"] ?? ind["w:start"] ?? 0),
    right: Number(ind["w:right"] ?? ind["w:end"] ?? 0),
    before: Number(sp["w:before"] ?? 0),
    after: Number(sp["w:after"] ?? 0),
    line: sp["w:line"] === undefined ? undefined : Number(sp["w:line"]),
    lineRule: sp["w:lineRule"],
    bottomBorder: child(child(pPr, "w:pBdr"), "w:bottom") !== undefined,
    runs: runsOf(pkg, p),
  };
}

/** The rows of a table, each a list of cells, each a list of its paragraphs. */
export function tableCells(tbl: XNode): XNode[][][] {
  return tbl.children
    .filter((c) => c.name === "w:tr")
    .map((tr) => tr.children.filter((c) => c.name === "w:tc").map((tc) => all(tc, "w:p")));
}

/** The body's top-level blocks in order: paragraphs and tables. */
export function blocks(pkg: DocxPackage): XNode[] {
  return pkg.body.children.filter((c) => c.name === "w:p" || c.name === "w:tbl");
}

/** Every paragraph's text, one per line: what a reader sees, in order (tables included). */
export function plainText(pkg: DocxPackage): string {
  return all(pkg.body, "w:p")
    .map(textOf)
    .filter((t) => t !== "")
    .join("\n");
}
