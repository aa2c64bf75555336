/**
 * The main pages every read benchmark measures (issue 18's list), by name; RISK_CODE stands for a
 * risk with a long history, which the benchmark picks from its database.
 */
export function benchPages(): Record<string, string> {
  const yearBack = new Date(Date.now() - 365 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const monthBack = new Date(Date.now() - 30 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  return {
    "register (filtered: region + colour)": "/risks?region=4&colour=orange",
    "register (default, 50,000 risks)": "/risks",
    "register (search 燃气 + region)": `/risks?q=${encodeURIComponent("燃气")}&region=2`,
    // BENCH_ONLY=board measures just the board routes (issue #5).
    "board (35 areas × 13 regions)": "/board",
    "board as of a year back": `/board?asOf=${yearBack}T12:00`,
    "board since a month back (marks + change list)": `/board?since=${monthBack}`,
    "board meeting mode": "/board/meeting",
    "board weekly trend (26 weeks, city)": "/board/trend",
    // Issue #8: the risk page, and the weekly analysis of last week (issue #7).
    "risk page (timeline, measures)": "/risks/RISK_CODE",
    "weekly analysis (last week)": "/analysis",
    "daily reports (today)": "/reports",
  };
}
