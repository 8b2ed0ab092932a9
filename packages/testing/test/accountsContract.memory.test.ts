import { MemoryAccounts } from "@cchc/core";
import { runAccountsContract } from "../src/contracts.js";

runAccountsContract("memory", { layer: () => MemoryAccounts.layer() });
