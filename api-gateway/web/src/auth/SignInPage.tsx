import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TextField } from '../ui/Field';
import { formErrors } from '../ui/formErrors';
import { useSignIn } from './authApi';
import { useReturnPath } from './useReturnPath';

const fields = ['email', 'username', 'password'] as const;

export function SignInPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const errors = formErrors(signIn.error, fields);
  // The API names the field `email` or `username`; this form has one box for either.
  const loginErrors = [...(errors.field('email') ?? []), ...(errors.field('username') ?? [])];

  function send() {
    signIn.mutate({ login: login.trim(), password }, { onSuccess: () => navigate(returnPath) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <div className="row justify-content-center">
      <div className="col-sm-10 col-md-7 col-lg-5">
        <h1 className="h3 mb-3">Welcome back</h1>
        {errors.summary && <ErrorAlert error={signIn.error} message={errors.summary} onRetry={send} />}
        <form onSubmit={submit} noValidate>
          <TextField
            label="Email or username"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            errors={loginErrors.length ? loginErrors : undefined}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            errors={errors.field('password')}
          />
          <button type="submit" className="btn btn-primary w-100" disabled={signIn.isPending}>
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}
