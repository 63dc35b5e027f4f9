// marc8 ships no types: Stacks uses only its copy of the Library of Congress MARC-8 code tables
// (lib/catalogue/marc8.ts).
declare module "marc8/lib/marc8_mapping" {
  /** Final byte of a character set's escape → byte (three bytes for EACC) → [code point, is combining (1)]. */
  export const CODESETS: Record<number, Record<number, [number, number]>>;
}
