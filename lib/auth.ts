import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "./patrons/authenticate";
import { signInSchema } from "./patrons/schemas";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}

function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}

export const {
  handlers: { GET, POST },
  auth,
  signIn,
  signOut,
} = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const outcome = await authenticate({ ...parsed.data, address: clientAddress(request) });
        if (outcome.kind === "throttled") throw new TooManyAttempts();
        if (outcome.kind === "invalid") throw new InvalidCredentials();
        const { user } = outcome;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
});
