/**
 * Runtime schemas for the records that cross contexts: feed items sent by the content script,
 * and stored items read back or restored. Types in src/sites/types.ts and src/core/items.ts are
 * the compile-time view of the same shapes; test/unit/schemas.test.ts keeps them in step.
 */
import { SITE_IDS } from '../sites/types';
import type { FeedItem, ThreadPart } from '../sites/types';
import type { StoredItem } from './items';
import { ITEM_STATUSES, MAX_THREAD_PARTS } from './items';
import { array, boolean, httpUrl, literal, nullable, number, object, optional, string } from './validate';
import type { Schema } from './validate';

const shortText = () => string({ max: 1_000 });
/** A gist is one line (src/summarize/builtin.ts keeps it to 200 characters). */
export const GIST_MAX = 300;
/** Long posts and articles are capped well above any real feed item. */
const bodyText = () => string({ max: 200_000 });
const isoTimestamp = () => string({ max: 40 });

export const siteIdSchema = literal(...SITE_IDS);

const personSchema = object({ name: nullable(shortText()), handle: nullable(shortText()) });

const quotedSchema = object({
  id: nullable(shortText()),
  permalink: nullable(httpUrl()),
  authorName: nullable(shortText()),
  authorHandle: nullable(shortText()),
  title: nullable(string({ max: 5_000 })),
  text: bodyText(),
  timestamp: nullable(isoTimestamp()),
  unavailable: boolean(),
});

const feedItemFields = {
  site: siteIdSchema,
  permalink: nullable(httpUrl()),
  authorName: nullable(shortText()),
  authorHandle: nullable(shortText()),
  title: nullable(string({ max: 5_000 })),
  text: bodyText(),
  textTruncated: boolean(),
  timestamp: nullable(isoTimestamp()),
  timestampText: nullable(shortText()),
  linkUrl: nullable(httpUrl()),
  linkTitle: nullable(string({ max: 5_000 })),
  hasMedia: boolean(),
  isRepost: boolean(),
  repostedBy: nullable(personSchema),
  repostId: nullable(shortText()),
  isAd: boolean(),
  quoted: nullable(quotedSchema),
  unavailable: boolean(),
};

/** One post of an author's self-thread (src/sites/types.ts ThreadPart). */
export const threadPartSchema: Schema<ThreadPart> = object({
  id: nullable(shortText()),
  permalink: nullable(httpUrl()),
  text: bodyText(),
  timestamp: nullable(isoTimestamp()),
  hasMedia: boolean(),
  linkUrl: nullable(httpUrl()),
});

export const feedItemSchema: Schema<FeedItem> = object({ ...feedItemFields, id: nullable(string({ min: 1, max: 1_000 })) });

/** A feed item that can be saved: it has an id. */
export const savableItemSchema = object({ ...feedItemFields, id: string({ min: 1, max: 1_000 }) });

export const storedItemSchema: Schema<StoredItem> = object({
  ...feedItemFields,
  id: string({ min: 1, max: 1_000 }),
  key: string({ min: 3, max: 1_100 }),
  savedAt: number({ integer: true, min: 0 }),
  status: literal(...ITEM_STATUSES),
  summary: optional(array(string({ max: 5_000 }), { max: 20 })),
  keywords: optional(array(shortText(), { max: 20 })),
  lang: optional(literal('en', 'nl', 'other')),
  gist: optional(string({ min: 1, max: GIST_MAX })),
  parts: optional(array(threadPartSchema, { max: MAX_THREAD_PARTS })),
});
