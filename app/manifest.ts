import type { MetadataRoute } from "next";
import { getLibrarySettings } from "@/lib/settings";

// Read on each request: the library's name is a setting an ADMIN can change.
export const dynamic = "force-dynamic";

/** The web app manifest (Next links it from every page): the catalogue and account, installable. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const { name } = await getLibrarySettings();
  return {
    name,
    short_name: name.length <= 12 ? name : "Library",
    description: `${name}: search the catalogue, borrow and reserve books.`,
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#17563f",
    background_color: "#fbfaf7",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
