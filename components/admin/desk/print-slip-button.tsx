"use client";

import { Button } from "@/components/ui/button";

export function PrintSlipButton({ label = "Print slip" }: { label?: string }) {
  return <Button onClick={() => window.print()}>{label}</Button>;
}
