import type { ReactNode } from "react";

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="font-serif text-2xl font-semibold">{title}</h1>
      {intro && <div className="mt-2 text-stone-700">{intro}</div>}
      <div className="mt-6">{children}</div>
    </div>
  );
}
