/**
 * The Chromium the scripts drive: Debian's /usr/bin/chromium when it exists, PLAYWRIGHT_CHROMIUM if
 * set, otherwise Playwright's own; with the flags that work on this kind of machine (the
 * same as playwright.config.ts).
 */
import { existsSync } from 'node:fs';

export const chromiumPath: string | undefined =
  process.env.PLAYWRIGHT_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
