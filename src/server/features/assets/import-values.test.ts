import { describe, expect, it } from 'vitest';
import { choiceOf, choicesMessage } from './import-values';

describe('the values of an asset import', () => {
  it('takes a value or its label, in any case', () => {
    expect(choiceOf('criticality', 'Moderate')).toBe('moderate');
    expect(choiceOf('criticality', 'HIGH')).toBe('high');
    expect(choiceOf('kind', 'Application or system')).toBe('application');
    expect(choiceOf('kind', 'medical device')).toBe('medical_device');
    expect(choiceOf('lifecycle', 'In use')).toBe('active');
    expect(choiceOf('mfa', 'Not applicable')).toBe('not_applicable');
    expect(choiceOf('criticality', 'Extreme')).toBe('extreme');
  });

  it('answers a wrong cell with the labels it accepts', () => {
    expect(choicesMessage('criticality')).toBe('must be one of: Low, Moderate, High, Critical');
    expect(choicesMessage('name')).toBeUndefined();
  });
});
