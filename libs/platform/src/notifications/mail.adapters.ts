import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { AlreadySentError, NotificationPort, OutgoingMessage } from './notification.port';

function mailOptions(from: string, message: OutgoingMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: `<${message.id}@forma.convocation>`,
    headers: { 'X-Forma-Message': message.id },
    attachments: message.attachments,
  };
}

/**
 * The default adapter: each convocation becomes `<registration id>.eml` (RFC 5322, composed by nodemailer) in a folder
 * any mail client opens. The file is created exclusively: a second sending of the same registration is refused.
 */
export class EmlFileNotifier extends NotificationPort {
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(
    private readonly directory: string,
    private readonly from: string,
  ) {
    super();
  }

  async send(message: OutgoingMessage): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const info = (await this.composer.sendMail(mailOptions(this.from, message))) as { message: Buffer };
    try {
      await writeFile(join(this.directory, `${message.id}.eml`), info.message, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AlreadySentError(`${message.id}.eml exists`);
      throw error;
    }
  }

  async forget(messageIds: readonly string[]): Promise<void> {
    await Promise.all(messageIds.map((id) => rm(join(this.directory, `${id}.eml`), { force: true })));
  }
}

/** Sends through an SMTP server (`SMTP_URL`, such as smtps://user:pass@smtp.ac-exemple.fr). */
export class SmtpNotifier extends NotificationPort {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail(mailOptions(this.from, message));
  }

  /** A mail sent through SMTP left the platform: nothing here to remove (the erasure answer says so). */
  forget(): Promise<void> {
    return Promise.resolve();
  }
}

/** The adapter the settings name: `.eml` files (default) or SMTP. */
/** How a service sends mail: `.eml` files in a folder (default), or an SMTP server. */
export type NotificationSettings =
  { adapter: 'eml'; directory: string; from: string } | { adapter: 'smtp'; url: string; from: string };

export function notifierFrom(settings: NotificationSettings): NotificationPort {
  return settings.adapter === 'smtp'
    ? new SmtpNotifier(settings.url, settings.from)
    : new EmlFileNotifier(settings.directory, settings.from);
}
