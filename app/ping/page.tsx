import { connection } from "next/server";
import { getTranslations } from "next-intl/server";

/**
 * The benchmark's baseline: a dynamic page that renders one line and reads no data, served by the
 * same server and layout as the register, so page throughput can be reported as a ratio to it.
 */
export default async function Ping() {
  await connection();
  const t = await getTranslations("ping");
  return <p>{t("ok")}</p>;
}
