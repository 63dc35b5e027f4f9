import Link from "next/link";
import type { AuditPart } from "@/lib/audit/describe-entry";

/** An audit entry's words, with its people, titles and copies as links. */
export function AuditDescription({ parts }: { parts: AuditPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <Link key={i} href={part.href} className="font-medium text-brand-800 underline underline-offset-2">
            {part.text}
          </Link>
        ),
      )}
    </>
  );
}
