import type { HazardKind } from '../vocab/hazards.js';
import { HAZARDS } from './hazards.js';

export interface HazardInfo {
  title: string;
  description: string;
  fix: string;
}

/** Title, description and fix of a hazard class, from the one presentation table (report/hazards.ts). */
export function hazardInfo(kind: HazardKind): HazardInfo {
  const { title, description, fix } = HAZARDS[kind];
  return { title, description, fix };
}

/** Every hazard class with its text. */
export function allHazards(): Array<{ id: HazardKind } & HazardInfo> {
  return (Object.keys(HAZARDS) as HazardKind[]).map((id) => ({ id, ...hazardInfo(id) }));
}
