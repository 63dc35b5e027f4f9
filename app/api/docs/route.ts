import { API_BASE } from "@/lib/rest/openapi";

// The API reference: Scalar's browser bundle, served from its npm package (scalar.js beside
// this file), rendering /api/v1/openapi.json. The proxy's CSP allows scripts with this response's
// nonce only, so both script tags carry it, and Scalar stamps it on the styles it adds (it reads
// the csp-nonce meta). Fonts, telemetry and the AI agent are off: nothing is fetched elsewhere.
// The mount point is not #api-reference, which Scalar would read as an inline document.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function GET(request: Request): Response {
  const nonce = escape(request.headers.get("x-nonce") ?? "");
  const config = JSON.stringify({
    url: `${API_BASE}/openapi.json`,
    nonce,
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    showDeveloperTools: "never",
    hideDarkModeToggle: false,
    metaData: { title: "Stacks API" },
  }).replace(/</g, "\\u003c");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="${nonce}">
<title>Stacks API reference</title>
</head>
<body>
<noscript>The reference needs JavaScript. The document itself is at <a href="${API_BASE}/openapi.json">${API_BASE}/openapi.json</a>.</noscript>
<div id="stacks-api-reference"></div>
<script nonce="${nonce}" src="/api/docs/scalar.js"></script>
<script nonce="${nonce}">Scalar.createApiReference("#stacks-api-reference", ${config});</script>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
