import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue, useId } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Agency, listAgencies, listProviders, type Provider } from '../../api/directory.js';
import { errorMessage } from '../../lib/form-errors.js';
import { currentLanguage, type Language } from '../../lib/i18n.js';

export type PickerKind = 'agency' | 'provider';

interface Choice {
  id: string;
  /** What the input shows once chosen: the name in the reader's language, with the agency code. */
  label: string;
  name: string;
  detail: string;
}

// Few enough to show without a scrolling list (which the keyboard could not reach); typing narrows the rest.
const PAGE_SIZE = 6;

function agencyChoice(a: Agency, lang: Language, kindLabel: string): Choice {
  const name = lang === 'th' ? a.nameTh : a.nameEn;
  return { id: a.id, name, label: `${name} (${a.code})`, detail: `${a.code} · ${kindLabel}` };
}

function providerChoice(p: Provider, lang: Language, detail: string): Choice {
  const name = lang === 'th' ? p.nameTh : p.nameEn;
  return { id: p.id, name, label: name, detail };
}

/**
 * Finds an agency or a training provider by typing part of its name (Thai or English) or code, as an
 * ARIA combobox with a list: arrow down enters the matches, Enter picks one, Escape closes the list (not the dialog).
 * The number of matches is announced politely as they arrive.
 */
export function ScopePicker({
  kind,
  value,
  onChange,
  onSearch,
  label,
  description,
  error,
}: {
  kind: PickerKind;
  value: string;
  onChange: (id: string) => void;
  /** Called as the reader types, e.g. to clear an error that no longer applies. */
  onSearch?: () => void;
  label: string;
  description: ReactNode;
  error?: string;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [selected, setSelected] = useState<Choice | null>(null);
  const [search, setSearch] = useState('');
  // Once something is chosen the input shows its label; reopening the list then shows everything again.
  const term = selected && search === selected.label ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);

  const query = useQuery({
    queryKey: ['scope-options', kind, debounced],
    queryFn: async (): Promise<{ total: number; items: (Agency | Provider)[] }> => {
      const q = { q: debounced || undefined, pageSize: PAGE_SIZE };
      return kind === 'agency' ? listAgencies(q) : listProviders(q);
    },
    enabled: combobox.dropdownOpened,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const choices: Choice[] = (query.data?.items ?? []).map((item) =>
    'code' in item
      ? agencyChoice(item, lang, t(`users.grant.agencyKind.${item.kind}`))
      : providerChoice(item, lang, `${t(`users.grant.providerKind.${item.kind}`)} · ${t(`users.grant.providerStatus.${item.status}`)}`),
  );
  const settled = !query.isFetching && debounced === term;
  const total = query.data?.total ?? 0;

  // A new answer replaces the options, so no option stays active by its old position (arrow down enters the list).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answer is the trigger
  useEffect(() => {
    combobox.resetSelectedOption();
  }, [query.data]);

  // The chosen label follows the reader's language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a language switch re-labels the choice
  useEffect(() => {
    if (!selected) return;
    const again = choices.find((c) => c.id === selected.id);
    if (again && again.label !== selected.label) {
      setSelected(again);
      setSearch(again.label);
    }
  }, [lang]);

  let status: string | null = null;
  if (query.error) status = errorMessage(query.error, t);
  else if (!query.data || !settled) status = t('users.grant.picker.searching');
  else if (choices.length === 0) status = t(`users.grant.picker.none.${kind}`);
  else if (total > choices.length) status = t('users.grant.picker.more', { shown: choices.length, total });
  const announcement = combobox.dropdownOpened && settled && !query.error ? t('users.grant.picker.found', { count: total }) : '';

  const pick = (choiceId: string) => {
    const choice = choices.find((c) => c.id === choiceId);
    if (!choice) return;
    setSelected(choice);
    setSearch(choice.label);
    onChange(choice.id);
    combobox.closeDropdown();
  };

  return (
    <>
      <Combobox store={combobox} onOptionSubmit={pick} withinPortal>
        <Combobox.Target withExpandedAttribute>
          <TextInput
            id={id}
            label={label}
            description={description}
            required
            error={error}
            value={search}
            aria-autocomplete="list"
            placeholder={t(`users.grant.picker.placeholder.${kind}`)}
            rightSection={query.isFetching ? <Loader size={16} aria-hidden /> : null}
            rightSectionPointerEvents="none"
            onChange={(e) => {
              const next = e.currentTarget.value;
              setSearch(next);
              onSearch?.();
              if (next.trim() === '' && value) {
                setSelected(null);
                onChange('');
              }
              combobox.resetSelectedOption();
              combobox.openDropdown();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => {
              combobox.closeDropdown();
              if (selected) setSearch(selected.label);
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          {choices.length > 0 ? (
            <Combobox.Options labelledBy={`${id}-label`}>
              {choices.map((c) => (
                <Combobox.Option value={c.id} key={c.id} active={c.id === value} aria-selected={c.id === value}>
                  <Text size="sm" fw={c.id === value ? 700 : 400}>
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.detail}
                  </Text>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          ) : null}
          {status ? (
            <Text size="xs" c="dimmed" px="xs" py={6}>
              {status}
            </Text>
          ) : null}
        </Combobox.Dropdown>
      </Combobox>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
