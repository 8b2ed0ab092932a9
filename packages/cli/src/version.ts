/** The version `cchc --version` prints, taken from this package's package.json (bundled at build). */
import pkg from "../package.json" with { type: "json" };

/** The @cchc/cli version, e.g. "0.1.0". */
export const CLI_VERSION: string = pkg.version;
