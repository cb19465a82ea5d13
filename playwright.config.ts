import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './scripts/lib/browser';

/**
 * End-to-end tests against the built site (run `npm run build` first; `npm test` does).
 * Chromium: Debian's /usr/bin/chromium when it is installed (CI installs it with apt-get), otherwise
 * Playwright's own browser (`npx playwright install chromium`). PLAYWRIGHT_CHROMIUM overrides both.
 */
const executablePath = chromiumPath;

/** A free port on 127.0.0.1, chosen once by the main process; workers inherit it through the environment. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 4322));
    });
  });
}
process.env.E2E_PORT ??= String(await freePort());
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // npm test runs these beside the unit tests and lab proofs on a 2-core machine: a generous guard.
  timeout: 60_000,
  use: {
    baseURL,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Without these, Chromium's own background traffic is refused by closed networks and slows every start.
      args: chromiumFlags,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${process.env.E2E_PORT}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
