/** A message to one person. `id` is stable per registration: adapters use it to refuse a second sending. */
export interface OutgoingMessage {
  id: string;
  /** One address, or several separated by commas. */
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Thrown when the adapter knows the message already left once: the dispatcher records it as sent, never resends. */
export class AlreadySentError extends Error {}

/** Where convocations go: `.eml` files in a folder by default, an SMTP server in production. */
export abstract class NotificationPort {
  abstract send(message: OutgoingMessage): Promise<void>;
  /**
   * RGPD erasure: removes what the platform still holds of these messages (an SMTP server's sent mail is beyond it).
   */
  abstract forget(messageIds: readonly string[]): Promise<void>;
}
