/** Names of citation intents in the interface (the keys live in i18n.ts so both languages stay in step). */
import type { Intent } from '../../model';
import { translate, type Lang } from '../i18n';

export const intentName = (lang: Lang, intent: Intent) => translate(lang, `intent_${intent}`);
