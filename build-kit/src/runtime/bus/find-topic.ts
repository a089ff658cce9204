import { MosaicError, MosaicErrorCode } from '../../shared/mosaic-error.js';
import { eventTopics, requestTopics } from './topic-catalogue.js';
import type { EventTopicSpec, RequestTopicSpec } from './topic-catalogue.js';

const has = (record: object, key: string): boolean => Object.hasOwn(record, key);

function unknownTopic(kind: string, topic: string, known: object): MosaicError {
  return new MosaicError(
    MosaicErrorCode.BUS_UNKNOWN_TOPIC,
    `bus ${kind} topic '${topic}' is not in the catalogue (known: ${Object.keys(known).join(', ')}); add it to build-kit's topic-catalogue.ts`,
  );
}

/** The spec of an event topic; throws `BUS_UNKNOWN_TOPIC` for a name not in the catalogue. */
export function findEventTopic(topic: string): EventTopicSpec {
  if (!has(eventTopics, topic)) throw unknownTopic('event', topic, eventTopics);
  return eventTopics[topic as keyof typeof eventTopics];
}

/** The spec of a request topic; throws `BUS_UNKNOWN_TOPIC` for a name not in the catalogue. */
export function findRequestTopic(topic: string): RequestTopicSpec {
  if (!has(requestTopics, topic)) throw unknownTopic('request', topic, requestTopics);
  return requestTopics[topic as keyof typeof requestTopics];
}
