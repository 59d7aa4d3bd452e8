import { z } from 'zod';

// The data-flow map's layout: where people placed the assets (the assets feature's routes).

/** Pixels on the map's canvas: whole numbers, within a generous square. */
const Coordinate = z.int().min(-100_000).max(100_000);

export const FlowMapPositionSchema = z.object({
  assetId: z.uuid({ error: 'must be an asset id' }),
  x: Coordinate,
  y: Coordinate,
});
export type FlowMapPosition = z.infer<typeof FlowMapPositionSchema>;

export const FlowMapLayoutSchema = z.object({
  positions: z
    .array(FlowMapPositionSchema)
    .describe('Assets placed by hand; the others are laid out automatically'),
  savedAt: z.iso.datetime().nullable().describe('When the layout was last saved; null: never'),
  savedBy: z.string().nullable().describe('Who saved it, by name'),
});
export type FlowMapLayout = z.infer<typeof FlowMapLayoutSchema>;

export const FlowMapLayoutBodySchema = z.object({
  positions: z
    .array(FlowMapPositionSchema)
    .max(5_000)
    .describe('Replaces the saved layout; an empty list returns to the automatic layout'),
});
export type FlowMapLayoutBody = z.infer<typeof FlowMapLayoutBodySchema>;
