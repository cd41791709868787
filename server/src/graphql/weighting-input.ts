/** The GraphQL EvidenceWeighting input → the domain's weighting (null fields mean "leave nothing out"). */
import {
  resolveWeighting,
  type EvidenceWeighting as DomainWeighting,
  type ResolvedWeighting,
} from '../domain/weighting.ts';
import type { EvidenceWeighting } from './generated/resolvers-types.ts';

/** The argument in the domain's terms, for a store query; undefined when there is none. */
export function weightingInput(input: EvidenceWeighting | null | undefined): DomainWeighting | undefined {
  if (input === null || input === undefined) return undefined;
  return {
    ...(input.leaveOutLevels ? { leaveOutLevels: input.leaveOutLevels } : {}),
    ...(input.leaveOutStances ? { leaveOutStances: input.leaveOutStances } : {}),
    ...(input.leaveOutSources ? { leaveOutSources: input.leaveOutSources } : {}),
    ...(input.leaveOutUnverified == null ? {} : { leaveOutUnverified: input.leaveOutUnverified }),
  };
}

/** The checked weighting, or null when the argument leaves everything in. */
export function weightingArg(input: EvidenceWeighting | null | undefined): ResolvedWeighting | null {
  return resolveWeighting(weightingInput(input));
}
