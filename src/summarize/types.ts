/** Languages the summariser knows; 'other' means "neither English nor Dutch, or too little text". */
export type Lang = 'en' | 'nl' | 'other';

export interface Keyword {
  /** Stemmed form, used to group "costs"/"cost" or "fietspaden"/"fietspad". */
  stem: string;
  /** The most frequent spelling seen in the text, shown to people. */
  surface: string;
  weight: number;
}

export interface SummarizeOptions {
  maxSentences?: number;
  maxWords?: number;
  /** Skip detection when the caller already knows the language. */
  lang?: 'en' | 'nl';
}

export interface Summary {
  lang: Lang;
  /** Verbatim sentences of the input, in their original order. */
  sentences: string[];
  /** Readable keywords, most important first. */
  keywords: string[];
}
