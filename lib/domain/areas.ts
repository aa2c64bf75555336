/** Areas are either one of the 21 risk categories or one of the 14 safety-production domains. */
export const AREA_KINDS = ["category", "domain"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
