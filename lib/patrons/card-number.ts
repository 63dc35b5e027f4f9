import { randomInt } from "node:crypto";

/** A new library card number: "S" and ten digits, the last a Luhn check digit so typos are caught. */
export function newCardNumber(): string {
  let digits = "";
  for (let i = 0; i < 9; i++) digits += randomInt(0, 10);
  digits = String(randomInt(1, 10)) + digits.slice(1);
  return `S${digits}${luhnDigit(digits)}`;
}

export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidCardNumber(card: string): boolean {
  const m = /^S(\d{9})(\d)$/.exec(card.trim().toUpperCase());
  return Boolean(m && luhnDigit(m[1]) === Number(m[2]));
}
