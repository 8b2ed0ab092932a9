#!/usr/bin/env node
/**
 * The Debian tools `pnpm test` needs (the `suite` entries of packages/testing/src/tools.json:
 * LibreOffice Calc, Chromium, poppler), checked before anything is built. `pnpm test` runs it first,
 * and so does `.ci/run`. When a tool is missing:
 * - as root (or with password-less sudo) on a machine with apt-get, it installs the packages
 *   (`apt-get update`, then `apt-get install -y --no-install-recommends …`), unless CCHC_NO_INSTALL=1;
 * - otherwise it stops at once (exit 1) with the one command to run, in Vietnamese and English.
 * CCHC_TOOL_ROOT=<dir> looks for the tools' files under another root (a chroot; the script's test).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const table = JSON.parse(
  readFileSync(new URL("../packages/testing/src/tools.json", import.meta.url), "utf8"),
);
const root = process.env.CCHC_TOOL_ROOT ?? "";
const exists = (path) => existsSync(root === "" ? path : join(root, path));
const missing = () => Object.values(table).filter((t) => t.suite && !t.files.every(exists));

const absent = missing();
if (absent.length === 0) process.exit(0);

const names = absent.map((t) => t.name).join(", ");
const packages = [...new Set(absent.flatMap((t) => t.debian))];
const install = ["apt-get", "install", "-y", "--no-install-recommends", ...packages];

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const sudo = !isRoot && has("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
const canInstall = process.env.CCHC_NO_INSTALL !== "1" && has("apt-get") && (isRoot || sudo);
const prefix = isRoot ? "" : "sudo ";
const oneCommand = `${prefix}apt-get update && ${prefix}${install.join(" ")}`;

if (!canInstall) {
  process.stderr.write(
    `thiếu ${names} cho bộ kiểm thử — cài: ${oneCommand}\n` +
      `missing ${names} for the tests — install: ${oneCommand}\n`,
  );
  process.exit(1);
}

process.stderr.write(`Đang cài / installing ${names}: ${install.join(" ")}\n`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
const run = (argv) => {
  const [command, ...args] = sudo ? ["sudo", ...argv] : argv;
  return spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env }).status === 0;
};
if (!run(["apt-get", "update", "-qq"]) || !run([...install.slice(0, 2), "-qq", ...install.slice(2)])) {
  process.stderr.write(
    `không cài được ${names} — hãy chạy: ${oneCommand}\ncould not install ${names} — run: ${oneCommand}\n`,
  );
  process.exit(1);
}
const still = missing();
if (still.length > 0) {
  const left = still.map((t) => t.name).join(", ");
  process.stderr.write(
    `đã cài nhưng vẫn thiếu ${left} — kiểm tra: ${oneCommand}\ninstalled, yet ${left} is still missing — check: ${oneCommand}\n`,
  );
  process.exit(1);
}
