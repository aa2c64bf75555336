import "server-only";
import { getDb } from "@/db/client";
import { isDemoDatabase } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";

const NAV: Array<{
  href: string;
  key: "board" | "register" | "newRisk" | "hazards" | "reports" | "analysis" | "meetings" | "tasks" | "audit" | "admin";
  needs?: Permission;
}> = [
  { href: "/board", key: "board", needs: "board.view" },
  { href: "/risks", key: "register" },
  { href: "/risks/new", key: "newRisk", needs: "risk.create" },
  { href: "/hazards", key: "hazards", needs: "hazard.read" },
  { href: "/reports", key: "reports", needs: "report.read" },
  { href: "/analysis", key: "analysis", needs: "report.read" },
  { href: "/meetings", key: "meetings", needs: "meeting.read" },
  { href: "/tasks", key: "tasks", needs: "meeting.read" },
  { href: "/audit", key: "audit", needs: "history.verify" },
  { href: "/admin/users", key: "admin", needs: "users.manage" },
];

/**
 * What the header shows: who is signed in, the places they may go (the pages and actions check
 * again), and whether this is the demo database.
 */
export async function loadHeader() {
  const user = await getCurrentUser();
  const ready = user?.stage === "ready" ? user : null;
  return {
    user: user ? { displayName: user.displayName, roles: user.roles } : null,
    links: ready ? NAV.filter((n) => !n.needs || can(ready, n.needs)) : [],
    demo: await isDemoDatabase(getDb()),
  };
}
export type HeaderView = Awaited<ReturnType<typeof loadHeader>>;
