/**
 * Where in the territory the board stands, and the way back up: 全市 › 榆阳区 › 示例镇. Each level
 * above is a link to its board; the current one is marked as the page.
 */
export function TerritoryPath({
  path,
  label,
  hint,
}: {
  path: Array<{ id: number; label: string; href: string }>;
  label: string;
  hint?: string;
}) {
  if (path.length === 0) return null;
  return (
    <nav aria-label={label} className="no-print flex flex-wrap items-baseline gap-x-3 gap-y-1 text-base">
      <ol className="flex flex-wrap items-baseline gap-1" data-testid="territory-path">
        {path.map((d, i) => (
          <li key={d.id} className="flex items-baseline gap-1">
            {i > 0 ? (
              <span aria-hidden="true" className="text-neutral-500">
                ›
              </span>
            ) : null}
            {i === path.length - 1 ? (
              <span aria-current="page" className="font-semibold">
                {d.label}
              </span>
            ) : (
              <a href={d.href} className="text-blue-800 underline-offset-2 hover:underline">
                {d.label}
              </a>
            )}
          </li>
        ))}
      </ol>
      {hint ? <span className="text-sm text-neutral-600">{hint}</span> : null}
    </nav>
  );
}
