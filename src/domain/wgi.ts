/** One WGI estimate row as stored in table `wgi`. */
export interface WgiEstimate {
  iso3: string;
  year: number;
  indicator: string;
  estimate: number;
}
