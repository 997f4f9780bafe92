// What a person does in the storefront, through accessible names only (roles and labels).
import { screenshot } from './browser.mjs';

const runId = Date.now().toString(36);
const password = 'correct-horse-battery';

/** A browser context of its own (its own cookie jar) for one person. */
export async function newPerson(browser, baseURL, role, options = {}) {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  const username = `${role}_${runId}`;
  return { context, page, username, email: `${role}.${runId}@example.com`, problems };
}

export async function signUp(person) {
  const { page } = person;
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign up', exact: true }).click();
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Username', { exact: true }).fill(person.username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  // Signed in: the header names the user and offers "Sign out".
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
  await page.getByText(person.username, { exact: true }).waitFor();
  await screenshot(page, `${person.username.split('_')[0]}-signed-up`);
}

/** Lists a ticket and returns its page's path, e.g. `/tickets/abc`. */
export async function sellTicket(person, title, price) {
  const { page } = person;
  await page.getByRole('link', { name: 'Sell a ticket', exact: true }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Price', { exact: true }).fill(price);
  await screenshot(page, 'sell-form-filled');
  await page.getByRole('button', { name: 'Sell ticket', exact: true }).click();
  await page.waitForURL(/\/tickets\/[^/]+$/);
  await page.getByRole('heading', { name: title }).waitFor();
  // The seller may not buy their own ticket, and sees why.
  await expectDisabled(page.getByRole('button', { name: 'Buy', exact: true }), 'Buy on the seller’s own ticket');
  await page.getByText('You are selling this ticket.').waitFor();
  await screenshot(page, 'ticket-listed');
  return new URL(page.url()).pathname;
}

/** Finds the ticket in the Tickets list (paging with "Load more") and opens it. */
export async function openTicketFromList(person, title) {
  const { page } = person;
  await page.getByRole('link', { name: 'Tickets', exact: true }).click();
  const link = page.getByRole('link', { name: title });
  const loadMore = page.getByRole('button', { name: 'Load more', exact: true });
  await page.getByRole('heading', { name: 'Tickets for sale' }).waitFor();
  await link.or(loadMore).or(page.getByText('No tickets are for sale right now.')).first().waitFor();
  for (let pages = 0; !(await link.isVisible()) && (await loadMore.isVisible()) && pages < 50; pages++) {
    await loadMore.click();
    await link.or(loadMore).first().waitFor();
  }
  await link.click();
  await page.getByRole('heading', { name: title }).waitFor();
}

/** Presses "Buy" and waits for the new order's page. */
export async function buy(person) {
  const { page } = person;
  await page.getByRole('button', { name: 'Buy', exact: true }).click();
  await page.waitForURL(/\/orders\/[^/]+$/);
  await page.getByText('Time left to pay').waitFor();
  await screenshot(page, `${person.username.split('_')[0]}-order-created`);
}

export async function pay(person, cardName) {
  const { page } = person;
  await page.getByLabel('Card', { exact: true }).selectOption({ label: cardName });
  await screenshot(page, `${person.username.split('_')[0]}-card-chosen`);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
}

export async function expectDisabled(locator, what) {
  await locator.waitFor();
  if (!(await locator.isDisabled())) throw new Error(`${what} should be disabled`);
}

/** Waits until `read()` returns something `accept` likes, or fails with what it saw last. */
export async function eventually(read, accept, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
}

export function uniqueTitle(what) {
  return `${what} ${runId}`;
}
