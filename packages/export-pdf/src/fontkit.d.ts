/** The part of fontkit (pdfkit's own font engine) this package uses: parse a font once. */
declare module "fontkit" {
  /** A parsed font; pdfkit embeds it as given (anything with a `layout` function). */
  export interface Font {
    readonly postscriptName: string;
    layout(text: string, features?: unknown): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

/** linebreak (pdfkit's own UAX #14 line breaker): where a line may break in a text. */
declare module "linebreak" {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { readonly position: number; readonly required: boolean } | null;
  }
}
