import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/client.js';
import { useAuth } from '../auth.js';

export function LoginPage() {
  const { signIn, notice } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    document.title = 'Sign in · Vigil';
  }, []);
  useEffect(() => {
    if (error !== undefined) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError('Enter your user name and password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
    } catch (failure) {
      setPassword('');
      if (failure instanceof ApiError && failure.code === 'AUTH_FAILED') setError('The user name or password is not right.');
      else if (failure instanceof ApiError && failure.code === 'AUTH_LOCKED') setError(`This account is locked for now: ${failure.message}`);
      else setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <div className="login__card">
        <div className="brand brand--large" aria-hidden="true">
          <span className="brand__mark">V</span> Vigil
        </div>
        <h1>Sign in to the screening console</h1>
        {notice !== undefined && (
          <p className="note note--info" role="status">
            {notice}
          </p>
        )}
        {error !== undefined && (
          <div className="note note--error" role="alert" tabIndex={-1} ref={errorRef}>
            {error}
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="username">User name</label>
            <input id="username" name="username" type="text" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small">
          Authorised staff only. Every screening and record read is kept in the audit trail. Public threat advisories: <a href="/advisories">/advisories</a>.
        </p>
      </div>
    </main>
  );
}
