import { DEFAULT_TIME_ZONE } from "@/lib/domain/dates";

/** The time zone the city works in: review days and "today" are reckoned here. */
export const CITY_TIME_ZONE = process.env.SISE_TIME_ZONE || DEFAULT_TIME_ZONE;
