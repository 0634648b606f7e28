// HTML to PDF outside Electron (CLI, tests): headless Debian Chromium through playwright-core.
// In the app, main.ts loads the same HTML and calls webContents.printToPDF with pdfFooter().
import { existsSync, renameSync, rmSync } from 'node:fs';
import type * as Playwright from 'playwright-core';
import { lazyModule } from '../lazy-module.ts';
import { pdfFooter } from '../../shared/report/print.ts';

export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const playwright = lazyModule<typeof Playwright>('playwright-core');

export const chromiumPath = (): string => process.env.PADAN_CHROMIUM ?? '/usr/bin/chromium';

export async function renderBatchReportPdf(html: string, outPath: string, footerLabel = 'Padan - Disdukcapil Kota Parepare'): Promise<{ bytes: number }> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ReportError(
      'CHROMIUM_MISSING',
      `Chromium tidak ditemukan di ${executablePath}. Pasang dengan "apt-get install chromium" atau atur PADAN_CHROMIUM.`,
    );
  }
  const browser = await playwright().chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const tmp = `${outPath}.tmp-${process.pid}`;
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const buf = await page.pdf({
      path: tmp,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: pdfFooter(footerLabel),
    });
    renameSync(tmp, outPath);
    return { bytes: buf.length };
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof ReportError) throw err;
    throw new ReportError('PDF_FAILED', `PDF tidak dapat dibuat: ${(err as Error).message}. Ulangi, atau cetak dari pratinjau.`);
  } finally {
    await browser.close();
  }
}
