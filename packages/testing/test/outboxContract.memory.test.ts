import { MemoryOutbox } from "@cchc/core";
import { runOutboxContract } from "../src/contracts.js";

runOutboxContract("memory", { layer: () => MemoryOutbox.layer() });
