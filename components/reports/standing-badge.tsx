import type { ReportStanding } from "@/lib/domain/reporting";

// Full class names here, so Tailwind's scanner sees them. The word is always shown with the tint.
const CLASSES: Record<ReportStanding, string> = {
  reported: "border-emerald-700 bg-emerald-50 text-emerald-900",
  zero: "border-teal-700 bg-teal-50 text-teal-900",
  late: "border-amber-700 bg-amber-50 text-amber-950",
  missing: "border-red-700 bg-red-50 text-red-900",
  pending: "border-neutral-500 bg-white text-neutral-800",
};

/** One unit's standing for a day, as a labelled badge (never colour alone). */
export function StandingBadge({ standing, label }: { standing: ReportStanding; label: string }) {
  return (
    <span
      data-standing={standing}
      className={`inline-block rounded border px-2 py-0.5 text-sm font-medium whitespace-nowrap ${CLASSES[standing]}`}
    >
      {label}
    </span>
  );
}

/** The same, one letter wide, for the compliance grid; the full word is in its title and in the legend. */
export function StandingDot({ standing, letter, title }: { standing: ReportStanding; letter: string; title: string }) {
  return (
    <span
      title={title}
      aria-label={title}
      className={`inline-flex h-6 w-6 items-center justify-center rounded border text-xs font-semibold ${CLASSES[standing]}`}
    >
      {letter}
    </span>
  );
}
