/**
 * The stream entry a notification becomes, and the way back for the consumer. Redis stream fields
 * are flat strings, so nested parts (the recipient, the structured data) travel as JSON; every field
 * is binary-safe, so no text can turn into another field or a header.
 */
import type { LocalizedText, Notification, NotificationRecipient } from "@cchc/core";

/** The `type` field of every entry, for consumers that share a stream with other producers. */
export const ENTRY_TYPE = "cchc.notification";

/** The fields of one stream entry, as XRANGE / XREADGROUP return them. */
export type StreamEntryFields = Readonly<Record<string, string>>;

/** Fields of an entry, in the order they are written. */
export function streamEntryFields(n: Notification, sentAtMs: number): StreamEntryFields {
  return {
    type: ENTRY_TYPE,
    key: n.key,
    sentAt: new Date(sentAtMs).toISOString(),
    unitId: n.recipient.unitId,
    unitName: n.recipient.name,
    title: `${n.subject.vi} / ${n.subject.en}`,
    subjectVi: n.subject.vi,
    subjectEn: n.subject.en,
    bodyVi: n.body.vi,
    bodyEn: n.body.en,
    recipient: JSON.stringify(n.recipient),
    data: n.data === undefined ? "null" : JSON.stringify(n.data),
  };
}

/** What a consumer reads back from an entry. */
export interface StreamNotification {
  readonly key: string;
  readonly sentAt: string;
  readonly recipient: NotificationRecipient;
  readonly title: string;
  readonly subject: LocalizedText;
  readonly body: LocalizedText;
  readonly data: unknown;
}

/** Why an entry could not be read back (another producer's entry, or a field missing). */
export class StreamEntryError extends Error {
  override readonly name = "StreamEntryError";
}

const field = (fields: StreamEntryFields, name: string): string => {
  const value = fields[name];
  if (value === undefined)
    throw new StreamEntryError(`mục thiếu trường "${name}" / entry has no "${name}" field`);
  return value;
};

const json = (fields: StreamEntryFields, name: string): unknown => {
  try {
    return JSON.parse(field(fields, name));
  } catch (error) {
    if (error instanceof StreamEntryError) throw error;
    throw new StreamEntryError(`trường "${name}" không phải JSON / field "${name}" is not JSON`);
  }
};

/**
 * Reads an entry back, for the consumer side (the e-office system reading the stream with
 * XREADGROUP). Throws `StreamEntryError` for an entry that is not a @cchc notification.
 */
export function readStreamEntry(fields: StreamEntryFields): StreamNotification {
  const type = field(fields, "type");
  if (type !== ENTRY_TYPE)
    throw new StreamEntryError(
      `mục không phải thông báo @cchc (type=${type}) / not a @cchc notification (type=${type})`,
    );
  return {
    key: field(fields, "key"),
    sentAt: field(fields, "sentAt"),
    recipient: json(fields, "recipient") as NotificationRecipient,
    title: field(fields, "title"),
    subject: { vi: field(fields, "subjectVi"), en: field(fields, "subjectEn") },
    body: { vi: field(fields, "bodyVi"), en: field(fields, "bodyEn") },
    data: json(fields, "data"),
  };
}
