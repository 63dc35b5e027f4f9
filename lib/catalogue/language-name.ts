const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** "en" → "English"; a code the runtime does not know is shown as it is. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
