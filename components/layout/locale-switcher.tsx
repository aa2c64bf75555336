import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions/set-locale";

/** One button that switches to the other language (works without JavaScript). */
export async function LocaleSwitcher() {
  const [locale, t] = [await getLocale(), await getTranslations("app")];
  const target = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={target} />
      <button type="submit" lang={target} aria-label={`${t("language")}: ${t("switchTo")}`} className="hdr-button">
        {t("switchTo")}
      </button>
    </form>
  );
}
