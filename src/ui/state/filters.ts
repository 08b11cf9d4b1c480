/** From the sidebar's filter form to src/graph's FilterState. */
import type { FilterState } from '../../graph/filters';
import type { UiFilters } from './urlstate';

export function toFilterState(f: UiFilters, selection: readonly string[]): FilterState {
  const out: FilterState = {};
  if (f.nodeTypes.length) out.nodeTypes = f.nodeTypes;
  if (f.yearFrom !== undefined || f.yearTo !== undefined) out.yearRange = { from: f.yearFrom, to: f.yearTo };
  if (f.regions.length) out.regions = f.regions;
  if (f.levels.length) out.levels = f.levels;
  if (f.issuers.length) out.issuers = f.issuers;
  if (f.minCitedBy > 0) out.minCitedBy = f.minCitedBy;
  if (f.hideIsolated) out.hideIsolated = true;
  if (f.egoHops > 0 && selection.length) out.ego = { ids: selection, hops: f.egoHops };
  if (f.citeIntents?.length) out.citeIntents = f.citeIntents;
  return out;
}

export function filtersActive(f: UiFilters): boolean {
  return (
    f.nodeTypes.length > 0 ||
    f.yearFrom !== undefined ||
    f.yearTo !== undefined ||
    f.regions.length > 0 ||
    f.levels.length > 0 ||
    f.issuers.length > 0 ||
    f.minCitedBy > 0 ||
    f.hideIsolated ||
    f.egoHops > 0 ||
    (f.citeIntents?.length ?? 0) > 0
  );
}
