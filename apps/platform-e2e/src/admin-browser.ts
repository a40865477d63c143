// What the admin app's browser specs share: Debian's Chromium in French, the two widths every screen is looked at, and
// the audit of a screen (screenshots kept, no sideways scrolling, axe's serious and critical findings: none).
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { run } from './e2e-environment';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the screenshots go: docs/screens when asked (FORMA_SCREENSHOTS_DIR), a temporary folder otherwise. */
export const SHOTS = process.env.FORMA_SCREENSHOTS_DIR ?? join(tmpdir(), `forma-screens-${run}`);
export const WIDTHS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** A French browser, as its users': its own words (a file input's button, a date's format) in French. */
export async function frenchChromium(): Promise<Browser> {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--lang=fr-FR'],
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
  });
}

/** The screen at both widths: its screenshots, its reflow (no sideways scrolling) and axe's audit. */
export async function audit(page: Page, name: string): Promise<void> {
  for (const [width, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    // reflow (WCAG 1.4.10, RGAA 10.11): the page never scrolls sideways (a table scrolls in its own region); when
    // it does, the elements that reach past the screen are named
    const wider = await page.evaluate((limit) => {
      type Box = { getBoundingClientRect(): { right: number }; closest(selector: string): unknown };
      type Doc = {
        documentElement: { scrollWidth: number };
        querySelectorAll(selector: string): ArrayLike<Box & { tagName: string; className: string }>;
      };
      const doc = (globalThis as unknown as { document: Doc }).document;
      if (doc.documentElement.scrollWidth <= limit) return [];
      return Array.from(doc.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > limit + 1 && !e.closest('[role="region"]'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`)
        .slice(0, 5);
    }, size.width);
    expect([name, width, wider]).toEqual([name, width, []]);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}
