// The policy templates (content/policies/, written on branch i14-templates). Until that branch
// lands this file stands in for its loader with one template of the same shape; after the merge it
// re-exports `loadPolicyTemplates` and `fillPolicyTemplate` from ./templates.

/** A template as the templates helper writes it. */
export interface PolicyTemplate {
  readonly id: string;
  readonly title: string;
  readonly kind: 'policy' | 'procedure' | 'plan' | 'standard' | 'form';
  readonly category: string;
  readonly summary: string;
  readonly requirements: readonly string[];
  readonly body: string;
}

/** What a template's placeholders are filled from (the organization profile). */
export interface TemplateProfile {
  readonly organizationName: string;
  readonly securityOfficial: string;
  readonly privacyOfficial: string;
  readonly timeZone: string;
  readonly effectiveDate?: string;
}

const STAND_IN: readonly PolicyTemplate[] = [
  {
    id: 'workstation-use',
    title: 'Workstation use and security',
    kind: 'policy',
    category: 'Physical safeguards',
    summary: 'How workstations are used and protected.',
    requirements: ['164.310(b)', '164.310(c)'],
    body: [
      '# Workstation use and security',
      '',
      '{{organizationName}} protects every workstation that can reach ePHI.',
      '',
      '- Screens lock after 10 minutes without use.',
      '- Workstations in public areas face away from patients.',
      '',
      'Questions go to {{securityOfficial}}, the Security Official.',
    ].join('\n'),
  },
];

export function loadPolicyTemplates(): readonly PolicyTemplate[] {
  return STAND_IN;
}

export function fillPolicyTemplate(template: PolicyTemplate, profile: TemplateProfile): string {
  return template.body.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value: unknown = Object.entries(profile).find(([key]) => key === name)?.[1];
    return typeof value === 'string' ? value : whole;
  });
}
