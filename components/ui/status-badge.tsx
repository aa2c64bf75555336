import { useTranslations } from "next-intl";
import type { RiskStatus } from "@/lib/domain/colours";

const CLASSES: Record<RiskStatus, string> = {
  identified: "border-neutral-400 text-neutral-800",
  controlling: "border-emerald-700 text-emerald-800",
  resolved: "border-neutral-300 text-neutral-600",
  closed: "border-neutral-300 text-neutral-500 line-through decoration-1",
};

export function StatusBadge({ status }: { status: RiskStatus }) {
  const t = useTranslations("statuses");
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs whitespace-nowrap ${CLASSES[status]}`}>{t(status)}</span>;
}
