// The one clock. Domain code asks it for the time so that tests can borrow today and
// return thirty days later without waiting (docs/decisions/004-clock.md).
let fixed: Date | null = null;

export function now(): Date {
  return fixed ? new Date(fixed) : new Date();
}

/** Tests only: freeze the clock at `at`, or release it with null. */
export function setClock(at: Date | null): void {
  fixed = at ? new Date(at) : null;
}
