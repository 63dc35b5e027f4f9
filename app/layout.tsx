import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/app/_components/site-header";
import { UpcomingClosures } from "@/app/_components/upcoming-closures";
import { getLibrarySettings } from "@/lib/settings";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { name } = await getLibrarySettings();
  return { title: { default: name, template: `%s · ${name}` }, description: `${name}: search the catalogue, borrow and reserve books.` };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#17563f" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
        <footer className="no-print border-t border-stone-200 px-4 py-6 text-center text-sm text-stone-600">
          <UpcomingClosures />
          Powered by Stacks, open-source library software. Demo catalogue from goodbooks-10k (CC BY-SA 4.0).
        </footer>
      </body>
    </html>
  );
}
