import { Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listPlaces, listVillages, type Place } from '../../api/volunteers.js';
import { currentLanguage } from '../../lib/i18n.js';

export interface PlaceChoice {
  province: string | null;
  district: string | null;
  subdistrict: string | null;
  village: string | null;
}
export const NO_PLACE: PlaceChoice = { province: null, district: null, subdistrict: null, village: null };

const day = 24 * 3600_000;

/**
 * Province → district → subdistrict → village, each a searchable select that loads the next level when the
 * one above is chosen (place lists are cached for a day; they change with the data package only).
 */
export function PlacePicker({
  value,
  onChange,
  error,
  withVillage = true,
}: {
  value: PlaceChoice;
  onChange: (v: PlaceChoice) => void;
  error?: string;
  withVillage?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const label = (p: Place) => (lang === 'th' ? p.nameTh : p.nameEn);
  const provinces = useQuery({ queryKey: ['places', ''], queryFn: () => listPlaces(), staleTime: day });
  const districts = useQuery({
    queryKey: ['places', value.province],
    queryFn: () => listPlaces(value.province as string),
    enabled: !!value.province,
    staleTime: day,
  });
  const subdistricts = useQuery({
    queryKey: ['places', value.district],
    queryFn: () => listPlaces(value.district as string),
    enabled: !!value.district,
    staleTime: day,
  });
  const villages = useQuery({
    queryKey: ['villages', value.subdistrict],
    queryFn: () => listVillages(value.subdistrict as string),
    enabled: withVillage && !!value.subdistrict,
  });
  const sorted = (items: Place[] | undefined) =>
    (items ?? []).map((p) => ({ value: p.code, label: label(p) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  const common = {
    searchable: true,
    clearable: true,
    nothingFoundMessage: t('vol.place.nothingFound'),
    comboboxProps: { withinPortal: true },
  };
  return (
    <Stack gap="xs">
      <Select
        {...common}
        label={t('vol.place.province')}
        data={sorted(provinces.data)}
        value={value.province}
        onChange={(v) => onChange({ ...NO_PLACE, province: v })}
        required
      />
      <Select
        {...common}
        label={t('vol.place.district')}
        data={sorted(districts.data)}
        value={value.district}
        disabled={!value.province}
        onChange={(v) => onChange({ ...value, district: v, subdistrict: null, village: null })}
        required
      />
      <Select
        {...common}
        label={t('vol.place.subdistrict')}
        data={sorted(subdistricts.data)}
        value={value.subdistrict}
        disabled={!value.district}
        onChange={(v) => onChange({ ...value, subdistrict: v, village: null })}
        required
      />
      {withVillage && (
        <Select
          {...common}
          label={t('vol.place.village')}
          description={value.subdistrict && villages.data?.length === 0 ? t('vol.place.noVillages') : undefined}
          data={(villages.data ?? []).map((v) => ({ value: v.id, label: t('vol.place.villageLabel', { moo: v.moo, name: v.nameTh }) }))}
          value={value.village}
          disabled={!value.subdistrict}
          onChange={(v) => onChange({ ...value, village: v })}
          error={error}
          required
        />
      )}
    </Stack>
  );
}
