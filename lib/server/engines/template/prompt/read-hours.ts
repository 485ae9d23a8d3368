/**
 * Opening hours a prompt states ("open Thu-Sun 12-9", "Mo–Fr 8–19 Uhr, Sa 9–14 Uhr", "de lunes a
 * viernes de 9 a 18", "closed Mondays"), kept as the user wrote them, one row per run of days. Weekday
 * names come from Intl in every page language; the words around them from data/fact-words.json.
 * A day name counts only next to a time (or "closed"), so "Sun Valley" or German "so" stay words.
 */

import words from "../data/fact-words.json";
import { calendarNames } from "./read-details";
import { WORD_END as E, WORD_START as B, alternation as alt } from "../word-pattern";

export interface HoursRow {
  /** "Thu–Sun", "" for a time that holds every day ("24/7"). */
  days: string;
  /** "12–9", "closed". */
  time: string;
  /** The row as the user wrote it, in their order ("closed Mondays", "9–5 weekdays"). */
  text: string;
}

const WEEK = Array.from({ length: 7 }, (_, d) => Date.UTC(2024, 0, 1 + d));
// "segunda-feira" is written "segunda"; "Mondays", "sábados", "sonntags" are plurals.
const WEEKDAYS = calendarNames("weekday", WEEK, () => ["long", "short"]).flatMap(([name, style]) =>
  style === "long" ? [name, name.split("-")[0] ?? name, `${name}s`] : [name, name.split("-")[0] ?? name],
);

const H = words.hours;
const DAY = `(?:${alt([...WEEKDAYS, ...Object.values(H.days).flat()])})\\.?`;
const DAYS = `${DAY}(?:\\s*(?:${alt(H.dayJoiners)})\\s*${DAY})*`;
// After a time, a comma ends the days: "9-5 weekdays, Sat 9-12" is two rows.
const DAYS_AFTER = `${DAY}(?:\\s*(?:${alt(H.dayJoiners.filter((j) => j !== ","))})\\s*${DAY})*`;
const UNIT = `(?:\\s?(?:${alt(H.timeUnits)}))`;
const CLOCK = `(?:\\d{1,2}(?:[:.h]\\d{2})?${UNIT}?|${alt(H.timeWords)})`;
const RANGE = `(?:(?:${alt(H.timeLeads)})\\s+)?${CLOCK}\\s*(?:${alt(H.timeJoiners)})\\s*${CLOCK}`;
// A lone clock time needs a lead or a unit: "from 7am", "ab 7 Uhr" (a bare "9" is no time).
const SINGLE = `(?:(?:${alt(H.timeLeads)})\\s+${CLOCK}|\\d{1,2}(?:[:.h]\\d{2})?${UNIT})`;
const TIMES = `(?:(?:${RANGE}|${SINGLE})(?:\\s*(?:,|&|and|y|et|und|e)\\s*${RANGE})*|(?:${alt(H.closed)}))`;
const DAY_LEAD = `(?:(?:${alt(H.dayLeads)})\\s+)?`;
// "2-4-1 pizzas" is no time: a range never runs on into another number.
const SEGMENT = `(?:${DAY_LEAD}${DAYS}[\\s,:]*${TIMES}|${TIMES}\\s*${DAY_LEAD}${DAYS_AFTER}|24/7)(?!\\s*[-–]\\s*\\d)`;
const LEADS = alt(Object.values(H.leads).flat());
const LEAD = `(?:(${LEADS})\\s*:?\\s*)?`;
const RUN = new RegExp(`${B}${LEAD}(${SEGMENT}${E}(?:\\s*(?:[,;/&+]|and|y|et|und|e)\\s*${SEGMENT}${E})*)`, "giu");
// "open 8am-6pm", "Öffnungszeiten: 8–18 Uhr": a time after an opening word holds every day, and so
// does a range whose two ends are clock times ("8h-20h", "10:00–18:00") wherever it stands.
const CLOCK_TIME = `(?:\\d{1,2}(?:[:.h]\\d{2})?${UNIT}|\\d{1,2}[:.h]\\d{2})`;
const CLOCK_RANGE = `${CLOCK_TIME}\\s*(?:${alt(H.timeJoiners)})\\s*${CLOCK_TIME}`;
// "24 hours" holds every day only after an opening word ("ready in 24 hours" is no opening time).
const LEAD_ONLY = new RegExp(`${B}(?:(?:${LEADS})\\s*:?\\s*(${TIMES}|${alt(H.always)})|(${CLOCK_RANGE}))${E}`, "giu");
const SEGMENTS = new RegExp(`${B}${SEGMENT}${E}`, "giu");
const DAYS_IN = new RegExp(`${B}${DAY_LEAD}${DAYS}${E}`, "iu");

const CLOCKS = new RegExp(`${B}\\d{1,2}(?:[:.h]\\d{2})?${UNIT}?${E}`, "giu");

/** The text without its clock times: "9am" holds a German "am", "20h" no word at all. */
export const withoutClockTimes = (text: string) => text.replace(CLOCKS, " ");

/** "12-9" reads "12–9": an en dash between numbers, the user's words otherwise. */
const dashed = (text: string) => text.replace(/\s*[-—]\s*(?=\d)/g, "–").replace(/\s+/g, " ").trim();

function rowOf(segment: string): HoursRow {
  const text = dashed(segment.replace(/[\s.,:]+$/, ""));
  const days = DAYS_IN.exec(segment);
  if (!days) return { days: "", time: text, text };
  const time = (segment.slice(0, days.index) + segment.slice(days.index + days[0].length)).replace(/^[\s.,:]+|[\s.,:]+$/g, "");
  return { days: dashed(days[0].replace(/\.$/, "")), time: dashed(time), text };
}

const HAS_CLOCK = new RegExp(`\\d(?:[:.h]\\d{2}|${UNIT}${E})|${B}(?:${alt([...H.closed, ...H.timeWords])})${E}|24/7`, "iu");

/**
 * A segment with bare numbers ("9-5") is hours only after an opening word, or after a day written
 * as a day: "Mon–Fri 9-5", "de lunes a viernes de 9 a 18", not "al mar 2 a 4 personas" (a
 * lower-case abbreviation), "do 1 to 1" or "aged 4 to 10 on Saturdays" (the numbers first).
 */
function isHours(segment: string, led: boolean): boolean {
  if (led || HAS_CLOCK.test(segment)) return true;
  if (/^\s*\d/.test(segment)) return false;
  const day = (DAYS_IN.exec(segment)?.[0] ?? "").replace(new RegExp(`^${DAY_LEAD}`, "iu"), "");
  const first = /^\p{L}+/u.exec(day)?.[0] ?? "";
  return /^\p{Lu}/u.test(first) || first.length >= 5;
}

/** The hours the prompt states, and where they stand in it (with their lead, "open" or "Öffnungszeiten:"). */
export function readHours(text: string): { rows: HoursRow[]; spans: Array<[number, number]> } {
  const found: Array<{ at: number; end: number; rows: HoursRow[] }> = [];
  for (const run of text.matchAll(RUN)) {
    const at = run.index ?? 0;
    const segments = [...(run[2] ?? "").matchAll(SEGMENTS)].map((segment) => segment[0]);
    if (segments.every((segment) => isHours(segment, Boolean(run[1])))) found.push({ at, end: at + run[0].length, rows: segments.map(rowOf) });
  }
  for (const lead of text.matchAll(LEAD_ONLY)) {
    const at = lead.index ?? 0;
    const end = at + lead[0].length;
    if (!found.some((f) => f.at < end && at < f.end)) found.push({ at, end, rows: [rowOf(lead[1] ?? lead[2] ?? "")] });
  }
  found.sort((a, b) => a.at - b.at);
  return { rows: found.flatMap((f) => f.rows).slice(0, 7), spans: found.map((f) => [f.at, f.end]) };
}
