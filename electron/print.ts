// Printing and PDF in the app: the report HTML is loaded into a hidden, sandboxed window
// with JavaScript off, then printed or saved with printToPDF. Outside Electron the engine
// uses headless Chromium for the same HTML (electron/report/pdf.ts).
import { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';

async function loadHidden(html: string): Promise<BrowserWindow> {
  const w = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  await w.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return w;
}

export async function renderPdfInElectron(html: string, outPath: string): Promise<void> {
  const w = await loadHidden(html);
  try {
    const pdf = await w.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555">Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></div>',
    });
    await writeFile(outPath, pdf);
  } finally {
    w.destroy();
  }
}

export async function printHtml(html: string): Promise<boolean> {
  const w = await loadHidden(html);
  try {
    return await new Promise<boolean>((resolve) => w.webContents.print({ printBackground: true }, (ok) => resolve(ok)));
  } finally {
    w.destroy();
  }
}
