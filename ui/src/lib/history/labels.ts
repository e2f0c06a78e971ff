/** The closed sets the history screens offer, in the order they are shown. */
import type { ComplaintCategory } from '../backend/bindings/ComplaintCategory';
import type { ContactChannel } from '../backend/bindings/ContactChannel';
import type { HistoryKind } from '../backend/bindings/HistoryKind';

export const KINDS: readonly HistoryKind[] = ['sale', 'payment', 'contact', 'complaint', 'followup', 'note', 'loyalty'];

export const CHANNELS: readonly ContactChannel[] = ['phone', 'visit', 'sms', 'kakao', 'email', 'letter'];

/** Service sins first (what staff did), then the everyday kinds. */
export const CATEGORIES: readonly ComplaintCategory[] = [
  'product',
  'price',
  'delivery',
  'apathy',
  'brush_off',
  'coldness',
  'condescension',
  'robotism',
  'rule_book',
  'runaround',
  'other',
];

/** A page of the timeline. */
export const TIMELINE_PAGE = 50;
