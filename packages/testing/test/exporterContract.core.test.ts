import { htmlExporter, markdownExporter } from "@cchc/core";
import { runExporterContract } from "../src/contracts.js";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

runExporterContract("markdown (core)", markdownExporter, { extractText: (f) => decode(f.bytes) });
runExporterContract("html (core)", htmlExporter, {
  // Read the page as a person sees it: tags dropped, entities decoded.
  extractText: (f) =>
    decode(f.bytes)
      .replace(/<[^>]*>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&"),
});
