import { afterEach } from "vitest";
import { setClock } from "@/lib/clock";

// What `npm start` always provides: sessions and calendar addresses are signed with it.
process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789abcdef";

afterEach(() => setClock(null));
