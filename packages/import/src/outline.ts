/**
 * The body of a plan as a tree of outline items. Levels come from the markers themselves, not from
 * fixed positions: a marker type already open closes back to it (a sibling), a new type opens a
 * level below (a child). So "I. / 1. / a) / -" and a commune's "1. / 1.1. / -" both nest right, and
 * a plan that skips a level still reads.
 */
import { isUpperText } from "./fold.js";
import { isSeparator } from "./header.js";
import { headingKinds, isObjectiveSubheading } from "./keywords.js";
import type { SourceLine } from "./lines.js";
import { isBullet, type MarkerType, readMarker } from "./markers.js";

/** One item of the outline. */
export interface OutlineNode {
  /** The marker type; "para" for a paragraph without marker, "subhead" for an unmarked sub-heading. */
  readonly type: MarkerType | "para" | "subhead";
  /** The marker's label ("II", "1", "đ"); undefined for bullets and paragraphs. */
  readonly label: string | undefined;
  /** The text after the marker (continuation lines joined with a space). */
  text: string;
  /** The lines the item was read from. */
  readonly lines: number[];
  readonly children: OutlineNode[];
}

const ENDS_SENTENCE = /[.:;!?…)"”]$/u;

/**
 * What `continues` reads of the item being continued. An item continued line after line (a PDF copy
 * rewraps a paragraph; an attacker sends a million lower-case lines) keeps its pieces and these
 * facts as they grow, and its text is joined once at the end: testing the end of a string built by
 * appending to it would copy the whole string again on every line.
 */
interface Tail {
  readonly pieces: string[];
  length: number;
  hasLetter: boolean;
  hasLower: boolean;
}

function tailOf(text: string): Tail {
  return {
    pieces: [text],
    length: text.length,
    hasLetter: /\p{L}/u.test(text),
    hasLower: /\p{Ll}/u.test(text),
  };
}

/** Whether an unmarked line continues the previous item (a paragraph wrapped by a PDF copy). */
function continues(previous: OutlineNode | undefined, tail: Tail | undefined, text: string): boolean {
  if (previous === undefined || tail === undefined || previous.type === "subhead") return false;
  const last = tail.pieces[tail.pieces.length - 1] ?? "";
  const upper = tail.hasLetter && !tail.hasLower;
  // A heading in capitals wrapped onto a second line: "I. MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG" / "TUYÊN TRUYỀN".
  if (
    previous.label !== undefined &&
    previous.children.length === 0 &&
    upper &&
    isUpperText(text) &&
    text.split(" ").length <= 8 &&
    !/[.:;]$/u.test(last)
  )
    return true;
  if (/^\p{Ll}/u.test(text)) return !/[.;:]$/u.test(last);
  if (ENDS_SENTENCE.test(last) || tail.length < 60) return false;
  // A long heading in capitals is a heading, not a wrapped paragraph.
  return tail.hasLower;
}

/** Whether an unmarked short line is a sub-heading ("Mục tiêu chung", "Mục tiêu cụ thể:"). */
function isUnmarkedHeading(text: string): boolean {
  if (text.split(" ").length > 6) return false;
  return (
    isObjectiveSubheading(text) || (headingKinds(text).length > 0 && !/[.;]$/u.test(text) && text.length < 50)
  );
}

/**
 * Builds the outline of body lines. Paragraphs without a marker belong to the nearest open item
 * that is not a bullet; a paragraph ending with ":" opens a list, so the bullets after it are its
 * children (a lead-in like "Các cơ quan hành chính thuộc Bộ có trách nhiệm:").
 */
export function buildOutline(lines: readonly SourceLine[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  let last: OutlineNode | undefined;
  /** The pieces and facts of `last`, while it may still be continued. */
  let tail: Tail | undefined;
  /** Items continued over several lines: their text is joined once, at the end. */
  const grown: Array<[OutlineNode, Tail]> = [];
  const attach = (node: OutlineNode) => {
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
  };
  for (const line of lines) {
    const text = line.text;
    // Blank lines, rules, and page numbers of a PDF copy ("2", "- 3 -", "Trang 2/5") are not items.
    if (text === "" || isSeparator(text) || /^(-\s*)?\d{1,3}(\s*-)?$|^trang \d+(\/\d+)?$/iu.test(text))
      continue;
    const marker = readMarker(text);
    if (marker) {
      const node: OutlineNode = {
        type: marker.type,
        label: marker.label,
        text: marker.rest.trim(),
        lines: [line.no],
        children: [],
      };
      const open = lastIndexOf(stack, marker.type);
      if (open >= 0) stack.length = open;
      else if (!isBullet(marker.type)) {
        // A labelled item never hangs under a bullet or a lead-in paragraph.
        while (stack.length > 0 && isLoose(stack[stack.length - 1] as OutlineNode)) stack.pop();
      }
      attach(node);
      stack.push(node);
      last = node;
      tail = tailOf(node.text);
      continue;
    }
    if (last !== undefined && tail !== undefined && continues(last, tail, text)) {
      if (tail.pieces.length === 1) grown.push([last, tail]);
      tail.pieces.push(text);
      tail.length += 1 + text.length;
      tail.hasLetter ||= /\p{L}/u.test(text);
      tail.hasLower ||= /\p{Ll}/u.test(text);
      last.lines.push(line.no);
      continue;
    }
    if (isUnmarkedHeading(text)) {
      const node: OutlineNode = { type: "subhead", label: undefined, text, lines: [line.no], children: [] };
      const open = lastIndexOf(stack, "subhead");
      if (open >= 0) stack.length = open;
      else while (stack.length > 0 && isLoose(stack[stack.length - 1] as OutlineNode)) stack.pop();
      attach(node);
      stack.push(node);
      last = node;
      tail = tailOf(node.text);
      continue;
    }
    // A paragraph: close bullets and lead-ins, then hang under what is left open.
    while (stack.length > 0 && isLoose(stack[stack.length - 1] as OutlineNode)) stack.pop();
    const node: OutlineNode = { type: "para", label: undefined, text, lines: [line.no], children: [] };
    attach(node);
    if (text.endsWith(":")) stack.push(node);
    last = node;
    tail = tailOf(node.text);
  }
  for (const [node, t] of grown) node.text = t.pieces.join(" ");
  return roots;
}

function lastIndexOf(stack: readonly OutlineNode[], type: OutlineNode["type"]): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.type === type) return i;
  return -1;
}

function isLoose(node: OutlineNode): boolean {
  return isBullet(node.type) || node.type === "para";
}

/** The item with its marker, as the document writes it (for leftovers). */
export function nodeLine(node: OutlineNode): string {
  if (node.type === "para" || node.type === "subhead") return node.text;
  if (node.label === undefined) return `- ${node.text}`;
  return node.type === "letter" ? `${node.label}) ${node.text}` : `${node.label}. ${node.text}`;
}

/** Every node below (depth first), for flattening duties. */
export function* descendants(node: OutlineNode): Generator<OutlineNode> {
  for (const c of node.children) {
    yield c;
    yield* descendants(c);
  }
}
