/** Every known domain (a data file), and the lookup by id used when a site is edited later. */

import domains from "../data/domains.json";
import type { DomainProfile } from "./domain-profile";

export const DOMAINS = domains as unknown as readonly DomainProfile[];

export function findDomain(id: string | null | undefined): DomainProfile | null {
  return DOMAINS.find((d) => d.id === id) ?? null;
}
