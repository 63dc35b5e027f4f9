// The layering rule (docs/decisions/010-layers-point-one-way.md), checked by `npm run check:layers`
// in `npm test`: app → components → lib, never back; lib free of Next.js but for the files below.

/** lib/ files that may import next/*, and why. */
const NEXT_IN_LIB = {
  // redirect() and forbidden(): requireUser/requireRole send a visitor to sign in and refuse a
  // patron with 403, so no page or action can check the role and carry on.
  "lib/session.ts": "the session helper's redirect and refusal",
  // NextResponse.rewrite(): the proxy shows the refusal page at the address asked for.
  "lib/auth.config.ts": "the proxy's refusal rewrite",
  // after(): email goes out once the response has been sent, from actions and route handlers alike.
  "lib/notifications/send-soon.ts": "delivery after the response",
};

const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "components-not-to-app",
      comment: "components/ renders; it never imports from app/. A form takes its server action as a prop, or lives beside its route (app/<route>/_components/).",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-to-app-or-components",
      comment: "lib/ is the domain: it knows nothing of routes or UI.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "lib-not-to-next",
      comment: "lib/ stays free of the framework; the files allowed in NEXT_IN_LIB (.dependency-cruiser.cjs) say why. Put the Next.js part in app/ (app/_lib/).",
      severity: "error",
      from: { path: "^lib/", pathNot: `^(${Object.keys(NEXT_IN_LIB).map(escape).join("|")})$` },
      to: { path: "^node_modules/next/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    // Type-only imports count: a component importing a type from app/ still points the wrong way.
    tsPreCompilationDeps: true,
    // Resolves "@/…" through tsconfig.json's paths.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
