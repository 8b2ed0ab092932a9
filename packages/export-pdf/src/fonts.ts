/**
 * The font faces a PDF embeds. Times New Roman itself cannot be shipped, so the default is Tinos
 * (SIL Open Font License), drawn to Times New Roman's metrics, with every Vietnamese letter. Its
 * npm package's `index.js` is written for Expo and does not load in Node, so the .ttf files are
 * resolved by path.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

/** The four faces of a font family, as TrueType bytes (or paths to .ttf files). */
export interface PdfFonts {
  readonly regular: Uint8Array | string;
  readonly bold: Uint8Array | string;
  readonly italic: Uint8Array | string;
  readonly boldItalic: Uint8Array | string;
  /**
   * Fonts tried, in order, for characters the family has no glyph for (Thai, Arabic, emoji, CJK…).
   * Default: the Noto fonts this package ships (`notoFallbackFontPaths()`); `[]` for none.
   * Characters no font covers are shown as "\uFFFD" and reported.
   */
  readonly fallbacks?: readonly PdfFallbackFont[];
}

/** A font for the characters the main family lacks: upright faces only (italic text uses them upright). */
export interface PdfFallbackFont {
  readonly regular: Uint8Array | string;
  /** Used for bold text; default: `regular`. */
  readonly bold?: Uint8Array | string;
}

const TINOS_FILES = {
  regular: "400Regular/Tinos_400Regular.ttf",
  bold: "700Bold/Tinos_700Bold.ttf",
  italic: "400Regular_Italic/Tinos_400Regular_Italic.ttf",
  boldItalic: "700Bold_Italic/Tinos_700Bold_Italic.ttf",
} as const;

/** Absolute paths of the Tinos faces installed with this package. */
export function tinosFontPaths(): { readonly [K in "regular" | "bold" | "italic" | "boldItalic"]: string } {
  const require = createRequire(import.meta.url);
  const resolve = (file: string) => require.resolve(`@expo-google-fonts/tinos/${file}`);
  return {
    regular: resolve(TINOS_FILES.regular),
    bold: resolve(TINOS_FILES.bold),
    italic: resolve(TINOS_FILES.italic),
    boldItalic: resolve(TINOS_FILES.boldItalic),
  };
}

/**
 * The fallback fonts shipped with this package, each small enough to install with it: Noto Sans
 * Thai (≈ 50 KB a face), Noto Naskh Arabic (≈ 200 KB) and the monochrome Noto Emoji (≈ 890 KB;
 * PDF has no colour glyphs pdfkit can write). CJK is not shipped: a Noto CJK face is ≈ 10 MB, its
 * npm package ≈ 95 MB; pass one in `PdfFonts.fallbacks` when documents need it.
 */
export function notoFallbackFontPaths(): ReadonlyArray<{ readonly regular: string; readonly bold: string }> {
  const require = createRequire(import.meta.url);
  const pair = (pkg: string, base: string) => ({
    regular: require.resolve(`@expo-google-fonts/${pkg}/400Regular/${base}_400Regular.ttf`),
    bold: require.resolve(`@expo-google-fonts/${pkg}/700Bold/${base}_700Bold.ttf`),
  });
  return [
    pair("noto-sans-thai", "NotoSansThai"),
    pair("noto-naskh-arabic", "NotoNaskhArabic"),
    pair("noto-emoji", "NotoEmoji"),
  ];
}

let tinos: Promise<PdfFonts> | undefined;

/** The Tinos faces read once per process and kept (about 2 MB), so later exports skip the disk. */
export function loadTinos(): Promise<PdfFonts> {
  tinos ??= (async () => {
    const paths = tinosFontPaths();
    const [regular, bold, italic, boldItalic] = await Promise.all(
      [paths.regular, paths.bold, paths.italic, paths.boldItalic].map((p) => readFile(p)),
    );
    return {
      regular: regular as Uint8Array,
      bold: bold as Uint8Array,
      italic: italic as Uint8Array,
      boldItalic: boldItalic as Uint8Array,
    };
  })().catch((err: unknown) => {
    tinos = undefined;
    throw err;
  });
  return tinos;
}

/** One parsed face, as pdfkit embeds it (fontkit's font object; only what this package relies on). */
export interface ParsedFont {
  readonly postscriptName: string;
  /** Shapes a run of text into glyphs (pdfkit calls it; this package caches its results). */
  layout(text: string, features?: unknown): unknown;
  /**
   * Whether the font draws this code point (fontkit's cmap lookup). A font without it is taken to
   * cover everything, as before fallbacks existed.
   */
  hasGlyphForCodePoint?(codePoint: number): boolean;
}

/** The four faces parsed, ready to embed. */
export interface ParsedFonts {
  readonly regular: ParsedFont;
  readonly bold: ParsedFont;
  readonly italic: ParsedFont;
  readonly boldItalic: ParsedFont;
  /** Fonts for the characters the four faces lack, in the order they are tried. */
  readonly fallbacks?: ReadonlyArray<{ readonly regular: ParsedFont; readonly bold: ParsedFont }>;
}

/**
 * Parses the faces once. Parsing a TrueType font's layout tables costs far more than laying out
 * a document, so an exporter keeps the parsed faces and every PDF embeds subsets of them.
 */
export async function parseFonts(fonts: PdfFonts): Promise<ParsedFonts> {
  const open = async (face: Uint8Array | string) =>
    withLayoutCache(create(typeof face === "string" ? new Uint8Array(await readFile(face)) : face));
  const [regular, bold, italic, boldItalic, fallbacks] = await Promise.all([
    open(fonts.regular),
    open(fonts.bold),
    open(fonts.italic),
    open(fonts.boldItalic),
    Promise.all(
      (fonts.fallbacks ?? notoFallbackFontPaths()).map(async (f) => {
        const upright = await open(f.regular);
        return { regular: upright, bold: f.bold === undefined ? upright : await open(f.bold) };
      }),
    ),
  ]);
  return { regular, bold, italic, boldItalic, fallbacks };
}

interface GlyphRun {
  readonly glyphs: readonly unknown[];
  readonly positions: ReadonlyArray<Record<string, number>>;
}

const LAYOUT_CACHE_LIMIT = 50_000;

/**
 * The font with its word layouts remembered across documents. pdfkit lays text out word by word
 * and caches words per document only, and shaping a word (OpenType lookups) is most of the cost
 * of a PDF, so an exporter that writes many documents keeps the shaped words. pdfkit scales the
 * positions it gets in place, so every call returns fresh position objects, and the run's width
 * is computed from them as fontkit does.
 */
function withLayoutCache(font: Font): Font {
  const cache = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown): unknown => {
    if (features !== undefined) return font.layout.call(cached, text, features);
    let run = cache.get(text);
    if (run === undefined) {
      run = font.layout.call(cached, text) as GlyphRun;
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      cache.set(text, run);
    }
    // Like fontkit's GlyphRun, the width is the sum of the (possibly rescaled) advances.
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        let width = 0;
        for (const p of positions) width += p.xAdvance ?? 0;
        return width;
      },
    };
  };
  const cached: Font = Object.create(font, { layout: { value: layout } });
  return cached;
}
