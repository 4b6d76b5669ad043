// Browser tests for Cohorte. From end2end/, after a build of the app:
//   npm ci && npx playwright test
// Playwright starts maildev (SMTP sink on 1025, API on 1080) and the server
// (start-server.sh: fresh database, demo accounts, port 3000), then runs
// every spec twice: `hydrated` (JavaScript on) and `nojs` (JavaScript off).
import { defineConfig } from '@playwright/test';

// Debian's Chromium: browsers cannot be downloaded on these machines, so
// never run `npx playwright install`. CHROMIUM_PATH overrides the path.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

const ci = !!process.env.CI;

export default defineConfig({
  testDir: './tests',
  // One server and one mailbox for everything: run the tests one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // 127.0.0.1, not localhost: the links in the emails use this origin and
    // the session cookie belongs to it.
    baseURL: 'http://127.0.0.1:3000',
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'hydrated', use: { javaScriptEnabled: true } },
    { name: 'nojs', use: { javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: 'npx maildev --smtp 1025 --web 1080 --ip 127.0.0.1 --web-ip 127.0.0.1',
      url: 'http://127.0.0.1:1080/api/email',
      reuseExistingServer: !ci,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: './start-server.sh',
      url: 'http://127.0.0.1:3000/healthz',
      reuseExistingServer: !ci,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
