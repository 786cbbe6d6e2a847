import type { TFunction } from 'i18next';
import type { Language } from '../../lib/i18n.js';

export const placeName = (p: { nameTh: string; nameEn: string }, lang: Language) => (lang === 'th' ? p.nameTh : p.nameEn);
export const levelLabel = (level: string, t: TFunction) => t(`vol.level.${level}`);
export const topicLabel = (topic: string, t: TFunction) => t(`vol.topic.${topic}`);
export const statusLabel = (status: string, t: TFunction) => t(`vol.status.${status}`);
