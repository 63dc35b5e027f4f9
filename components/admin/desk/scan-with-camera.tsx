"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const noChange = () => () => {};

/** A touch screen with a camera the page may ask for: a phone or tablet at the desk. */
function hasCameraAndTouch(): boolean {
  return Boolean(navigator.mediaDevices?.getUserMedia) && (navigator.maxTouchPoints > 0 || window.matchMedia("(pointer: coarse)").matches);
}

/**
 * "Scan with camera" beside a barcode field: the barcode read fills the field and submits its
 * form, as a scanner gun would. The decoder is downloaded only when the button is pressed.
 */
export function ScanWithCamera({ inputId, purpose }: { inputId: string; purpose: string }) {
  const offered = useSyncExternalStore(noChange, hasCameraAndTouch, () => false);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!scanning) return;
    const stop = new AbortController();
    let stream: MediaStream | null = null;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
        if (stop.signal.aborted || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const { readBarcode } = await import("./barcode-reader");
        const value = await readBarcode(video.current, stop.signal);
        if (!value) return;
        const input = document.getElementById(inputId);
        if (input instanceof HTMLInputElement) {
          input.value = value;
          setScanning(false);
          input.form?.requestSubmit();
        }
      } catch (e) {
        if (stop.signal.aborted) return;
        setProblem(e instanceof DOMException && e.name === "NotAllowedError" ? "The camera may not be used: allow it in the browser's site settings." : "No camera could be started on this device.");
        setScanning(false);
      }
    })();
    return () => {
      stop.abort();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning, inputId]);

  if (!offered) return null;
  return (
    <div className="w-full space-y-2">
      {scanning ? (
        <>
          <video ref={video} muted playsInline aria-label={`Camera (${purpose})`} className="aspect-video w-full max-w-md rounded-md bg-black object-cover" />
          <p className="text-sm text-stone-700">Hold the barcode inside the picture.</p>
          <Button variant="secondary" onClick={() => setScanning(false)} aria-label={`Stop scanning (${purpose})`}>
            Stop scanning
          </Button>
        </>
      ) : (
        <Button
          variant="secondary"
          aria-label={`Scan with camera (${purpose})`}
          onClick={() => {
            setProblem(null);
            setScanning(true);
          }}
        >
          Scan with camera
        </Button>
      )}
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
    </div>
  );
}
