import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "./patrons/authenticate";
import { clientAddress } from "./patrons/client-address";
import { endSession, sessionIsLive, startSession } from "./patrons/sessions";
import { signInSchema } from "./patrons/schemas";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
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
        const outcome = await authenticate({ ...parsed.data, address: clientAddress(request.headers) });
        if (outcome.kind === "throttled") throw new TooManyAttempts();
        if (outcome.kind === "invalid") throw new InvalidCredentials();
        const { user } = outcome;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Runs whenever the server reads the session (auth(), so getCurrentUser too): a session
    // whose row is gone, outdated (password, block, role, "sign out everywhere") or idle too
    // long is no session. The proxy's copy of this callback has no database and only spares
    // a round trip.
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) {
        token.sid = await startSession(Number(token.sub));
        return token;
      }
      if (!token.sid || !(await sessionIsLive({ sessionId: token.sid, userId: Number(token.sub) }))) return null;
      return token;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token?.sid) await endSession(message.token.sid);
    },
  },
});
