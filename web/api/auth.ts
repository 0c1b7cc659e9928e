// Bearer-token sign-in for a server started with AUTH_TOKENS (DESIGN.md "Configuration"): the
// app asks for the token once, in the top bar (not a modal), keeps it for this browser session
// and sends it with every request. A server without AUTH_TOKENS never answers 401, so
// single-user mode never sees the prompt.
const STORAGE_KEY = 'planner.token';

export function authHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(STORAGE_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

let pending: Promise<void> | null = null;

/** Shows the token prompt (one at a time) and resolves once the user has given a token. */
export function askForToken(rejected: boolean): Promise<void> {
  if (rejected) sessionStorage.removeItem(STORAGE_KEY);
  pending ??= new Promise<void>((resolve) => {
    const form = document.createElement('form');
    form.className = 'auth-bar';
    form.setAttribute('aria-label', 'Access token');
    const label = document.createElement('label');
    label.textContent = rejected
      ? 'That token was not accepted. Access token for this planner:'
      : 'This planner needs an access token:';
    const input = document.createElement('input');
    input.type = 'password';
    input.autocomplete = 'off';
    input.required = true;
    input.dataset.testid = 'auth-token';
    label.append(' ', input);
    const button = document.createElement('button');
    button.type = 'submit';
    button.textContent = 'Sign in';
    button.dataset.testid = 'auth-submit';
    form.append(label, button);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(STORAGE_KEY, input.value.trim());
      form.remove();
      pending = null;
      resolve();
    });
    (document.querySelector('.topbar') ?? document.body).append(form);
    input.focus();
  });
  return pending;
}
