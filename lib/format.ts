// Display helpers: dates are stored in UTC and shown in the library's time zone; money is cents.

// Building an Intl formatter costs ~100 µs, formatting with one ~10 µs: the daily job formats
// tens of thousands of dates, so formatters are made once per (locale, options, time zone).
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function formatDate(at: Date, timeZone: string): string {
  return dateFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(at);
}

export function formatShortDate(at: Date, timeZone: string): string {
  return dateFormat("en-GB", { day: "numeric", month: "short", timeZone }).format(at);
}

export function formatDateTime(at: Date, timeZone: string): string {
  return dateFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
