import Link from "next/link";
import { getTranslations } from "next-intl/server";

const VIEWS = [
  { id: "grid", href: "/board", label: "viewGrid" },
  { id: "matrix", href: "/board?view=matrix", label: "viewMatrix" },
  { id: "trend", href: "/board/trend", label: "viewTrend" },
] as const;

/** The board's three views — colour grid, risk matrix, weekly trend — as links, the current one marked. */
export async function BoardViews({ current }: { current: (typeof VIEWS)[number]["id"] }) {
  const t = await getTranslations("board");
  return (
    <nav aria-label={t("views")} className="no-print flex flex-wrap gap-2">
      {VIEWS.map((v) => (
        <Link
          key={v.id}
          href={v.href}
          aria-current={current === v.id ? "page" : undefined}
          className={`rounded px-4 py-2 text-sm font-medium ${current === v.id ? "bg-neutral-900 text-white" : "border border-neutral-400 bg-white hover:bg-neutral-100"}`}
        >
          {t(v.label)}
        </Link>
      ))}
    </nav>
  );
}
