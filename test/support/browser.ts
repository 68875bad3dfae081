import { describe } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.js';

/** Debian's Chromium: `CHROMIUM_PATH`, or `chromium` / `chromium-browser` on PATH. */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      try {
        accessSync(path.join(dir, name), constants.X_OK);
        return path.join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const chromiumPath = findChromium();

if (!chromiumPath) {
  // Straight to stderr: jest drops the console output of a file whose tests were all skipped.
  process.stderr.write("Browser suite SKIPPED: no Chromium (install Debian's chromium or set CHROMIUM_PATH).\n");
}

/** `describe` when a browser is present; otherwise the suite is skipped, for the reason printed above. */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export const ARTIFACTS = path.resolve('test/artifacts');

export interface BrowserPortal extends TestApp {
  browser: Browser;
  /** A fresh browser profile (its own cookies), in a language, at a viewport width (and height). */
  context(options?: { locale?: string; timezoneId?: string; width?: number; height?: number }): Promise<BrowserContext>;
  /** Saves a full-page PNG under test/artifacts/. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Signs in through the form and waits for the home page. */
  signIn(page: Page, email: string, password: string): Promise<void>;
}

/** Builds the web portal if stale, boots the real app serving it, and launches headless Chromium. */
export async function startBrowserPortal(options: TestAppOptions = {}): Promise<BrowserPortal> {
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', 'web'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web portal did not build');
  const app = await createTestApp(options);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    ...app,
    browser,
    async context({ locale = 'en-GB', timezoneId = 'Asia/Seoul', width = 1280, height = 900 } = {}) {
      const context = await browser.newContext({
        baseURL: app.url,
        locale,
        timezoneId,
        viewport: { width, height },
      });
      context.setDefaultTimeout(15_000);
      return context;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async signIn(page, email, password) {
      await page.goto('/sign-in');
      await page.getByLabel(/e-mail|邮箱|メール|이메일|почта|И-мэйл/i).fill(email);
      await page.locator('input[name="password"]').fill(password);
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname !== '/sign-in');
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** axe-core's serious and critical violations on the current page (an empty list is the goal). */
export async function accessibilityViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  const source = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source); // evaluated by the DevTools protocol, so the portal's CSP does not block it
  const results = (await page.evaluate('axe.run(document)')) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact ?? '', nodes: violation.nodes.length }));
}

interface AxeResults {
  violations: { id: string; impact?: string; nodes: unknown[] }[];
}
