import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, sentBody } from '../test/fakeFetch';
import { renderPage } from '../test/renderPage';
import { SignUpPage } from './SignUpPage';

const alice = { id: 'u1', email: 'alice@example.com', username: 'alice' };

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), 'alice@example.com');
  await user.type(screen.getByLabelText('Username'), 'alice');
  await user.type(screen.getByLabelText('Password'), 'correct horse');
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
}

describe('SignUpPage', () => {
  it('signs up with the typed details, remembers the user and goes home', async () => {
    const fetch = fakeFetch({ 'POST /api/users/signup': { status: 201, body: { user: alice, token: 'jwt' } } });
    const { client } = renderPage(<SignUpPage />, { path: '/signup' });

    await fillAndSubmit();

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
    expect(sentBody(fetch, 'POST /api/users/signup')).toEqual({ email: 'alice@example.com', username: 'alice', password: 'correct horse' });
    expect(client.getQueryData(['currentUser'])).toEqual(alice);
  });

  it('shows each validation error of a 400 next to its field', async () => {
    fakeFetch({
      'POST /api/users/signup': {
        status: 400,
        body: {
          status: 400,
          title: 'One or more validation errors occurred.',
          code: 'validation_failed',
          errors: { Username: ['Username must be 3–32 characters.'], password: ['Password must be at least 8 characters.'] },
        },
      },
    });
    renderPage(<SignUpPage />, { path: '/signup' });

    await fillAndSubmit();

    const username = screen.getByLabelText('Username');
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(username).toHaveAccessibleDescription(/Username must be 3–32 characters\./));
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/Password must be at least 8 characters\./);
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
    expect(screen.getByTestId('location')).toHaveTextContent('/signup');
  });

  it('puts a taken email next to the Email field as a sentence', async () => {
    fakeFetch({
      'POST /api/users/signup': { status: 409, body: { status: 409, title: 'Conflict', code: 'email_taken', detail: 'email_taken' } },
    });
    renderPage(<SignUpPage />, { path: '/signup' });

    await fillAndSubmit();

    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('An account with this email already exists.'));
    expect(screen.queryByText(/"code"/)).not.toBeInTheDocument();
  });

  it('offers a retry when the server cannot be reached', async () => {
    let calls = 0;
    const fetch = fakeFetch({});
    fetch.mockImplementation(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ user: alice, token: 'jwt' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    });
    renderPage(<SignUpPage />, { path: '/signup' });

    await fillAndSubmit();
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach Ticketing.');
    await userEvent.setup().click(retry);

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });
});
