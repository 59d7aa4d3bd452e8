import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { demoStep } from '../../platform/demo';
import { FEATURES } from '../index';
import { demoSteps } from './seed';

const noop = () => Promise.resolve();

describe("the demo clinic, seeded from the features' manifests", () => {
  it("runs every feature's steps by order", () => {
    const steps = demoSteps(FEATURES).map((s) => s.order);
    expect(steps.length).toBeGreaterThanOrEqual(7);
    expect(steps).toEqual(steps.toSorted((a, b) => a - b));
    const late = demoStep(5, z.object({}), noop);
    const early = demoStep(1, z.object({}), noop);
    expect(
      demoSteps([
        { name: 'a', demo: [late] },
        { name: 'b', demo: [early] },
      ]),
    ).toEqual([early, late]);
  });

  it('checks each step against its part of content/demo/riverside-clinic.json', () => {
    const file = path.resolve(
      import.meta.dirname,
      '../../../../content/demo/riverside-clinic.json',
    );
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    for (const step of demoSteps(FEATURES)) {
      expect(() => step.check(data)).not.toThrow();
    }
  });
});
