/** Name and version of the generator, recorded in every dataset manifest (bundled at build). */
import pkg from "../package.json" with { type: "json" };

/** The package that generated a dataset. */
export const GENERATOR_NAME: string = pkg.name;
/** Its version: datasets of the same size, seed and version are byte-identical. */
export const GENERATOR_VERSION: string = pkg.version;
