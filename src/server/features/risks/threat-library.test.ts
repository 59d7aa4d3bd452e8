import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/content';
import { riskContent } from './content';

// Issue 12: the guided assessment suggests requirements through vulnerabilities, so a requirement no
// vulnerability names is one no risk ever points to.
const { library } = riskContent();
const threatOf = (id: string) => {
  const threat = library.threats.find((t) => t.id === id);
  if (!threat) throw new Error(`no threat ${id}`);
  return threat;
};

/**
 * Requirements no threat to ePHI can defeat, each with its reason: duties on paper toward a plan
 * sponsor or a regulator, not safeguards of the data.
 */
const NOT_DEFEATED_BY_A_THREAT: Record<string, string> = {
  '164.314(b)(1)': "a group health plan's plan documents: a contractual duty toward the sponsor",
  '164.314(b)(2)(i)': 'a clause of the plan documents',
  '164.314(b)(2)(ii)': 'a clause of the plan documents',
  '164.314(b)(2)(iii)': 'a clause of the plan documents',
  '164.314(b)(2)(iv)': 'a clause of the plan documents',
  '164.316(b)(2)(i)': 'keeping documents six years: proof for a regulator, no protection of ePHI',
};

describe('the threat library against the catalog', () => {
  const suggestedBy = (citation: string) =>
    library.threats.flatMap((t) =>
      t.vulnerabilities
        .map((id) => library.vulnerabilities.find((v) => v.id === id))
        .filter((v) => v?.requirements.includes(citation))
        .map((v) => `${t.id}/${v?.id ?? ''}`),
    );

  it('suggests every requirement a threat can defeat through some threat and vulnerability', () => {
    const missing = catalog()
      .requirements.filter((r) => !(r.id in NOT_DEFEATED_BY_A_THREAT))
      .filter((r) => suggestedBy(r.id).length === 0)
      .map((r) => r.id);
    expect(missing).toEqual([]);
    for (const id of Object.keys(NOT_DEFEATED_BY_A_THREAT))
      expect(catalog().byId.has(id)).toBe(true);
  });

  it('uses every vulnerability in some threat', () => {
    const used = new Set(library.threats.flatMap((t) => t.vulnerabilities));
    expect(library.vulnerabilities.filter((v) => !used.has(v.id)).map((v) => v.id)).toEqual([]);
  });

  it('suggests integrity, incident response and emergency access where they belong', () => {
    expect(suggestedBy('164.312(c)(1)')).toContain('T-RECORD-ALTERATION/V-NO-INTEGRITY-CONTROLS');
    expect(suggestedBy('164.312(e)(2)(i)')).toContain('T-MISDIRECTED/V-NO-INTEGRITY-CONTROLS');
    expect(suggestedBy('164.308(a)(6)(ii)')).toContain('T-RANSOMWARE/V-NO-INCIDENT-RESPONSE');
    expect(suggestedBy('164.312(a)(2)(ii)')).toContain('T-POWER-LOSS/V-NO-EMERGENCY-ACCESS');
  });

  it('tells accidental loss from theft, and insiders who alter or take records', () => {
    expect(threatOf('T-LOST-DEVICE')).toMatchObject({
      title: 'Lost device',
      sourceType: 'accidental',
    });
    expect(threatOf('T-LOST-DEVICE').description).not.toMatch(/stol/i);
    expect(threatOf('T-DEVICE-THEFT').sourceType).toBe('adversarial');
    expect(threatOf('T-RECORD-ALTERATION').sourceType).toBe('adversarial');
    expect(threatOf('T-INSIDER-EXFILTRATION').sourceType).toBe('adversarial');
  });

  it('keeps to electronic PHI: no paper mail or fax in what a threat describes', () => {
    for (const threat of library.threats) {
      const words = [threat.title, threat.description, ...threat.examples].join(' ');
      expect(words, threat.id).not.toMatch(/\b(fax(es|ed)?|mailed|letters?|postal)\b/i);
    }
  });

  it('maps vulnerabilities to requirements that address them', () => {
    const requirementsOf = (id: string) =>
      library.vulnerabilities.find((v) => v.id === id)?.requirements ?? [];
    // An unsupported system is a risk to manage, not a question of criticality.
    expect(requirementsOf('V-END-OF-LIFE')).not.toContain('164.308(a)(7)(ii)(E)');
    expect(requirementsOf('V-END-OF-LIFE')).toContain('164.308(a)(1)(ii)(B)');
    // A missing configuration baseline is fixed by risk management, not by evaluation.
    expect(requirementsOf('V-NO-CONFIG-STANDARD')).not.toContain('164.308(a)(8)');
    expect(requirementsOf('V-NO-EVALUATION')).toEqual(['164.308(a)(8)']);
  });
});
