import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { ChokepointError } from "../domain/error.ts";

/** Where Debian's chromium lives (override with CHROMIUM_PATH). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Flags for headless Chromium in containers and CI: no sandbox, GPU, network chatter or updates. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Print an HTML document to an A4 PDF through headless Chromium (playwright-core).
 * @example writeFileSync("brief.pdf", await htmlToPdf(briefHtml(data)));
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChokepointError("io_error", `PDF needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH); write -o brief.html instead`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
