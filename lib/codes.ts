/**
 * The one spelling of a scanned or typed barcode or card number: upper case, no surrounding
 * spaces. Every write and every lookup goes through it, so "c025017 " finds C025017 and
 * "qa-0001" is the same copy as "QA-0001".
 */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** A library card number as the desk and the patron import accept it (after normaliseCode). */
export const CARD_NUMBER = /^[A-Z0-9-]{4,32}$/;
