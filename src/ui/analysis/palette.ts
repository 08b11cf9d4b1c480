/**
 * Community colours: ten distinguishable hues (Tableau 10, toned for white labels); communities
 * past the tenth share a neutral grey so the largest ones stay readable.
 */
export const COMMUNITY_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;
export const OTHER_COMMUNITY = '#d5d9de';

export function communityColour(index: number): string {
  return COMMUNITY_COLOURS[index] ?? OTHER_COMMUNITY;
}

/** node id → colour for the canvas overlay. */
export function communityColours(community: Record<string, number>): Map<string, string> {
  return new Map(Object.entries(community).map(([id, c]) => [id, communityColour(c)]));
}
