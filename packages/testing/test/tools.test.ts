/** The table of Debian tools and the message a test fails with when one is missing. */
import { describe, expect, it } from "vitest";
import { installCommand, missingToolMessage, missingTools, TOOLS } from "../src/tools.js";

describe("missing tools", () => {
  it("names LibreOffice Calc and the one command that installs it, Vietnamese first", () => {
    expect(missingToolMessage([TOOLS["libreoffice-calc"]])).toBe(
      "thiếu LibreOffice Calc — cài: apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-liberation2" +
        " / missing LibreOffice Calc — install: apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-liberation2",
    );
  });

  it("checks Calc itself, not just soffice (which LibreOffice Writer provides too)", () => {
    const writerOnly = new Set(["/usr/bin/soffice", "/usr/lib/libreoffice/program/libswlo.so"]);
    const has = (path: string) => writerOnly.has(path);
    expect(missingTools(["libreoffice-calc", "libreoffice-writer"], has).map((t) => t.id)).toEqual([
      "libreoffice-calc",
    ]);
  });

  it("by default checks what `pnpm test` needs; the install command lists each package once", () => {
    const all = missingTools(undefined, () => false);
    expect(all.map((t) => t.id)).toEqual(["libreoffice-calc", "libreoffice-writer", "chromium", "poppler"]);
    expect(missingTools(undefined, () => true)).toEqual([]);
    expect(installCommand([TOOLS["libreoffice-calc"], TOOLS["libreoffice-writer"]])).toBe(
      "apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-liberation2 libreoffice-writer-nogui",
    );
    for (const tool of Object.values(TOOLS)) {
      expect(tool.files.length, tool.id).toBeGreaterThan(0);
      for (const f of tool.files) expect(f, tool.id).toMatch(/^\//);
      expect(tool.debian.length, tool.id).toBeGreaterThan(0);
    }
  });
});
