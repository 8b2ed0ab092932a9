/**
 * The font faces a PDF embeds. Times New Roman itself cannot be shipped, so the default is Tinos
 * (SIL Open Font License), drawn to Times New Roman's metrics, with every Vietnamese letter. Its
 * npm package's `index.js` is written for Expo and does not load in Node, so the .ttf files are
 * resolved by path.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** The four faces of a font family, as TrueType bytes (or paths to .ttf files). */
export interface PdfFonts {
  readonly regular: Uint8Array | string;
  readonly bold: Uint8Array | string;
  readonly italic: Uint8Array | string;
  readonly boldItalic: Uint8Array | string;
}

const TINOS_FILES = {
  regular: "400Regular/Tinos_400Regular.ttf",
  bold: "700Bold/Tinos_700Bold.ttf",
  italic: "400Regular_Italic/Tinos_400Regular_Italic.ttf",
  boldItalic: "700Bold_Italic/Tinos_700Bold_Italic.ttf",
} as const;

/** Absolute paths of the Tinos faces installed with this package. */
export function tinosFontPaths(): { readonly [K in keyof PdfFonts]: string } {
  const require = createRequire(import.meta.url);
  const resolve = (file: string) => require.resolve(`@expo-google-fonts/tinos/${file}`);
  return {
    regular: resolve(TINOS_FILES.regular),
    bold: resolve(TINOS_FILES.bold),
    italic: resolve(TINOS_FILES.italic),
    boldItalic: resolve(TINOS_FILES.boldItalic),
  };
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
