/** The storage contract run by the core's in-memory adapter, the reference every other adapter matches. */
import { MemoryStorage } from "@cchc/core";
import { runStorageContract } from "../src/contracts.js";

runStorageContract("memory (core)", { layer: () => MemoryStorage.layer() });
