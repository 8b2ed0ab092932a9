/** The evidence contract on core's in-memory evidence store (the reference). */
import { MemoryEvidenceStore } from "@cchc/core";
import { runEvidenceContract } from "../src/contracts.js";

runEvidenceContract("memory", { layer: () => MemoryEvidenceStore.layer() });
