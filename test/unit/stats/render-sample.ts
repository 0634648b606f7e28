// Renders the monthly statistics page to PDF for a visual check (developer aid):
// node --import tsx test/unit/stats/render-sample.ts /tmp/statistik.pdf
import { mixedRows, seedBatch, tempStore } from '../export/fixture.ts';
import { monthlyHtml, refreshBatchStats } from '../../../electron/stats/index.ts';
import { renderBatchReportPdf } from '../../../electron/report/pdf.ts';

const { db } = tempStore();
let k = 0;
for (let m = 1; m <= 12; m++)
  for (const code of ['DINSOS', 'DINKES', 'DISDIK', 'DISPERINDAG', 'BKPSDMD'])
    if ((m + code.length) % 3 !== 0) {
      const id = seedBatch(db, { agencyCode: code, programCode: null, rows: mixedRows(20 + ((m * 37 + k++ * 11) % 150), m), createdAt: `2024-${String(m).padStart(2, '0')}-10T02:00:00.000Z` });
      refreshBatchStats(db, id);
    }
await renderBatchReportPdf(monthlyHtml(db, 2024), process.argv[2] ?? '/tmp/statistik.pdf', 'Rekapitulasi pemadanan 2024');
