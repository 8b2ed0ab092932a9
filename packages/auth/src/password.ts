/**
 * Password hashing with argon2id (memory-hard, the winner of the Password Hashing Competition and
 * the first choice of OWASP's password storage guidance), through `@node-rs/argon2`: a Rust binding
 * shipped prebuilt in the npm package for Linux, macOS and Windows, so nothing compiles on install
 * and no crypto is written here. Parameters: OWASP's 19 MiB, 2 passes, 1 lane (about 70 ms on one
 * core of the reference machine). The hash is a PHC string that carries its own parameters, so a
 * later raise of the cost still verifies old hashes (`needsRehash` tells when to re-hash).
 */

import type { LocalizedText } from "@cchc/core";
import { type Algorithm, hash, verify } from "@node-rs/argon2";

/** argon2id cost: memory in KiB, passes, lanes. */
export interface HashCost {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** `Algorithm.Argon2id`: the binding declares a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id minimum: 19 MiB, t = 2, p = 1. */
export const DEFAULT_HASH_COST: HashCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The shortest password accepted (NIST SP 800-63B asks for at least 8; an agency's account is worth 12). */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest password accepted, in characters (a bound on the work one sign-in can cause). */
export const MAX_PASSWORD_LENGTH = 256;

/** Hashes a password (NFC first, so the same password typed on any keyboard verifies). */
export function hashPassword(password: string, cost: HashCost = DEFAULT_HASH_COST): Promise<string> {
  return hash(password.normalize("NFC"), { algorithm: ARGON2ID, ...cost });
}

/** True when `password` matches the PHC hash; false for a wrong password or a hash that is not argon2. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

/** A hash of a random password: verified against when the user is unknown, so timing does not tell. */
let decoy: Promise<string> | undefined;
/** Spends the time of one verification (for an unknown or disabled account). */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await decoy, password);
}

/** True when the hash was made with a cost other than `cost` (re-hash at the next good sign-in). */
export function needsRehash(passwordHash: string, cost: HashCost = DEFAULT_HASH_COST): boolean {
  return !passwordHash.startsWith(
    `$argon2id$v=19$m=${cost.memoryCost},t=${cost.timeCost},p=${cost.parallelism}$`,
  );
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, userName?: string): LocalizedText | undefined {
  const length = [...password.normalize("NFC")].length;
  if (length < MIN_PASSWORD_LENGTH)
    return {
      vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  if (length > MAX_PASSWORD_LENGTH)
    return {
      vi: `Mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự.`,
      en: `A password has at most ${MAX_PASSWORD_LENGTH} characters.`,
    };
  if (new Set(password).size < 4)
    return {
      vi: "Mật khẩu quá đơn điệu (ít hơn 4 ký tự khác nhau).",
      en: "The password is too uniform (fewer than 4 distinct characters).",
    };
  if (userName !== undefined && password.normalize("NFC").toLocaleLowerCase("vi").includes(userName))
    return {
      vi: "Mật khẩu không được chứa tên đăng nhập.",
      en: "The password must not contain the user name.",
    };
  return undefined;
}
