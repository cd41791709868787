/**
 * Sign-in with a bearer token: the token is checked with the `viewer` query before it is stored, so a
 * mistyped or reader token never becomes the session's.
 */
import { useId, useState } from 'react';
import { request, storeToken } from '../api/client.ts';
import { ViewerDocument } from '../api/generated.ts';
import { mayEdit, type Viewer } from '../app/session.ts';
import { describeFailure, NO_ERRORS, toErrorLike, type FormErrors } from './field-errors.ts';
import { ErrorSummary, Field } from './form-ui.tsx';

export interface SignInProps {
  readonly viewer: Viewer | null;
  /** Why signing in is needed now (a task was asked for without an editor signed in). */
  readonly reason: string | null;
  readonly onSignedIn: (viewer: Viewer) => void;
  readonly announce: (message: string) => void;
}

const REJECTED = 'That token was not accepted. Check it was copied whole, and that it has not been revoked.';
const READER = 'This token belongs to a reader; editing needs an editor or admin token.';

export function SignIn({ viewer, reason, onSignedIn, announce }: SignInProps) {
  const formId = useId();
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [checking, setChecking] = useState(false);

  if (viewer !== null && mayEdit(viewer) && reason === null) {
    return (
      <p>
        You are signed in as <strong>{viewer.name}</strong> ({viewer.role.toLowerCase()}). Use “New node” or
        the Edit buttons beside a node or claim to make a change.
      </p>
    );
  }

  const submit = (event: React.SubmitEvent): void => {
    event.preventDefault();
    const candidate = token.trim();
    if (candidate === '') {
      setErrors({ fields: { token: 'Enter your editor token.' }, form: null });
      return;
    }
    setChecking(true);
    setErrors(NO_ERRORS);
    request(ViewerDocument, {}, { token: candidate }).then(
      ({ viewer: found }) => {
        setChecking(false);
        if (found === null || !mayEdit(found)) {
          setErrors({ fields: { token: found === null ? REJECTED : READER }, form: null });
          return;
        }
        storeToken(candidate);
        setToken('');
        onSignedIn(found);
        announce(`Signed in as ${found.name} (${found.role.toLowerCase()}).`);
      },
      (error: unknown) => {
        setChecking(false);
        const failure = toErrorLike(error);
        // A wrong token is refused with HTTP 401 before GraphQL runs.
        const rejected = failure.code === 'UNAUTHENTICATED' || failure.code === 'HTTP_401';
        setErrors(
          rejected
            ? { fields: { token: REJECTED }, form: null }
            : { fields: {}, form: describeFailure(failure) },
        );
      },
    );
  };

  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      {reason === null ? null : <p>{reason}</p>}
      <ErrorSummary formId={formId} errors={errors} title="Not signed in" />
      <Field
        formId={formId}
        field="token"
        label="Editor token"
        hint={
          <>
            Tokens look like <code>fg_…_…</code>. An admin creates one with{' '}
            <code>npx fibrograph user add NAME --role editor</code>.
          </>
        }
        errors={errors.fields}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
        )}
      </Field>
      <div className="editor-actions">
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
