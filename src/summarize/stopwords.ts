// Stopword lists for English and Dutch, kept as one space-separated string each so the minified
// bundle stays small (the whole summariser must fit in 30 KB). Words are lower-case, without
// diacritics where the language usually writes them without. The lists are the usual function
// words plus social-media filler ("lol", "via", "rt") that would otherwise win keyword slots.
import type { Lang } from './types';

const EN =
  'a about above after again against all almost also although am an and another any anyone anything are ' +
  "aren't around as at be because been before being below between both but by can can't cannot could " +
  "couldn't did didn't do does doesn't doing don't done down during each either else enough etc even ever every " +
  'few for from further get gets getting got had has have having he her here hers herself him himself his ' +
  "how however i i'd i'll i'm i've if in into is isn't it it's its itself just least less let like ll " +
  'made make many may me might mine more most much must my myself neither no nor not now of off often on ' +
  'once one only onto or other others our ours ourselves out over own per perhaps quite rather re really ' +
  "s same say says she should shouldn't since so some still such than that that's the their theirs them " +
  "themselves then there there's these they they're this those though through thus to too toward under " +
  "until up upon us ve very via was wasn't we we're were weren't what what's when where whether which while " +
  "who whom whose why will with within without won't would wouldn't yes yet you you're your yours yourself " +
  'yourselves lol rt amp im ive dont didnt doesnt cant wont isnt thats theres whats youre';

const NL =
  'aan al alle alles als altijd andere ben bij bijv daar daarom dan dat de der deze die dit doch doen door ' +
  'dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in ' +
  'is ja je jij jou jouw jullie kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu ' +
  'of om omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat ' +
  'we wel werd wezen wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou zoals zelfs ' +
  'heel echt even steeds alleen waar waarom welke wanneer hoeveel ofwel namelijk daarna eigenlijk gewoon ' +
  'nou hè oa dwz tov ca nr mijnheer dhr mevr jullie hen hun dan erg vaak soms net weer wordt werden geworden ' +
  'deed doet gaat ging gaan komt kwam komen moeten mogen mag zullen zouden kunt konden willen wilde ' +
  'tussen vanaf sinds tijdens onder boven achter naast binnen buiten rond volgens via per zo’n zo\'n ' +
  'vandaag gisteren morgen vanavond vannacht vanmiddag vanochtend overdag inmiddels echter eindelijk ' +
  'uur keer iets wat dingen ding oké nee hoor toch gewoon';

const LISTS: Record<'en' | 'nl', ReadonlySet<string>> = {
  en: new Set(EN.split(' ')),
  nl: new Set(NL.split(' ')),
};

export const STOPWORDS_EN = LISTS.en;
export const STOPWORDS_NL = LISTS.nl;

/** True for function words of `lang`; for 'other' a word counts when either list has it. */
export function isStopword(word: string, lang: Lang): boolean {
  return isStopwordLower(word.toLowerCase(), lang);
}

/** isStopword for a word already in lower case (the hot path). */
export function isStopwordLower(lower: string, lang: Lang): boolean {
  if (lang === 'en' || lang === 'nl') return LISTS[lang].has(lower);
  return LISTS.en.has(lower) || LISTS.nl.has(lower);
}
