import { mkdir, rm } from 'node:fs/promises';
import { chromium } from 'playwright-core';

// Debian's Chromium, never a browser that Playwright downloads.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium. Playwright gives each launch a fresh temporary user-data-dir and deletes it on close. */
export function launchBrowser() {
  return chromium.launch({ executablePath, args, headless: true });
}

export const artifactsDir = new URL('./artifacts/', import.meta.url);

export async function freshArtifactsDir() {
  await rm(artifactsDir, { recursive: true, force: true });
  await mkdir(artifactsDir, { recursive: true });
}

let shots = 0;

/** Saves `e2e/artifacts/NN-name.png` of the page as it is now. */
export async function screenshot(page, name) {
  shots += 1;
  const file = new URL(`${String(shots).padStart(2, '0')}-${name}.png`, artifactsDir);
  await page.screenshot({ path: file.pathname, fullPage: true });
}
