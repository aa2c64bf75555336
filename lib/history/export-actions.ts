/** The event types an export can be narrowed to (risk work and exports; account events come with a full export). */
export const EXPORT_ACTIONS = [
  "create",
  "grade",
  "review",
  "status",
  "reopen",
  "acknowledge",
  "update",
  "measure.add",
  "measure.update",
  "export",
] as const;
