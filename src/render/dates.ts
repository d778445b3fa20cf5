/** Dates and durations as a reader writes them, for the date kinds' reasons and notices. */
import type { Duration, Lang } from "../policy/schema.ts";

/** "2027-12-31" → "2027年12月31日" / "31 Dec 2027". */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (lang === "zh") return `${y}年${m}月${d}日`;
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
  return `${d} ${month} ${y}`;
}

/** "3年" / "3 years", "1年6个月" / "1 year 6 months". */
export function formatDuration(duration: Duration, lang: Lang): string {
  const years = duration.years ?? 0;
  const months = duration.months ?? 0;
  if (lang === "zh") return `${years ? `${years}年` : ""}${months ? `${months}个月` : ""}`;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? "" : "s"}` : "");
  return [part(years, "year"), part(months, "month")].filter(Boolean).join(" ");
}
