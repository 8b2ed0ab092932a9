#!/usr/bin/env node
/** The `cchc` bin: runs the command line on the real process and sets its exit code. */
import { nodeIo } from "./nodeIo.js";
import { run } from "./run.js";

// `cchc … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await run(process.argv.slice(2), nodeIo);
