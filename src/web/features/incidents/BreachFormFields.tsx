import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import {
  BREACH_EXCLUSIONS,
  BREACH_EXCLUSION_LABELS,
  US_JURISDICTION_CODES,
  US_JURISDICTION_CODE_LABELS,
} from '../../../contracts/breach-deadlines';
import {
  BREACH_FACTORS,
  BREACH_FACTOR_LABELS,
  DELAY_STATEMENTS,
  DELAY_STATEMENT_LABELS,
  FACTOR_RATINGS,
  FACTOR_RATING_LABELS,
} from '../../../contracts/breach-determination-schemas';
import { stepsShown, type BreachForm, type StateCode } from './breach-form';
import { options } from './words';

// The exclusions in our own words, to be checked against 164.402(1) (Subpart D is not in our sources).
const EXCLUSION_HINTS: Record<(typeof BREACH_EXCLUSIONS)[number], string> = {
  '(1)(i)':
    'Unintentional acquisition, access or use by a workforce member or person acting under our authority, in good faith, within their authority, and not used or disclosed further.',
  '(1)(ii)':
    'Inadvertent disclosure by a person authorized to access PHI to another person authorized at the same organization or business associate, and not used or disclosed further.',
  '(1)(iii)':
    'A good-faith belief that the person who received the PHI could not reasonably have kept it.',
};

const STATE_OPTIONS = options(US_JURISDICTION_CODES, US_JURISDICTION_CODE_LABELS);
const isState = (v: string): v is StateCode =>
  (US_JURISDICTION_CODES as readonly string[]).includes(v);

function YesNo({
  label,
  value,
  onChange,
}: {
  label: string;
  value: 'yes' | 'no' | null;
  onChange: (v: 'yes' | 'no') => void;
}) {
  return (
    <Radio.Group
      label={label}
      value={value ?? ''}
      onChange={(v) => onChange(v === 'yes' ? 'yes' : 'no')}
    >
      <Group gap="lg" mt={4}>
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
      </Group>
    </Radio.Group>
  );
}

/** The steps of the determination, each shown once the answers before it lead there. */
export function BreachFormFields({
  form,
  setForm,
}: {
  form: BreachForm;
  setForm: (form: BreachForm) => void;
}) {
  const shown = stepsShown(form);
  const set = (patch: Partial<BreachForm>) => setForm({ ...form, ...patch });
  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        1. Protected health information
      </Title>
      <YesNo
        label="Was protected health information involved?"
        value={form.involved}
        onChange={(involved) => set({ involved })}
      />
      {form.involved === 'yes' ? (
        <YesNo
          label="Was it unsecured? (neither encrypted nor destroyed as the HHS guidance describes, or the key was compromised)"
          value={form.unsecured}
          onChange={(unsecured) => set({ unsecured })}
        />
      ) : null}
      {form.involved === 'yes' ? (
        <Textarea
          label={form.unsecured === 'no' ? 'How it was secured' : 'Why it was not secured'}
          autosize
          minRows={2}
          value={form.phiRationale}
          onChange={(e) => set({ phiRationale: e.currentTarget.value })}
        />
      ) : null}
      {shown.exclusion ? (
        <>
          <Title order={3} size="h5">
            2. Exclusions (164.402(1))
          </Title>
          <Radio.Group
            label="Does an exclusion apply?"
            value={form.exclusion ?? ''}
            onChange={(v) =>
              set({
                exclusion: v === 'none' ? 'none' : (BREACH_EXCLUSIONS.find((e) => e === v) ?? null),
              })
            }
          >
            <Stack gap={6} mt={4}>
              <Radio value="none" label="No exclusion applies" />
              {BREACH_EXCLUSIONS.map((e) => (
                <Radio
                  key={e}
                  value={e}
                  label={BREACH_EXCLUSION_LABELS[e]}
                  description={`${EXCLUSION_HINTS[e]} (To be checked.)`}
                />
              ))}
            </Stack>
          </Radio.Group>
          {form.exclusion && form.exclusion !== 'none' ? (
            <Textarea
              label="The facts that support the exclusion"
              autosize
              minRows={2}
              value={form.exclusionFacts}
              onChange={(e) => set({ exclusionFacts: e.currentTarget.value })}
            />
          ) : null}
        </>
      ) : null}
      {shown.assess ? (
        <>
          <Title order={3} size="h5">
            3. Four-factor risk assessment (164.402(2))
          </Title>
          {BREACH_FACTORS.map((f) => (
            <SimpleGrid key={f} cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={BREACH_FACTOR_LABELS[f]}
                data={options(FACTOR_RATINGS, FACTOR_RATING_LABELS)}
                value={form.factors[f].rating}
                onChange={(v) =>
                  set({
                    factors: {
                      ...form.factors,
                      [f]: {
                        ...form.factors[f],
                        rating: FACTOR_RATINGS.find((r) => r === v) ?? null,
                      },
                    },
                  })
                }
              />
              <Textarea
                style={{ gridColumn: 'span 2' }}
                label="Rationale"
                aria-label={`Rationale: ${BREACH_FACTOR_LABELS[f]}`}
                autosize
                minRows={2}
                value={form.factors[f].rationale}
                onChange={(e) =>
                  set({
                    factors: {
                      ...form.factors,
                      [f]: { ...form.factors[f], rationale: e.currentTarget.value },
                    },
                  })
                }
              />
            </SimpleGrid>
          ))}
          <Title order={3} size="h5">
            4. Conclusion
          </Title>
          <YesNo
            label="Does the assessment demonstrate a low probability that the PHI has been compromised?"
            value={form.lowProbability}
            onChange={(lowProbability) => set({ lowProbability })}
          />
          <Textarea
            label="Why"
            autosize
            minRows={2}
            value={form.conclusionRationale}
            onChange={(e) => set({ conclusionRationale: e.currentTarget.value })}
          />
        </>
      ) : null}
      {shown.facts ? (
        <>
          <Title order={3} size="h5">
            {shown.assess ? '5.' : shown.exclusion ? '3.' : '2.'} Facts for the deadlines
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label="Breach occurred on"
              value={form.breachOccurredOn}
              onChange={(e) => set({ breachOccurredOn: e.currentTarget.value })}
            />
            <NumberInput
              label="People affected in total"
              min={0}
              allowDecimal={false}
              value={form.affectedTotal}
              onChange={(affectedTotal) => set({ affectedTotal })}
            />
          </SimpleGrid>
          <MultiSelect
            label="States of the people affected"
            data={STATE_OPTIONS}
            searchable
            value={Object.keys(form.byState)}
            onChange={(codes) =>
              set({
                byState: Object.fromEntries(
                  codes.filter(isState).map((c) => [c, form.byState[c] ?? '']),
                ),
              })
            }
          />
          {Object.keys(form.byState).length > 0 ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {Object.entries(form.byState).map(([code, n]) =>
                isState(code) ? (
                  <NumberInput
                    key={code}
                    label={`People in ${US_JURISDICTION_CODE_LABELS[code]}`}
                    min={0}
                    allowDecimal={false}
                    value={n}
                    onChange={(v) => set({ byState: { ...form.byState, [code]: v } })}
                  />
                ) : null,
              )}
            </SimpleGrid>
          ) : null}
          <Checkbox
            label="Law enforcement asked us to delay the notices (164.412)"
            checked={form.delayed}
            onChange={(e) => set({ delayed: e.currentTarget.checked })}
          />
          {form.delayed ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label="Asked by"
                data={options(DELAY_STATEMENTS, DELAY_STATEMENT_LABELS)}
                value={form.statement}
                onChange={(v) => set({ statement: v === 'oral' ? 'oral' : 'written' })}
              />
              <TextInput
                type="date"
                label="Delay ends on"
                value={form.delayUntil}
                onChange={(e) => set({ delayUntil: e.currentTarget.value })}
              />
              {form.statement === 'oral' ? (
                <TextInput
                  type="date"
                  label="Day of the oral statement"
                  value={form.statementOn}
                  onChange={(e) => set({ statementOn: e.currentTarget.value })}
                />
              ) : null}
            </SimpleGrid>
          ) : null}
          <Text size="xs" c="dimmed">
            The day of discovery is the incident’s; the entity type is the organization’s profile.
          </Text>
        </>
      ) : null}
    </Stack>
  );
}
