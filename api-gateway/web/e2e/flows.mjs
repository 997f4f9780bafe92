// The storefront's end-to-end flows. They share a little state: the first lists the ticket the second buys.
import { screenshot } from './browser.mjs';
import { buy, eventually, expectDisabled, newPerson, openTicketFromList, pay, sellTicket, signUp, uniqueTitle } from './steps.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export function createFlows(browser, baseURL) {
  const shared = {};

  return [
    {
      name: 'seller signs up and sells a ticket',
      async run() {
        const seller = await newPerson(browser, baseURL, 'seller');
        shared.seller = seller;
        await signUp(seller);
        shared.ticketTitle = uniqueTitle('Front row');
        shared.ticketPath = await sellTicket(seller, shared.ticketTitle, '25.50');
        return seller;
      },
    },
    {
      name: 'buyer (on a phone) buys that ticket and pays with Visa: order complete',
      async run() {
        if (!shared.ticketTitle) throw new Error('no ticket: the seller flow failed');
        const buyer = await newPerson(browser, baseURL, 'buyer', phone);
        await signUp(buyer);
        await openTicketFromList(buyer, shared.ticketTitle);
        await screenshot(buyer.page, 'buyer-ticket-page');
        await buy(buyer);
        await pay(buyer, 'Visa (succeeds)');
        const status = buyer.page.getByTestId('order-status');
        await eventually(() => status.innerText(), (text) => text.trim() === 'complete', 'order status');
        await buyer.page.getByRole('button', { name: 'Pay', exact: true }).waitFor({ state: 'detached' });
        await screenshot(buyer.page, 'buyer-order-complete');

        await buyer.page.getByRole('link', { name: 'My orders', exact: true }).click();
        const row = buyer.page.getByRole('listitem').filter({ hasText: shared.ticketTitle });
        await row.getByText('complete', { exact: true }).waitFor();
        await screenshot(buyer.page, 'buyer-my-orders');

        // The ticket is gone from sale: its page says so and Buy is disabled.
        await buyer.page.goto(shared.ticketPath);
        await expectDisabled(buyer.page.getByRole('button', { name: 'Buy', exact: true }), 'Buy on a sold ticket');
        await buyer.page.getByText('Someone has already bought this ticket.').waitFor();
        await screenshot(buyer.page, 'ticket-sold');
        return buyer;
      },
    },
    {
      name: 'third user pays with the declined card and sees the decline',
      async run() {
        if (!shared.seller) throw new Error('no seller: the seller flow failed');
        const title = uniqueTitle('Balcony');
        await sellTicket(shared.seller, title, '12');
        const buyer = await newPerson(browser, baseURL, 'decliner');
        await signUp(buyer);
        await openTicketFromList(buyer, title);
        await buy(buyer);
        await pay(buyer, 'Declined card');
        await buyer.page.getByRole('alert').filter({ hasText: 'Your card was declined.' }).waitFor();
        const status = await buyer.page.getByTestId('order-status').innerText();
        if (status.trim() !== 'created') throw new Error(`a declined order should stay created, shows "${status}"`);
        await buyer.page.getByRole('button', { name: 'Pay', exact: true }).waitFor();
        await screenshot(buyer.page, 'decliner-card-declined');
        return buyer;
      },
    },
    {
      name: 'organizer starts a drop of 3 and a purchase makes "N of M left" fall',
      async run() {
        const organizer = await newPerson(browser, baseURL, 'organizer');
        await signUp(organizer);
        const { page } = organizer;
        const title = uniqueTitle('Spring drop');
        await page.getByRole('link', { name: 'Events', exact: true }).click();
        await page.getByRole('link', { name: 'Create event', exact: true }).click();
        await page.getByLabel('Title', { exact: true }).fill(title);
        await page.getByLabel('Price', { exact: true }).fill('40');
        await page.getByLabel('Capacity', { exact: true }).fill('3');
        await page.getByLabel('Max per user', { exact: true }).fill('1');
        // "On sale at" stays empty: on sale now.
        await screenshot(page, 'organizer-event-form');
        await page.getByRole('button', { name: 'Create event', exact: true }).click();
        await page.waitForURL(/\/events\/[^/]+$/);
        await page.getByText('3 of 3 left', { exact: true }).waitFor();
        await screenshot(page, 'organizer-event-3-left');

        const fan = await newPerson(browser, baseURL, 'fan');
        await signUp(fan);
        await fan.page.getByRole('link', { name: 'Events', exact: true }).click();
        await fan.page.getByRole('link', { name: title }).click();
        await fan.page.getByText('3 of 3 left', { exact: true }).waitFor();
        await buy(fan);

        // The organizer's page, left open, follows the sale without a reload.
        await page.getByText('2 of 3 left', { exact: true }).waitFor();
        await screenshot(page, 'organizer-event-2-left');

        // Max per user is 1: a second purchase by the same fan is refused readably.
        await fan.page.goBack();
        await fan.page.getByText('2 of 3 left', { exact: true }).waitFor();
        await fan.page.getByRole('button', { name: 'Buy', exact: true }).click();
        await fan.page.getByRole('alert').filter({ hasText: 'You already hold the most tickets one person may buy' }).waitFor();
        await screenshot(fan.page, 'fan-limit-reached');
        return organizer;
      },
    },
  ];
}
