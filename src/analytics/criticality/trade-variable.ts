/**
 * The trade variable t for a supplier when the method is applied to another bloc: 0.8 for the bloc's
 * own members and its agreement partners; otherwise the study's t with the EU-membership discount
 * removed (the study's t > 1 records the supplier's export restrictions, which hold for any buyer).
 *
 * @example blocTradeVariable("CHN", 1.2, new Set(["JPN"]), new Set(["AUS"])) // 1.2
 * @example blocTradeVariable("DEU", 0.8, new Set(["JPN"]), new Set()) // 1
 */
export function blocTradeVariable(iso3: string, studyT: number, members: ReadonlySet<string>, partners: ReadonlySet<string>): number {
  if (members.has(iso3) || partners.has(iso3)) return 0.8;
  return studyT < 1 ? 1 : studyT;
}
