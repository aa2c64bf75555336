/** What the import form shows: nothing yet, an error in words, the dry run row by row, or the result (`ok` only once written). */
export type ImportState =
  | { status: "idle"; ok: false }
  | { status: "error"; ok: false; message: string }
  | {
      status: "preview";
      ok: false;
      fileName: string;
      digest: string;
      message?: string;
      counts: { create: number; update: number; unchanged: number; outsideScope: number; error: number };
      rows: Array<{
        line: number;
        code: string | null;
        action: "create" | "update" | "unchanged" | "outsideScope" | "error";
        notes: string[];
      }>;
    }
  | { status: "done"; ok: true; message: string };
