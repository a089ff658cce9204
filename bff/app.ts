import type { Server } from 'node:http';
import type { Application, ILifecycleBoot } from 'egg';
import { installFastLane } from './app/graphql/pipeline/fast_lane.js';
import { sessionDenyListCurrent } from './app/service/session.js';

/** Boot hooks: request ids, access log and error mapping around everything; cache lifecycle. */
export default class AppBoot implements ILifecycleBoot {
  constructor(private readonly app: Application) {}

  configWillLoad(): void {
    // Outermost first: every response gets x-request-id and an access line, and every error
    // (bodyParser's included) becomes `{error: {code, message, requestId}}`.
    this.app.config.coreMiddleware.unshift('requestId', 'accessLog', 'errorHandler', 'prereadBody');
    // Egg's `meta` (x-readtime header) and `overrideMethod` (`_method` in forms) serve no client
    // of ours and cost every request a step.
    this.app.config.coreMiddleware = this.app.config.coreMiddleware.filter(
      (name) => name !== 'meta' && name !== 'overrideMethod',
    );
  }

  configDidLoad(): void {
    // Cached GraphQL answers are served before Egg's chain (app/graphql/pipeline/fast_lane.ts); the
    // server is Egg's own in cluster mode, ours in server.ts: both announce it with 'server'.
    this.app.once('server', (server: Server) => installFastLane(this.app, server));
  }

  async didLoad(): Promise<void> {
    // Connect to Redis (when configured) before the first request rather than during it.
    void this.app.mosaicRuntime.cache;
  }

  async willReady(): Promise<void> {
    // Serve only once the sign-out deny list is whole (bounded: a Redis outage must not stop
    // the start; the list then asks Redis per check until it is).
    await sessionDenyListCurrent(this.app, 5000);
  }

  async beforeClose(): Promise<void> {
    await this.app.mosaicRuntime.close();
  }
}
