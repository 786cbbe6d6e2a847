import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listPersonnel } from '../../api/people.js';

interface Option {
  value: string;
  label: string;
}

/**
 * Chooses a person by typing part of their name, e-mail or their citizen ID; the server searches the caller's
 * reach (within one agency's subtree when `within` is given), twenty at a time.
 */
export function PersonPicker({
  label,
  description,
  value,
  initial,
  exclude,
  onChange,
  within,
  error,
}: {
  label: string;
  description?: string;
  value: string;
  /** The person chosen before (shown by name without a search). */
  initial: { id: string; nameTh: string; positionTh: string } | null;
  /** Someone who may not be chosen (a person is not their own supervisor). */
  exclude?: string;
  onChange: (id: string) => void;
  within?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const term = chosen && search === chosen.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const options = useQuery({
    queryKey: ['person-options', within ?? '', debounced],
    queryFn: () => listPersonnel({ agencyId: within, q: debounced, limit: 20 }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const items: Option[] = (debounced.length >= 2 ? (options.data?.items ?? []) : [])
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: `${p.titleTh}${p.firstNameTh} ${p.lastNameTh} · ${p.positionTh}` }));
  const extra: Option[] = [];
  if (value && !items.some((o) => o.value === value)) {
    if (chosen?.value === value) extra.push(chosen);
    else if (initial?.id === value) extra.push({ value, label: `${initial.nameTh} · ${initial.positionTh}` });
  }
  return (
    <Select
      label={label}
      description={description}
      error={error}
      placeholder={t('people.personPicker.placeholder')}
      searchable
      clearable
      value={value || null}
      data={[...extra, ...items]}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={
        debounced.length < 2 ? t('people.personPicker.typeMore') : options.isFetching ? t('common.loading') : t('people.personPicker.none')
      }
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id ?? '');
      }}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('people.personPicker.clear') }}
    />
  );
}
