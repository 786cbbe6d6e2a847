import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAgency, listAgencies } from '../../api/people.js';
import { currentLanguage } from '../../lib/i18n.js';
import { agencyName } from './labels.js';

interface Option {
  value: string;
  label: string;
}

/**
 * Chooses an agency by typing part of its Thai or English name or its code; the server searches (within
 * one agency's subtree when `within` is given), so the whole national tree is never loaded.
 */
export function AgencyPicker({
  label,
  description,
  value,
  onChange,
  within,
  error,
  required,
  clearable,
  placeholder,
  maw,
}: {
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (id: string) => void;
  within?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  placeholder?: string;
  maw?: number;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(null);
  const term = chosen && search === chosen.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const options = useQuery({
    queryKey: ['agency-options', within ?? '', debounced],
    queryFn: () => listAgencies({ q: debounced || undefined, within, pageSize: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const toOption = (a: { id: string; code: string; nameTh: string; nameEn: string }): Option => ({
    value: a.id,
    label: `${agencyName(a, lang)} (${a.code})`,
  });
  const items = (options.data?.items ?? []).map(toOption);
  // A value set from outside (a link, the caller's scope) is named by its own request.
  const known = !value || items.some((o) => o.value === value) || chosen?.value === value;
  const selected = useQuery({ queryKey: ['agency', value], queryFn: () => getAgency(value), enabled: !known, staleTime: 60_000 });
  const extra: Option[] = [];
  if (value && !items.some((o) => o.value === value)) {
    if (chosen?.value === value) extra.push(chosen);
    else if (selected.data) extra.push(toOption(selected.data));
  }
  const data = [...extra, ...items];
  return (
    <Select
      label={label}
      description={description}
      required={required}
      error={error}
      maw={maw}
      placeholder={placeholder ?? t('people.picker.placeholder')}
      searchable
      clearable={clearable}
      value={value || null}
      data={data}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('people.picker.none')}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id ?? '');
      }}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('people.picker.clear') }}
    />
  );
}
