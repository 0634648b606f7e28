import { defineConfig } from '@playwright/test';

// Debian's Chromium (npx playwright install cannot download here), headless, with the
// flags that keep it from reaching for the network.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    launchOptions: {
      executablePath: process.env.PADAN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
});
