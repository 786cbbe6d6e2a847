import { Button, Checkbox, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetValue, SearchResult } from '../../api/catalog.js';
import { currentLanguage } from '../../lib/i18n.js';
import { type FacetLabels, filterLabel, localized } from './labels.js';
import { type Fee, type ListFilter, type SearchState, toggleValue, withFee, withRanges } from './search-state.js';

/** The facet groups in the order a reader narrows a search: who it is for, what it teaches, then how and where. */
const GROUPS: ListFilter[] = ['targetGroup', 'skillArea', 'level', 'deliveryMode', 'province', 'language', 'provider', 'status'];
/** Long groups show this many values until the reader asks for all. */
const SHORT_LIST = 6;

/** Facet values from the API, plus any selected value the current results no longer count (so it can be unticked). */
function valuesOf(
  key: ListFilter,
  state: SearchState,
  facets: SearchResult['facets'] | undefined,
  labels: FacetLabels,
  t: (k: string) => string,
) {
  const values: FacetValue[] = [...(facets?.[key] ?? [])];
  const lang = currentLanguage();
  for (const v of state.lists[key]) {
    if (!values.some((x) => x.value === v)) {
      const label = filterLabel(key, v, labels, lang, t as never);
      values.push({ value: v, count: 0, labelTh: label, labelEn: label });
    }
  }
  return values;
}

function CheckboxGroup({
  name,
  values,
  selected,
  onToggle,
}: {
  name: ListFilter;
  values: FacetValue[];
  selected: string[];
  onToggle: (value: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [all, setAll] = useState(false);
  const listId = useId();
  const long = values.length > SHORT_LIST + 1;
  // Ticked values stay visible when the list is folded.
  const shown = long && !all ? values.filter((v, i) => i < SHORT_LIST || selected.includes(v.value)) : values;
  return (
    <fieldset className="facet-group">
      <legend>{t(`catalog.facets.${name}`)}</legend>
      <Stack gap={6} id={listId}>
        {shown.map((v) => (
          <Checkbox
            key={v.value}
            size="sm"
            checked={selected.includes(v.value)}
            onChange={(e) => onToggle(v.value, e.currentTarget.checked)}
            label={
              <>
                {localized(lang, v.labelTh, v.labelEn)}{' '}
                <Text span size="xs" c="dimmed">
                  ({v.count})
                </Text>
              </>
            }
          />
        ))}
      </Stack>
      {long ? (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setAll((a) => !a)} aria-expanded={all} aria-controls={listId}>
          {all ? t('catalog.facets.showFewer') : t('catalog.facets.showAll', { count: values.length })}
        </Button>
      ) : null}
    </fieldset>
  );
}

function FeeGroup({
  state,
  facets,
  onChange,
}: {
  state: SearchState;
  facets: SearchResult['facets'] | undefined;
  onChange: (s: SearchState) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const counts = new Map((facets?.fee ?? []).map((v) => [v.value, v]));
  if (!counts.size && !state.fee) return null;
  return (
    <Radio.Group
      className="facet-group"
      label={t('catalog.facets.fee')}
      value={state.fee ?? 'any'}
      onChange={(v) => onChange(withFee(state, v === 'free' || v === 'paid' ? (v as Fee) : null))}
    >
      <Stack gap={6} mt={6}>
        <Radio size="sm" value="any" label={t('catalog.facets.feeAny')} />
        {(['free', 'paid'] as const).map((f) => {
          const v = counts.get(f);
          // A choice that would show nothing is left out, unless it is the one in use.
          if (!v && state.fee !== f) return null;
          return (
            <Radio
              key={f}
              size="sm"
              value={f}
              label={
                <>
                  {v ? localized(lang, v.labelTh, v.labelEn) : t(`catalog.fee.${f}`)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({v?.count ?? 0})
                  </Text>
                </>
              }
            />
          );
        })}
      </Stack>
    </Radio.Group>
  );
}

/** Hours, fee ceiling and earliest start: typed in and applied together. */
function RangeForm({ state, onChange }: { state: SearchState; onChange: (s: SearchState) => void }) {
  const { t } = useTranslation();
  const [hoursMin, setHoursMin] = useState(state.ranges.hoursMin);
  const [hoursMax, setHoursMax] = useState(state.ranges.hoursMax);
  const [feeMax, setFeeMax] = useState(state.ranges.feeMax);
  const [startsAfter, setStartsAfter] = useState(state.startsAfter);
  useEffect(() => {
    setHoursMin(state.ranges.hoursMin);
    setHoursMax(state.ranges.hoursMax);
    setFeeMax(state.ranges.feeMax);
    setStartsAfter(state.startsAfter);
  }, [state.ranges.hoursMin, state.ranges.hoursMax, state.ranges.feeMax, state.startsAfter]);
  const bad = hoursMin !== '' && hoursMax !== '' && Number(hoursMax) < Number(hoursMin);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bad) return;
    onChange(withRanges(state, { hoursMin: hoursMin.trim(), hoursMax: hoursMax.trim(), feeMax: feeMax.trim() }, startsAfter));
  };
  const number = (v: string) => v.replace(/[^\d.]/g, '');
  return (
    <form onSubmit={submit} noValidate aria-label={t('catalog.facets.more')}>
      <fieldset className="facet-group">
        <legend>{t('catalog.facets.more')}</legend>
        <Stack gap="xs">
          <Group gap="xs" grow wrap="nowrap">
            <TextInput
              size="sm"
              inputMode="numeric"
              label={t('catalog.facets.hoursMin')}
              value={hoursMin}
              onChange={(e) => setHoursMin(number(e.currentTarget.value))}
            />
            <TextInput
              size="sm"
              inputMode="numeric"
              label={t('catalog.facets.hoursMax')}
              value={hoursMax}
              onChange={(e) => setHoursMax(number(e.currentTarget.value))}
              error={bad ? t('catalog.facets.hoursOrder') : undefined}
            />
          </Group>
          <TextInput
            size="sm"
            inputMode="numeric"
            label={t('catalog.facets.feeMax')}
            value={feeMax}
            onChange={(e) => setFeeMax(number(e.currentTarget.value))}
          />
          <TextInput
            size="sm"
            type="date"
            label={t('catalog.facets.startsAfter')}
            value={startsAfter}
            onChange={(e) => setStartsAfter(e.currentTarget.value)}
          />
          <div>
            <Button type="submit" variant="light" size="xs">
              {t('catalog.facets.apply')}
            </Button>
          </div>
        </Stack>
      </fieldset>
    </form>
  );
}

/** Every filter of the search, with how many courses each value would show. */
export function FacetPanel({
  state,
  result,
  labels,
  onChange,
  headingId,
}: {
  state: SearchState;
  result: SearchResult | undefined;
  labels: FacetLabels;
  onChange: (s: SearchState) => void;
  headingId?: string;
}) {
  const { t } = useTranslation();
  const facets = result?.facets;
  return (
    <Stack gap="md">
      {headingId ? (
        <Title order={2} size="h4" id={headingId}>
          {t('catalog.facets.title')}
        </Title>
      ) : null}
      {GROUPS.map((key) => {
        const values = valuesOf(key, state, facets, labels, t);
        // One status means the default (accredited only): a box for it would only confuse.
        if (values.length === 0 || (key === 'status' && values.length < 2 && state.lists.status.length === 0)) return null;
        const group = (
          <CheckboxGroup
            key={key}
            name={key}
            values={values}
            selected={state.lists[key]}
            onToggle={(value, on) => onChange(toggleValue(state, key, value, on))}
          />
        );
        return key === 'province' ? [group, <FeeGroup key="fee" state={state} facets={facets} onChange={onChange} />] : group;
      })}
      <RangeForm state={state} onChange={onChange} />
    </Stack>
  );
}
