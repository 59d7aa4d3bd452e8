/**
 * Where the app leaves the reason of an automatic sign-out for the sign-in page to show. Its own
 * module: the idle warning (in every page) must not load the sign-in page.
 */
export const SIGNED_OUT_REASON_KEY = 'custos-signed-out-reason';
