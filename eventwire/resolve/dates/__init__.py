"""Anchor temporal expressions to the publication date.

`resolve_date("Saturday", date(2018, 1, 12))` gives 2018-01-06: newswire dates are mostly
relative ("on Saturday", "last week", "mid-December") and only mean something against the day
the report was published. Parsing happens in two steps: our own small grammar classifies the
expression (weekday, month, "N days ago", "last week", range ...), then explicit rules anchor it.
dateparser is the fallback for explicit dates in formats the grammar does not know ("05.05.2016",
"a fortnight ago"). Measured on TimeBank+AQUAINT: 65 of ~2,000 expressions reach it, 6 get a
value (one of them right), and it costs ~17 ms a call, so it stays a fallback (results cached).

Decisions, so that every caller can rely on them:

* **Tense** of the clause: "past" picks the most recent occurrence, "future" the next one.
  "unknown" picks the nearer occurrence for months and days of the month (ties go to the past)
  and the past one for everything else. Measured on the TempEval-3 training timexes (gold
  spans, no tense): month names without a year are within six months of the publication in
  217 of 236 cases, 62 of them ahead; weekdays point back in 174 of 197 cases.
* **Weekdays**: a weekday that is the publication's own weekday is the publication day itself:
  wire style writes "said Friday", not "said today" (TempEval-3: 146 of 150 such mentions).
  Other weekdays are the latest one before the publication date (past, unknown) or the first
  one after it (future). "last Friday" is strictly before, "next Friday" strictly after, and
  "this Friday" the Friday of the publication's ISO week, whatever the tense.
* **Month and day without a year** ("November 22"): the latest such day on or before the
  publication date (past) or the earliest on or after it (future). Bare months ("December",
  "mid-December") work the same way by month. One exception for the past tense: when that
  occurrence is over nine months back and the next one more than a week ahead, the clause is a
  schedule told in the past ("declared a dividend payable Dec. 15", told in October) and the
  next one is taken (TempEval-3 training: eight such cases right, three wrong). "this March"
  is March of the publication year, "last March" the latest March strictly before the
  publication month, "next March" the earliest strictly after.
* **Week precision** carries `value` = the Monday of the ISO week (YYYY-MM-DD, so the field
  stays a plain ISO date) and `timex` = the TimeML week ("2018-W01"). A weekend carries the
  Saturday and "2018-W01-WE".
* **Seasons** get year precision: `value` the season's year, `timex` "2017-SU". A winter belongs
  to the year of its January (Dec 2017 - Feb 2018 is 2018-WI); northern hemisphere seasons.
* **Ranges** ("between 3 and 5 May", "May 3-5", "2015-2016") resolve to the *start* (value and
  precision); `timex` holds the ISO 8601 interval "2018-05-03/2018-05-05".
* **Modifiers** ("early", "mid-", "late", "the end of") are dropped: "mid-December" has month
  precision. TimeML keeps them in a `mod` attribute that `ResolvedDate` does not have. "the end
  of the year" (month, week) is this year's: news looks from the publication date there.
* **Vague references** ("recently", "now", "in the coming days") give `value` None with the
  TimeML `timex` PAST_REF / PRESENT_REF / FUTURE_REF; "now" with a publication date is that day.
* **No publication date**: absolute expressions still resolve; relative ones give value None,
  precision "unknown", anchored False, and where TimeML has an underspecified form it goes into
  `timex` ("XXXX-WXX-6" for Saturday, "XXXX-12" for December, "XXXX-WI").
* **Narrative anchors** ("two days later", "that day", "the following year", "the next
  morning") count from the date the story last named, at the unit's precision; `resolve_date`
  alone, without the story, gives precision "unknown" for them. "a year earlier" and "the
  year-ago quarter" in earnings news are the quarter last named, a year back ("1988-Q3").
* **Durations** ("three years", "the past two months", "a two-hour meeting") are no dates:
  `value` None, precision "unknown", `timex` the TimeML duration ("P3Y", "P2M", "PT2H", "PXY"
  for "years").
* **Quarters and halves**: "the third quarter" 2017-Q3, "the second half of 1989" 1989-H2 (year
  precision). "the quarter" and "the latest quarter" of business news are the latest that has
  ended; "the current quarter" the one under way. "the year", "fiscal 1989", "year-end": years.
* **Holidays**: fixed (Christmas) and movable (Thanksgiving, Easter, US Election Day) ones,
  anchored like a day of the month without a year.
* **Times of day** stay out of `value` but go into `timex` as TimeML writes them: "Friday
  morning" 2018-01-05TMO, "10 p.m. Tuesday" 2018-01-09T22:00 (TMO, TAF, TEV, TNI).
* **Times and time zones never shift a date**: clock times and zone names are dropped before
  parsing the date, and nothing is converted between zones.
* **Transcripts** spell years and days out: "nineteen ninety-six", "March eighth", "the
  nineties" read as 1996, March 8, the 1990s.

The package reads in the order of the steps: `patterns` (the words and regular expressions),
`parsing` (normalising, then the grammar into `expressions`), `anchoring` against the
publication date, `ranges`, the `dateparser_fallback`, and `narrative` for dates counted from
the story's own; `resolution` runs them.
"""

from eventwire.resolve.dates.resolution import CalendarPatterns, Tense, resolve_date, resolve_dates

__all__ = ["CalendarPatterns", "Tense", "resolve_date", "resolve_dates"]
