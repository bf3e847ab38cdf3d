// Segmentation cases for Stroom's sentence splitter, as a table so the same cases run in Node
// (test/unit/summarize-segment.test.ts) and in Chromium (the team lead's e2e test): the two
// ship different ICU versions, and Intl.Segmenter's word mode differs between them.
export interface SegmentationCase {
  lang: 'en' | 'nl';
  /** What the case is about, for test names. */
  name: string;
  text: string;
  expectedSentences: string[];
}

export const SEGMENTATION_CASES: SegmentationCase[] = [
  {
    lang: 'nl',
    name: 'Dutch titles before a name',
    text: 'Dhr. Jansen en Prof. dr. ir. Bakker waren er ook. Daarna ging het mis.',
    expectedSentences: ['Dhr. Jansen en Prof. dr. ir. Bakker waren er ook.', 'Daarna ging het mis.'],
  },
  {
    lang: 'en',
    name: 'English titles, saints and months',
    text: 'Dr. Smith met St. John on Jan. 5 at 10 am. It went well.',
    expectedSentences: ['Dr. Smith met St. John on Jan. 5 at 10 am.', 'It went well.'],
  },
  {
    lang: 'en',
    name: 'versus',
    text: 'Ajax vs. PSV ended 2-2. Fans were happy.',
    expectedSentences: ['Ajax vs. PSV ended 2-2.', 'Fans were happy.'],
  },
  {
    lang: 'nl',
    name: 'ca., bijv. and Dutch thousands',
    text: 'Er kwamen ca. 100.000 mensen, bijv. uit Utrecht. Het was druk.',
    expectedSentences: ['Er kwamen ca. 100.000 mensen, bijv. uit Utrecht.', 'Het was druk.'],
  },
  {
    lang: 'nl',
    name: 'nr. before a number and o.a.',
    text: 'Zie nr. 5 in de lijst, o.a. de fietspaden. Meer volgt.',
    expectedSentences: ['Zie nr. 5 in de lijst, o.a. de fietspaden.', 'Meer volgt.'],
  },
  {
    lang: 'nl',
    name: 'Mevr. before a capitalised surname, ca. before a number',
    text: 'Mevr. De Vries (ca. 60) woont er al lang. Ze is blij.',
    expectedSentences: ['Mevr. De Vries (ca. 60) woont er al lang.', 'Ze is blij.'],
  },
  {
    lang: 'nl',
    name: 'd.w.z., t.o.v., euro amounts and decimal commas',
    text: 'Kosten: €1.480 per maand, d.w.z. 3,5% meer t.o.v. vorig jaar. Dat valt tegen.',
    expectedSentences: ['Kosten: €1.480 per maand, d.w.z. 3,5% meer t.o.v. vorig jaar.', 'Dat valt tegen.'],
  },
  {
    lang: 'en',
    name: 'U.S., e.g. and a decimal point',
    text: 'The U.S. team won, e.g. in the final. The 2.1% rise was small.',
    expectedSentences: ['The U.S. team won, e.g. in the final.', 'The 2.1% rise was small.'],
  },
  {
    lang: 'en',
    name: 'a URL with ? and &',
    text: 'Read it at https://example.com/a?b=1&c=2 now. Then reply.',
    expectedSentences: ['Read it at https://example.com/a?b=1&c=2 now.', 'Then reply.'],
  },
  {
    lang: 'nl',
    name: 'a URL with ? ending a sentence',
    text: 'Lees het op nos.nl/artikel?id=12. Echt doen!',
    expectedSentences: ['Lees het op nos.nl/artikel?id=12.', 'Echt doen!'],
  },
  {
    lang: 'en',
    name: 'heading and numbered list without full stops',
    text: 'Results of our audit\n1. Labels missing on most forms\n2. Errors shown only in red',
    expectedSentences: ['Results of our audit', 'Labels missing on most forms', 'Errors shown only in red'],
  },
  {
    lang: 'nl',
    name: 'bulleted list',
    text: 'Wat we deden:\n- nestkastjes ophangen\n- bermen later maaien',
    expectedSentences: ['Wat we deden:', 'nestkastjes ophangen', 'bermen later maaien'],
  },
  {
    lang: 'en',
    name: 'thread counters and the thread emoji are trimmed',
    text: 'Our bill was $41,200 in March. Here is what moved the needle 🧵 1/8\n\n2/8 First, the boring truth. We had a visibility problem.',
    expectedSentences: [
      'Our bill was $41,200 in March.',
      'Here is what moved the needle',
      'First, the boring truth.',
      'We had a visibility problem.',
    ],
  },
  {
    lang: 'nl',
    name: 'Dutch thread opener with counter in brackets',
    text: 'Draadje: ik heb een jaar lang huren bijgehouden (1/5)\n\n(2/5) Eerst de context. Het gaat om Utrecht.',
    expectedSentences: ['Draadje: ik heb een jaar lang huren bijgehouden', 'Eerst de context.', 'Het gaat om Utrecht.'],
  },
  {
    lang: 'en',
    name: 'handles, Mastodon handles and a hashtag starting a sentence',
    text: 'Thanks @anna_dev and @team@mastodon.social for the help. #a11y is not optional.',
    expectedSentences: ['Thanks @anna_dev and @team@mastodon.social for the help.', '#a11y is not optional.'],
  },
  {
    lang: 'en',
    name: 'trailing hashtags stay with the last sentence',
    text: 'We shipped it. Go try it. #release #oss',
    expectedSentences: ['We shipped it.', 'Go try it. #release #oss'],
  },
  {
    lang: 'nl',
    name: 'an emoji ends a sentence before a capital',
    text: 'Wat een rit van Femke 😮 Twintig jaar en al zo snel. #schaatsen',
    expectedSentences: ['Wat een rit van Femke 😮', 'Twintig jaar en al zo snel. #schaatsen'],
  },
  {
    lang: 'en',
    name: 'a soft-wrapped line continues in lower case',
    text: 'The council voted on the new\nbike lanes last night. It passed.',
    expectedSentences: ['The council voted on the new bike lanes last night.', 'It passed.'],
  },
  {
    lang: 'en',
    name: 'question and exclamation marks',
    text: 'Is it just me? Half the internet is down! Status pages too.',
    expectedSentences: ['Is it just me?', 'Half the internet is down!', 'Status pages too.'],
  },
];
