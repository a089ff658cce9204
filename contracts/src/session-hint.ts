/**
 * Name of the cookie the BFF sets beside the session cookie, readable by scripts (not
 * HttpOnly), with the same lifetime, and clears at sign-out. It says only "a session was issued
 * to this browser and has not expired", never who: the shell asks `/api/session` and
 * `/api/apps` only when it is there, so a signed-out visit asks nothing that answers 401.
 * The session itself stays in the HttpOnly cookie.
 */
export const SESSION_HINT_COOKIE = 'mosaic_signed_in';
