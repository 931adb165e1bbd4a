/**
 * Weights of the incident pair score (cluster.ts), as data. The score is a logistic of the sum
 * of the terms that apply; each term that applies is reported as a reason. Tuned on the GVA
 * dev split (bench/eval/cluster.ts); every term is a general property of reports of one event.
 */
export interface ClusterWeights {
  prior: number;
  sameType: number; typeClash: number;
  sameDay: number; dateOverlap: number; dateOverlapUndated: number; dayApart: number; perDayApart: number; dateFar: number;
  /** beyond a week: this much per doubling of the gap, down to `dateFloor` */
  dateLog: number; dateFloor: number;
  placeSame: number; placeNear: number; placeMid: number; placeFar: number;
  /** one mention is not geocoded, but the other's place is named in its report */
  placeNamed: number;
  nameShared: number; nameClash: number;
  countEqual: number; countDiffer: number; fatalClash: number;
  /** text: weight × (IDF cosine − pivot) */
  text: number; textPivot: number;
  /** content words from which the text term counts fully (shorter texts: proportionally less) */
  textFullAt: number;
  /** added to every word's IDF, so that a small collection still compares words */
  idfFloor: number;
}

export const CLUSTER_WEIGHTS: ClusterWeights = {
  prior: -2,
  sameType: 0.2, typeClash: -1.5,
  sameDay: 1.0, dateOverlap: 0.4, dateOverlapUndated: 0.2, dayApart: 0.2, perDayApart: -0.3, dateFar: -1.5, dateLog: -0.3, dateFloor: -6,
  placeSame: 0.8, placeNear: 0.5, placeMid: -0.5, placeFar: -2, placeNamed: 0.5,
  nameShared: 2, nameClash: -1,
  countEqual: 0.5, countDiffer: -0.5, fatalClash: -1,
  text: 16, textPivot: 0.12, textFullAt: 100, idfFloor: 1,
};

/** Words left out of text similarity: function words and the vocabulary of every report of violence. */
export const STOPWORDS = new Set(`a an the and or but if of to in on at by for with from as is are was were be been being
has have had do does did it its this that these those he she they them his her their him we our you your i me my
who whom which what when where why how not no so than then there here up down out over after before about into
said says say told according also would could will can may might should just more most other some any all one two
per new news police shot shooting shootings killed injured wounded man woman year old years people after
am pm mr ms mrs monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/));
