"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { noticeClass, type Tone } from "@/components/ui/notice";

export const DESK_OUTCOME_ID = "desk-outcome";

/** A page to print after an action (a check-out slip), opened in a new tab. */
export type DeskSlip = { href: string; label: string };
type Outcome = { tone: Tone; message: string; at: number; slips: DeskSlip[] };
type Entry = { patronId: number | null; text: string };
/**
 * An action's result: it replaces the one message, and a success joins the visit's list, the
 * current patron's or (registering one) the patron it is about. Slips to print show with the message.
 */
export type DeskReport = (tone: Tone, message: string, about?: { patronId?: number; slips?: DeskSlip[] }) => void;

const ReportContext = createContext<DeskReport | null>(null);
const StateContext = createContext<{ outcome: Outcome | null; visit: string[] }>({ outcome: null, visit: [] });

/** The desk's report function (stable), or null where a desk form stands alone (the hold shelf page). */
export function useDeskReport(): DeskReport | null {
  return useContext(ReportContext);
}

/**
 * What the desk remembers between actions, for the patron at the counter: the outcome of the
 * last action (one message, so two results never contradict each other) and the list of this
 * visit's transactions. Another patron starts another visit.
 */
export function DeskVisit({ patronId, children }: { patronId: number | null; children: ReactNode }) {
  const [state, setState] = useState<{ patronId: number | null; outcome: Outcome | null; entries: Entry[] }>({ patronId, outcome: null, entries: [] });
  // A new patron (registered, or found) is a new visit; the message that brought them stays.
  if (state.patronId !== patronId) setState({ ...state, patronId, entries: state.entries.filter((e) => e.patronId === patronId) });
  const report = useCallback<DeskReport>((tone, message, about) => {
    setState((s) => ({
      ...s,
      outcome: { tone, message, at: Date.now(), slips: about?.slips ?? [] },
      entries: tone === "error" ? s.entries : [...s.entries, { patronId: about?.patronId ?? s.patronId, text: message }],
    }));
  }, []);
  const view = useMemo(
    () => ({ outcome: state.outcome, visit: state.entries.filter((e) => e.patronId === state.patronId).map((e) => e.text) }),
    [state],
  );
  return (
    <ReportContext.Provider value={report}>
      <StateContext.Provider value={view}>{children}</StateContext.Provider>
    </ReportContext.Provider>
  );
}

/** The desk's one message area, right by the barcode fields. */
export function DeskOutcome({ className }: { className?: string }) {
  const { outcome } = useContext(StateContext);
  const area = useRef<HTMLDivElement>(null);
  // On a phone the barcode field may sit at the bottom of the screen: bring its message into view.
  useEffect(() => {
    if (outcome) area.current?.scrollIntoView({ block: "nearest" });
  }, [outcome]);
  return (
    <div ref={area} id={DESK_OUTCOME_ID} role="status" aria-live="polite" aria-atomic="true" className={className}>
      {outcome && (
        <p key={outcome.at} className={noticeClass(outcome.tone)}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}

/**
 * The slips the last action printed, each opening in a new tab. Placed after the check-in form,
 * so the Tab from one barcode field to the next does not pass through them.
 */
export function DeskSlips({ className }: { className?: string }) {
  const { outcome } = useContext(StateContext);
  if (!outcome?.slips.length) return null;
  return (
    <nav aria-label="Slips to print" className={className}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {outcome.slips.map((slip) => (
          <li key={slip.href}>
            <a href={slip.href} target="_blank" rel="noopener" className="font-medium text-brand-800 underline">
              {slip.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** This visit's transactions, newest last, until "Done". */
export function VisitList() {
  const { visit } = useContext(StateContext);
  return (
    <section aria-labelledby="visit-heading" className="space-y-2">
      <h3 id="visit-heading" className="font-semibold">
        This visit
      </h3>
      {visit.length === 0 ? (
        <p className="text-sm text-stone-700">Nothing yet.</p>
      ) : (
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {visit.map((entry, i) => (
            <li key={i}>{entry}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
