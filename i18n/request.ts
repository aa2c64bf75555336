import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CITY_TIME_ZONE } from "@/lib/config";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./locales";

// The locale is a user preference kept in a cookie (no locale prefix in URLs), so links and
// bookmarks to a risk work the same for Chinese and English users.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: CITY_TIME_ZONE,
    now: new Date(),
  };
});
