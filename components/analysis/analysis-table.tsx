"use client";

import Link from "next/link";

/**
 * One of the weekly analysis's tables. A client component on purpose: the server sends its rows as
 * plain strings, and the markup (a cell, its classes, a link per risk code) is made from them here
 * — sent as server-rendered markup it was most of the page's payload and of the cost of a view.
 */
export function AnalysisTable({
  columns,
  rows,
  numeric = [],
  codeColumn,
}: {
  columns: string[];
  rows: string[][];
  numeric?: number[];
  codeColumn?: number;
}) {
  return (
    <table className="register-table w-full bg-white text-sm">
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={numeric.includes(i) ? "text-right" : ""}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} className={numeric.includes(j) ? "text-right tabular-nums" : "wrap"}>
                {j === codeColumn && !c.startsWith("#") ? (
                  <Link href={`/risks/${c}`} prefetch={false} className="font-mono text-blue-800 underline">
                    {c}
                  </Link>
                ) : (
                  c
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
