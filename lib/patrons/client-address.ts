// The address a request comes from, for throttling.
//
// Next.js 16 gives route handlers and server actions no socket address. `next start` writes it
// into X-Forwarded-For only when the request carries none, and otherwise keeps the header as
// sent, so `npm start` serves through scripts/serve.mjs, which puts the socket's address there
// when no proxy is trusted. Reverse proxies append the address they received from, so the
// rightmost entry is the one written closest to the server, and each trusted proxy in front
// adds one entry that is to be skipped. TRUSTED_PROXIES says how many (a hop count) or which (a comma list of addresses):
// everything left of the first untrusted entry from the right may be forged by the client and
// is never read.
export function clientAddress(headers: Headers, trustedProxies = process.env.TRUSTED_PROXIES): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => normalise(e.trim()))
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const trusted = (trustedProxies ?? "").trim();
  if (/^\d+$/.test(trusted)) {
    // n proxies: the first (client-facing) one appended the client's address n entries from the right.
    const hops = Number(trusted);
    return entries[Math.max(0, entries.length - Math.max(hops, 1))];
  }
  const list = new Set(trusted.split(",").map((a) => normalise(a.trim())).filter(Boolean));
  for (let i = entries.length - 1; i >= 0; i--) if (!list.has(entries[i])) return entries[i];
  return entries[0];
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one address; ports ("1.2.3.4:5678", "[::1]:80") are dropped. */
function normalise(address: string): string {
  let a = address.toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.replace(/:\d+$/, "");
  return a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
}
