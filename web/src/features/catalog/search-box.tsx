import { Button, Group, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Suggestion, suggestCourses } from '../../api/catalog.js';
import { currentLanguage } from '../../lib/i18n.js';
import { localized } from './labels.js';
import { nextActive } from './search-state.js';

const MIN_CHARS = 2;

/**
 * The search box with type-ahead: an ARIA 1.2 combobox (input + listbox) of course titles. Arrow keys
 * move through the suggestions, Enter opens the highlighted course or, with none highlighted, searches;
 * Escape closes the list. Written by hand rather than with a popover library to keep the public page light.
 */
export function SearchBox({
  initial,
  onSearch,
  onPick,
}: {
  initial: string;
  onSearch: (q: string) => void;
  onPick: (s: Suggestion) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const listId = `${id}-list`;
  const [value, setValue] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(value.trim(), 250);

  // The URL is the source of truth: back/forward or a chip may change the query under the box.
  useEffect(() => setValue(initial), [initial]);

  const suggestions = useQuery({
    queryKey: ['catalog-suggestions', debounced],
    queryFn: () => suggestCourses(debounced),
    enabled: open && debounced.length >= MIN_CHARS,
    staleTime: 60_000,
  });
  const items = open && debounced.length >= MIN_CHARS ? (suggestions.data?.items ?? []) : [];
  const expanded = items.length > 0;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    close();
    onSearch(value.trim());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      if (!items.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => nextActive(i, items.length, step));
      return;
    }
    if (e.key === 'Enter' && expanded && active >= 0 && active < items.length) {
      e.preventDefault();
      const picked = items[active];
      close();
      onPick(picked);
      return;
    }
    if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        close();
      } else if (value) {
        e.preventDefault();
        setValue('');
      }
    }
  };

  return (
    <form onSubmit={submit} aria-label={t('catalog.search.formLabel')}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <div className="suggest" style={{ flex: '1 1 auto', minWidth: 0 }}>
          <TextInput
            label={t('catalog.search.label')}
            description={t('catalog.search.hint')}
            placeholder={t('catalog.search.placeholder')}
            value={value}
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={expanded ? listId : undefined}
            aria-activedescendant={expanded && active >= 0 && active < items.length ? `${listId}-${active}` : undefined}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={close}
          />
          {expanded ? (
            <div id={listId} role="listbox" aria-label={t('catalog.search.suggestions')} className="suggest-list">
              {items.map((s, i) => (
                // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the input, which points here with aria-activedescendant
                <div
                  key={s.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="suggest-option"
                  // Keep focus in the input: choosing happens on mouse down, before the input's blur closes the list.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    close();
                    onPick(s);
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  <span className="suggest-title" lang={lang === 'en' && s.titleEn ? 'en' : 'th'}>
                    {localized(lang, s.titleTh, s.titleEn)}
                  </span>
                  <span className="suggest-provider" lang="th">
                    {s.providerNameTh}
                  </span>
                </div>
              ))}
            </div>
          ) : null}
        </div>
        <Button type="submit" style={{ flexShrink: 0 }}>
          {t('catalog.search.submit')}
        </Button>
      </Group>
      <div className="visually-hidden" role="status" aria-live="polite">
        {expanded ? t('catalog.search.suggestionCount', { count: items.length }) : ''}
      </div>
    </form>
  );
}
