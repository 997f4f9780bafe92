import { Route, Routes } from 'react-router-dom';
import { RequireSignIn } from './auth/RequireSignIn';
import { SignInPage } from './auth/SignInPage';
import { SignUpPage } from './auth/SignUpPage';
import { CreateEventPage } from './events/CreateEventPage';
import { EventPage } from './events/EventPage';
import { EventsPage } from './events/EventsPage';
import { Layout } from './layout/Layout';
import { NotFoundPage } from './layout/NotFoundPage';
import { MyOrdersPage } from './orders/MyOrdersPage';
import { OrderPage } from './orders/OrderPage';
import { SellTicketPage } from './tickets/SellTicketPage';
import { TicketPage } from './tickets/TicketPage';
import { TicketsPage } from './tickets/TicketsPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<TicketsPage />} />
        <Route path="tickets" element={<TicketsPage />} />
        <Route path="tickets/:id" element={<TicketPage />} />
        <Route path="sell" element={<RequireSignIn><SellTicketPage /></RequireSignIn>} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/new" element={<RequireSignIn><CreateEventPage /></RequireSignIn>} />
        <Route path="events/:id" element={<EventPage />} />
        <Route path="orders" element={<RequireSignIn><MyOrdersPage /></RequireSignIn>} />
        <Route path="orders/:id" element={<RequireSignIn><OrderPage /></RequireSignIn>} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
