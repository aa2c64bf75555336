/**
 * Reads Stryker's JSON report (reports/mutation/mutation.json) and prints the mutation score per
 * folder and per file as a Markdown table (the one kept in docs/testing.md). Exits 1 when a folder
 * with a required score is under it: 80% for lib/domain and lib/auth (issue 17). The other folders
 * are reported, not judged.
 *   node --import tsx scripts/mutation-report.ts [report.json]
 */
import { readFileSync } from "node:fs";

type Mutant = { status: string };
type Report = { files: Record<string, { mutants: Mutant[] }> };

const REQUIRED: Record<string, number> = { "lib/domain": 80, "lib/auth": 80 };
const KILLED = new Set(["Killed", "Timeout"]);
const COUNTED = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);

const report = JSON.parse(readFileSync(process.argv[2] ?? "reports/mutation/mutation.json", "utf8")) as Report;
type Tally = { killed: number; survived: number; noCoverage: number; total: number };
const tally = (mutants: Mutant[]): Tally => {
  const counted = mutants.filter((m) => COUNTED.has(m.status));
  return {
    killed: counted.filter((m) => KILLED.has(m.status)).length,
    survived: counted.filter((m) => m.status === "Survived").length,
    noCoverage: counted.filter((m) => m.status === "NoCoverage").length,
    total: counted.length,
  };
};
const score = (t: Tally) => (t.total ? (100 * t.killed) / t.total : 100);
const folderOf = (file: string) => file.split("/").slice(0, -1).join("/");

const byFolder = new Map<string, Array<[string, Tally]>>();
for (const [file, f] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const list = byFolder.get(folderOf(file)) ?? [];
  list.push([file, tally(f.mutants)]);
  byFolder.set(folderOf(file), list);
}

const lines = ["| file | score | killed | survived | no coverage |", "|---|---:|---:|---:|---:|"];
const failures: string[] = [];
for (const [folder, files] of byFolder) {
  const sum = files.reduce<Tally>(
    (a, [, t]) => ({
      killed: a.killed + t.killed,
      survived: a.survived + t.survived,
      noCoverage: a.noCoverage + t.noCoverage,
      total: a.total + t.total,
    }),
    { killed: 0, survived: 0, noCoverage: 0, total: 0 },
  );
  const required = REQUIRED[folder];
  lines.push(
    `| **${folder}/**${required ? ` (≥ ${required}%)` : ""} | **${score(sum).toFixed(1)}%** | ${sum.killed} | ${sum.survived} | ${sum.noCoverage} |`,
  );
  for (const [file, t] of files)
    lines.push(
      `| ${file.slice(folder.length + 1)} | ${score(t).toFixed(1)}% | ${t.killed} | ${t.survived} | ${t.noCoverage} |`,
    );
  if (required && score(sum) < required) failures.push(`${folder}: ${score(sum).toFixed(1)}% < ${required}%`);
}
console.log(lines.join("\n"));
if (failures.length) {
  console.error(`\nmutation score too low: ${failures.join("; ")}`);
  process.exit(1);
}
