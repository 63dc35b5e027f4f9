import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/generated/sqlite/enums";

declare module "next-auth" {
  interface User {
    role: Role;
  }
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** The UserSession row this cookie stands for. */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    sid?: string;
  }
}
