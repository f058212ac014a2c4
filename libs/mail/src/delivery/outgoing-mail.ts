/** An address with its optional display name (written bare when the name is absent). */
export interface MailAddress {
  address: string;
  name?: string;
}

export type ItipMethod = 'REQUEST' | 'CANCEL' | 'REPLY' | 'COUNTER';

/** The iMIP part of a mail: the calendar with its METHOD already set. */
export interface CalendarPart {
  method: ItipMethod;
  ics: string;
}

export interface InlineImage {
  /** Content-ID the HTML refers to with `cid:`. */
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A rendered mail, ready to be written as MIME. */
export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  html: string;
  /** Plain-text alternative of the HTML body. */
  text: string;
  /** Language the mail is written in (`Content-Language`). */
  language: string;
  calendar?: CalendarPart;
  inline?: InlineImage[];
  /** Adds `Auto-Submitted: auto-generated` (cancellations and replies). */
  autoSubmitted?: boolean;
}
