export { MoneyFormatError, YUAN_PATTERN, fenToYuan, yuanToFen } from './money.js';
export {
  SERVICES,
  SERVICE_NAMES,
  defaultServiceUrl,
  serviceEnvPrefix,
  servicePort,
} from './services.js';
export type { ServiceContract, ServiceName } from './services.js';
