import { forbidden } from "next/navigation";

/** Where requireRole and the proxy send a signed-in account without the role: app/forbidden.tsx, with 403. */
export default function ForbiddenPage() {
  forbidden();
}
