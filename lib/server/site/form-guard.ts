/**
 * Runs before a generated site's own script wherever we serve it under the sandbox CSP (the
 * preview frame's runtime, `/preview/:id`, version previews, `/s/:slug`). Forms are allowed
 * (`allow-forms`) so the page's own submit handler runs and shows its confirmation, but a submit
 * never navigates: `form-action 'none'` would block it, and Chromium then replaces the whole page
 * with an error page. The default is cancelled in the capture phase (the page's handlers still
 * run); `form.submit()` fires no event, so it does nothing. Not in the zip: there the site is the
 * owner's to host, and its forms are theirs to wire.
 */
export const FORM_GUARD_SCRIPT =
  'window.addEventListener("submit", function (event) { event.preventDefault(); }, true); HTMLFormElement.prototype.submit = function () {};';
