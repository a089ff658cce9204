import type { Application, ILifecycleBoot } from 'egg';

/** Boot hooks: put request ids and error mapping around everything, Egg's core middleware too. */
export default class AppBoot implements ILifecycleBoot {
  constructor(private readonly app: Application) {}

  configWillLoad(): void {
    // Outermost first: every response gets x-request-id, and every error (bodyParser's
    // included) becomes `{error: {code, message, requestId}}`.
    this.app.config.coreMiddleware.unshift('requestId', 'errorHandler');
  }
}
