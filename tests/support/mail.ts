// Raw emails (as an SMTP server or the file outbox holds them) made searchable in tests.

function decodeQuotedPrintable(text: string): string {
  return Buffer.from(text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
}

/** Headers unfolded with their encoded words decoded, bodies' quoted-printable undone. */
export function readableMail(raw: string): string {
  const [head, ...bodies] = raw.replace(/\r\n/g, "\n").split("\n\n");
  const headers = head
    .replace(/\n[ \t]+/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
  return `${headers}\n\n${decodeQuotedPrintable(bodies.join("\n\n").replace(/=\n/g, ""))}`;
}
