#!/usr/bin/env node
// End-to-end test of the storefront in headless Debian Chromium against a running gateway.
//   BASE_URL=http://localhost:5080 npm run e2e
// Prints one line per flow, then "N passed, N failed"; exits non-zero on any failure.
// Screenshots of every step land in e2e/artifacts/.
import { freshArtifactsDir, launchBrowser, screenshot } from './browser.mjs';
import { createFlows } from './flows.mjs';

const baseURL = (process.env.BASE_URL ?? 'http://localhost:5080').replace(/\/$/, '');

async function main() {
  await freshArtifactsDir();
  const browser = await launchBrowser();
  const flows = createFlows(browser, baseURL);
  let passed = 0;
  let failed = 0;

  const reachable = await fetch(`${baseURL}/`).then((r) => r.ok, () => false);
  for (const flow of flows) {
    const started = Date.now();
    const contextsBefore = new Set(browser.contexts());
    try {
      if (!reachable) throw new Error(`${baseURL}/ does not answer`);
      await flow.run();
      passed += 1;
      console.log(`PASS ${flow.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      const pages = browser.contexts().filter((c) => !contextsBefore.has(c)).flatMap((c) => c.pages());
      const where = await screenshotFailure(pages, flow.name);
      console.log(`FAIL ${flow.name}: ${firstLine(error)}${where}`);
    }
  }

  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

/** A picture of each page the flow opened, as it was when the flow failed; returns where they were. */
async function screenshotFailure(pages, flowName) {
  const urls = [];
  for (const page of pages) {
    urls.push(page.url());
    await screenshot(page, `FAILED-${flowName.split(' ')[0]}`).catch(() => {});
  }
  return urls.length ? ` [at ${urls.join(', ')}]` : '';
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.log(`FAIL e2e runner: ${firstLine(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
