import net from "node:net";
import tls from "node:tls";
import { formatMessage, parseMessage, sipDate, type OutgoingField, type SipMessage } from "@/lib/sip2/codec";

/**
 * A SIP2 client as a kiosk speaks: error detection on (AY sequence 0-9, AZ checksum), one
 * request at a time, each answer read up to its carriage return.
 */
export class SipClient {
  private buffer = "";
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;
  private sequence = 0;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      this.deliver();
    });
    socket.on("close", () => {
      this.closed = true;
      this.deliver();
    });
    socket.on("error", () => undefined);
  }

  /** With `tls`, speaks TLS to "localhost", trusting `ca` (or, without it, the system's authorities). */
  static connect(port: number, options: { tls?: { ca?: string } } = {}): Promise<SipClient> {
    return new Promise((resolve, reject) => {
      const socket = options.tls
        ? tls.connect({ port, host: "127.0.0.1", servername: "localhost", ca: options.tls.ca }, () => resolve(new SipClient(socket)))
        : net.connect(port, "127.0.0.1", () => resolve(new SipClient(socket)));
      socket.once("error", reject);
    });
  }

  private deliver() {
    if (!this.waiting) return;
    const end = this.buffer.indexOf("\r");
    if (end !== -1) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      const resolve = this.waiting;
      this.waiting = null;
      resolve(line);
    } else if (this.closed) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(null);
    }
  }

  /** The next answer, or null when the server closed the connection instead. */
  private next(): Promise<string | null> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  /** Sends bytes as they are and returns the raw answer line (null: the server hung up). */
  async raw(text: string): Promise<string | null> {
    if (!this.closed) this.socket.write(text);
    return this.next();
  }

  async send(code: string, fixed: string, fields: OutgoingField[]): Promise<SipMessage | null> {
    const sequence = String(this.sequence);
    this.sequence = (this.sequence + 1) % 10;
    const line = await this.raw(formatMessage(code, fixed, fields, sequence));
    if (line === null) return null;
    const parsed = parseMessage(line);
    if (!parsed.ok) throw new Error(`Unreadable answer (${parsed.reason}): ${line}`);
    return parsed.message;
  }

  now(): string {
    return sipDate(new Date(), "UTC");
  }

  login(user: string, password: string) {
    return this.send("93", "00", [["CN", user], ["CO", password], ["CP", "Test kiosk"]]);
  }

  patronStatus(card: string, password: string) {
    return this.send("23", `001${this.now()}`, [["AO", "stacks"], ["AA", card], ["AC", ""], ["AD", password]]);
  }

  checkout(card: string, password: string, barcode: string) {
    return this.send("11", `NN${this.now()}${" ".repeat(18)}`, [["AO", "stacks"], ["AA", card], ["AB", barcode], ["AC", ""], ["AD", password]]);
  }

  checkin(barcode: string) {
    return this.send("09", `N${this.now()}${this.now()}`, [["AP", "Return box"], ["AO", "stacks"], ["AB", barcode], ["AC", ""]]);
  }

  renew(card: string, password: string, barcode: string) {
    return this.send("29", `NN${this.now()}${" ".repeat(18)}`, [["AO", "stacks"], ["AA", card], ["AD", password], ["AB", barcode]]);
  }

  /** 37 fee paid: fee type 01 (other), payment type 00 cash unless given, the currency in the fixed part. */
  feePaid(card: string, password: string, amount: string, { currency = "USD", paymentType = "00", feeId, transactionId }: { currency?: string; paymentType?: string; feeId?: string; transactionId?: string } = {}) {
    return this.send("37", `${this.now()}01${paymentType}${currency.padEnd(3)}`, [
      ["BV", amount], ["AO", "stacks"], ["AA", card], ["AD", password], ["CG", feeId], ["BK", transactionId],
    ]);
  }

  /** 01 block patron, with the card retained and the blocked card message. */
  blockPatron(card: string, message: string) {
    return this.send("01", `Y${this.now()}`, [["AO", "stacks"], ["AL", message], ["AA", card], ["AC", ""]]);
  }

  close(): void {
    this.socket.destroy();
  }
}
