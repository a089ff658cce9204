// @mosaic/cluster: the load-balanced topology on one machine (`pnpm start:cluster`).
export { startCluster } from './start-cluster.mjs';
export { topologyOn } from './topology.mjs';
export { findBinaries } from './binaries.mjs';
export {
  BFF_SCRIPT,
  HEALTH_PATH,
  MACHINE_LOCAL,
  bffEnv,
  serviceEnv,
  serviceScript,
} from './roles.mjs';
