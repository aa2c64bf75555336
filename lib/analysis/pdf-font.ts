import "server-only";
import { existsSync } from "node:fs";

/**
 * A PDF must embed a font with Chinese glyphs. Sise uses one the system already has, since CJK fonts
 * are 10–20 MB: SISE_PDF_FONT ("path" or "path#PostScriptName" for a .ttc collection), else the
 * usual places on Debian/Ubuntu (fonts-noto-cjk), Fedora, macOS and Windows.
 */
export type PdfFont = { regular: { path: string; family?: string }; bold: { path: string; family?: string } };

const CANDIDATES: Array<
  [regular: string, regularFamily: string | undefined, bold: string, boldFamily: string | undefined]
> = [
  [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "NotoSansCJKsc-Bold",
  ],
  [
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "NotoSansCJKsc-Bold",
  ],
  [
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "NotoSansCJKsc-Bold",
  ],
  [
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "HiraginoSansGB-W3",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "HiraginoSansGB-W6",
  ],
  ["C:\\Windows\\Fonts\\simhei.ttf", undefined, "C:\\Windows\\Fonts\\simhei.ttf", undefined],
];

function fromEnv(value: string): { path: string; family?: string } {
  const [path, family] = value.split("#");
  return { path, family: family || undefined };
}

export function findPdfFont(env: string | undefined = process.env.SISE_PDF_FONT): PdfFont | null {
  if (env) {
    const f = fromEnv(env);
    return existsSync(/*turbopackIgnore: true*/ f.path) ? { regular: f, bold: f } : null;
  }
  for (const [r, rf, b, bf] of CANDIDATES) {
    // turbopackIgnore: system font paths, chosen at run time; tracing them would pull the whole project into the build.
    if (existsSync(/*turbopackIgnore: true*/ r))
      return {
        regular: { path: r, family: rf },
        bold: existsSync(/*turbopackIgnore: true*/ b) ? { path: b, family: bf } : { path: r, family: rf },
      };
  }
  return null;
}
