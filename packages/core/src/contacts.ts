/**
 * The contact directory: where each unit is reached. A plan names units but not their mailboxes,
 * so the agency supplies this map (a JSON file for the CLI, a value for the library): unit id →
 * mail addresses, and optionally its own webhook URL or NATS subject.
 */
import { z } from "zod";
import type { Finding } from "./finding.js";
import type { NotificationRecipient } from "./notifier.js";
import { Id } from "./plan.js";
import { parseUntrusted } from "./shapeFindings.js";

/** How one unit is reached; every field optional, addresses checked. */
export const ContactSchema = z.strictObject({
  /** One address or several (a unit's mailbox and its PAR officer). */
  email: z.union([z.email(), z.array(z.email())]).optional(),
  /** The unit's own endpoint, used by the webhook notifier instead of the agency-wide one. */
  webhook: z.url({ protocol: /^https?$/ }).optional(),
  /** The unit's own NATS subject (tokens of letters, digits, "_" or "-", separated by dots). */
  natsSubject: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "NATS subject: tokens separated by dots")
    .optional(),
});
/** One unit's contacts. */
export type Contact = z.infer<typeof ContactSchema>;

/** The directory: unit id → contacts. */
export const ContactDirectorySchema = z.record(Id, ContactSchema);
/** A parsed contact directory. */
export type ContactDirectory = z.infer<typeof ContactDirectorySchema>;

/** A directory read from untrusted input, or the findings that say what is wrong with it. */
export type ContactDirectoryResult =
  | { readonly ok: true; readonly directory: ContactDirectory }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** Reads a contact directory from JSON data; bad addresses come back as findings with their path. */
export function parseContactDirectory(value: unknown): ContactDirectoryResult {
  const parsed = parseUntrusted(ContactDirectorySchema, value);
  if (parsed.success) return { ok: true, directory: parsed.data };
  return { ok: false, findings: parsed.findings };
}

/** The recipient of a notification to `unitId`, with whatever addresses the directory has for it. */
export function recipientFor(
  unitId: string,
  name: string,
  directory: ContactDirectory | undefined,
): NotificationRecipient {
  const c = directory?.[unitId];
  const email = c?.email === undefined ? [] : typeof c.email === "string" ? [c.email] : [...c.email];
  return {
    unitId,
    name,
    email,
    ...(c?.webhook === undefined ? {} : { webhook: c.webhook }),
    ...(c?.natsSubject === undefined ? {} : { natsSubject: c.natsSubject }),
  };
}
