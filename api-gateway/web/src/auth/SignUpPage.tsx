import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TextField } from '../ui/Field';
import { formErrors } from '../ui/formErrors';
import { useSignUp } from './authApi';
import { useReturnPath } from './useReturnPath';

const fields = ['email', 'username', 'password'] as const;
const conflicts = { email_taken: 'email', username_taken: 'username' };

export function SignUpPage() {
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signUp = useSignUp();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const errors = formErrors(signUp.error, fields, conflicts);

  function send() {
    signUp.mutate({ email: email.trim(), username: username.trim(), password }, { onSuccess: () => navigate(returnPath) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <div className="row justify-content-center">
      <div className="col-sm-10 col-md-7 col-lg-5">
        <h1 className="h3 mb-3">Create your account</h1>
        {errors.summary && <ErrorAlert error={signUp.error} message={errors.summary} onRetry={send} />}
        <form onSubmit={submit} noValidate>
          <TextField label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} errors={errors.field('email')} />
          <TextField
            label="Username"
            autoComplete="username"
            hint="3–32 letters, digits, dots, dashes or underscores."
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            errors={errors.field('username')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            errors={errors.field('password')}
          />
          <button type="submit" className="btn btn-primary w-100" disabled={signUp.isPending}>
            Sign up
          </button>
        </form>
      </div>
    </div>
  );
}
