import type { RiskStatus } from "@/lib/domain/colours";

// Defined in app/globals.css (kept short: the register renders one per row).
const CLASSES: Record<RiskStatus, string> = {
  identified: "status status-identified",
  controlling: "status status-controlling",
  resolved: "status status-resolved",
  closed: "status status-closed",
};

/** The lifecycle state as a small outlined label; the caller passes the translated word. */
export function StatusBadge({ status, label }: { status: RiskStatus; label: string }) {
  return <span className={CLASSES[status]}>{label}</span>;
}
