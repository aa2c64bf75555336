/**
 * What an uploaded history export may be on the web (the audit page states these); the command
 * line `npm run verify-export` reads files of any size. A full export of a million events is about
 * 450 MB as CSV: such files are checked on the server's command line, not uploaded.
 */
export const VERIFY_LIMITS = {
  maxUploadBytes: 64 * 1024 * 1024,
  xlsx: { maxInflatedBytes: 512 * 1024 * 1024, maxCellChars: 100_000, maxRows: 1_048_576 },
} as const;

/** The command line's XLSX limits: the file is the operator's own, so only Excel's own limits apply. */
export const CLI_XLSX_LIMITS = {
  maxInflatedBytes: Number.MAX_SAFE_INTEGER,
  maxCellChars: 1_000_000,
  maxRows: 1_048_576,
} as const;
