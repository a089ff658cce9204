import type { EggPlugin } from 'egg';

/**
 * The BFF is a JSON/GraphQL gateway plus a static server for immutable files: it keeps
 * `security` (headers and CSRF, configured in config.default.ts) and `onerror` (last resort for
 * errors outside our middleware) and turns off what it does not use, so boot is fast and no
 * plugin answers a request behind our back.
 */
const plugin: EggPlugin = {
  session: false, // sessions are signed tokens (JWT), see app/service/session.ts
  i18n: false,
  watcher: false,
  development: false,
  multipart: false,
  logrotator: false,
  schedule: false,
  static: false, // app/controller/app_assets.ts and shell.ts serve files with our cache rules
  jsonp: false,
  view: false,
};

export default plugin;
