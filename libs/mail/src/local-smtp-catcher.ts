import { simpleParser } from 'mailparser';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A message the catcher received, decoded. */
export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: Date;
}

export interface LocalSmtpCatcherOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Keeps each message as an .eml file here (embedded mode: DATA_DIR/mail). */
  directory?: string;
  onMessage?: (mail: CaughtMail) => void;
}

/** Messages above this are refused: the product's own mails are a few kilobytes. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * An SMTP server on loopback that keeps whatever it is sent instead of
 * delivering it: the embedded mode's outgoing mail, and the tests' mailbox.
 * It takes any sender and recipient, with or without authentication.
 */
export class LocalSmtpCatcher {
  private readonly server: SMTPServer;
  private readonly received: CaughtMail[] = [];
  private boundPort?: number;

  constructor(private readonly options: LocalSmtpCatcherOptions = {}) {
    if (options.directory) mkdirSync(options.directory, { recursive: true });
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      // Stopping waits at most this long for a sender still connected.
      closeTimeout: 1000,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'local' }),
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          this.keep(Buffer.concat(chunks)).then(() => callback(), callback);
        });
      },
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.boundPort = (this.server.server.address() as AddressInfo).port;
  }

  get port(): number {
    if (this.boundPort === undefined) throw new Error('the SMTP catcher is not started');
    return this.boundPort;
  }

  /** What to give a sender as SMTP_URL. */
  get url(): string {
    return `smtp://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  /** Every message so far, oldest first. */
  messages(): readonly CaughtMail[] {
    return this.received;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async keep(raw: Buffer): Promise<void> {
    const parsed = await simpleParser(raw);
    const addresses = (value: typeof parsed.to): string[] =>
      (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()));
    const mail: CaughtMail = {
      to: addresses(parsed.to),
      from: parsed.from?.text ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      receivedAt: new Date(),
    };
    if (this.options.directory) {
      const name = `${mail.receivedAt.toISOString().replace(/[:.]/g, '-')}-${this.received.length}.eml`;
      writeFileSync(join(this.options.directory, name), raw, { mode: 0o600 });
    }
    this.received.push(mail);
    this.options.onMessage?.(mail);
  }
}
