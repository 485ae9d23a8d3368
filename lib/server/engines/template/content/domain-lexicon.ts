/** Every known domain, and the lookup by id used when a site is edited later. */

import { OTHER_DOMAINS } from "./domain-lexicon-other";
import { SERVICE_DOMAINS } from "./domain-lexicon-services";
import type { DomainProfile } from "./domain-profile";

export const DOMAINS: readonly DomainProfile[] = [...SERVICE_DOMAINS, ...OTHER_DOMAINS];

export function findDomain(id: string | null | undefined): DomainProfile | null {
  return DOMAINS.find((d) => d.id === id) ?? null;
}
