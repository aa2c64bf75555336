import { getTranslations } from "next-intl/server";
import type { HazardAttachment } from "@/db/schema";

/** A hazard's photos as previews (each opens the full photo) and its documents as links, with size and digest. */
export async function AttachmentList({ attachments }: { attachments: HazardAttachment[] }) {
  const t = await getTranslations("hazards.attachments");
  if (attachments.length === 0) return <p className="text-sm text-neutral-700">{t("none")}</p>;
  const size = (n: number) =>
    n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {attachments.map((a) => (
        <li key={a.id} className="flex flex-col gap-1 text-xs">
          <a href={`/api/hazards/attachments/${a.id}`} target="_blank" rel="noopener" className="block">
            {a.thumbSha256 ? (
              // A preview of at most 480 px from our own route: next/image would only re-encode it.
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={`/api/hazards/attachments/${a.id}?thumb=1`}
                alt={t("photoAlt", { name: a.name })}
                loading="lazy"
                className="aspect-square w-full rounded border border-neutral-300 object-cover"
              />
            ) : (
              <span className="flex aspect-square w-full items-center justify-center rounded border border-neutral-300 bg-neutral-50 p-2 text-center break-all">
                {a.name}
              </span>
            )}
          </a>
          <span className="break-all">{a.name}</span>
          <span className="text-neutral-600">
            {size(a.bytes)} · <span title={a.sha256}>SHA-256 {a.sha256.slice(0, 12)}…</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
