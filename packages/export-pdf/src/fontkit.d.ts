/** The part of fontkit (pdfkit's own font engine) this package uses: parse a font once. */
declare module "fontkit" {
  /** A parsed font; pdfkit embeds it as given (anything with a `layout` function). */
  export interface Font {
    readonly postscriptName: string;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
