import type { RequirementQuery } from '../../../contracts/catalog';
import { catalog, searchRequirements } from './content';

/** The catalog's requirements matching a query, with the catalog's version. */
export function listRequirements(query: RequirementQuery) {
  const loaded = catalog();
  return { version: loaded.version, data: searchRequirements(loaded.requirements, query) };
}

/** Every rule profile of the catalog. */
export function listProfiles() {
  return { data: [...catalog().profiles] };
}
