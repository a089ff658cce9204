import type { Application } from 'egg';
import { makeSignInRateLimited } from './lib/rate_limit/rate_limit_sign_in.js';

/** Everything the BFF serves on its one origin. */
export default (app: Application): void => {
  const { router, controller } = app;

  router.get('/healthz', controller.health.live);
  router.get('/readyz', controller.health.ready);
  router.get('/metrics', controller.health.metrics);

  // Sign-in attempts are counted in Redis when there is one, so every instance shares one budget.
  const signInRateLimited = makeSignInRateLimited({
    redis: app.sessionRedis?.commands ?? null,
    logger: app.logger,
  });
  router.post('/api/session', signInRateLimited, controller.session.create);
  router.get('/api/session', controller.session.show);
  router.delete('/api/session', controller.session.destroy);
  router.get('/api/apps', controller.apps.index);
  router.get('/api/roles', controller.roles.index);
  router.put('/api/roles/:role/apps/:app', controller.roles.grant);
  router.delete('/api/roles/:role/apps/:app', controller.roles.revoke);
  router.post('/api/client-errors', controller.clientErrors.create);
  router.get('/api/registry/apps', controller.registry.index);
  router.get('/api/registry/apps/:name', controller.registry.show);
  router.post('/api/registry/apps/:name/versions', controller.registry.publish);
  router.delete('/api/registry/apps/:name/versions/:version', controller.registry.deleteVersion);
  router.put('/api/registry/apps/:name/channels', controller.registry.setChannels);

  router.post('/graphql', controller.graphql.execute);

  router.get('/apps/:name/:version/:file(.*)', controller.appAssets.show);

  // The shell and its client-side routes: any GET outside /api, /graphql and /apps.
  router.get(/^\/(?!(?:api|graphql|apps)(?:\/|$))/, controller.shell.show);
};
