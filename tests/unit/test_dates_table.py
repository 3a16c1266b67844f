"""The TIMEX3 normaliser on its own: expression + reference date + tense -> value (no spaCy).

Values follow the TIMEX3 guidelines: 2015, 2014-06, 2022-08-18, 2022-W33, 2021-Q3, 2019-SP,
199X, 2022-08-18T14:30, 2022-08-16TNI, PRESENT_REF. Relative expressions resolve against the
reference date; without one their value is None. All examples are written for this table.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from factx.extractors.dates import find_publication_date
from factx.extractors.timex import easter, holiday_date, normalise, tag

THU = date(2022, 8, 18)      # a Thursday in ISO week 33
TUE = date(2020, 9, 1)       # a Tuesday
MON = date(2016, 12, 5)      # a Monday
WED = date(2020, 9, 16)      # a Wednesday

D, T = "DATE", "TIME"

# (expression, reference date, tense, expected value, expected type)
ABSOLUTE = [
    ("3 March 2021", None, "past", "2021-03-03", D),
    ("March 3, 2021", None, "past", "2021-03-03", D),
    ("3rd March 2021", None, "past", "2021-03-03", D),
    ("the 3rd of March, 2021", None, "past", "2021-03-03", D),
    ("March 3rd, 2021", None, "past", "2021-03-03", D),
    ("Mar. 3, 2021", None, "past", "2021-03-03", D),
    ("Sept. 6, 2011", None, "past", "2011-09-06", D),
    ("Sep 6, 2011", None, "past", "2011-09-06", D),
    ("June 2014", None, "past", "2014-06", D),
    ("June, 2014", None, "past", "2014-06", D),
    ("September of 2009", None, "past", "2009-09", D),
    ("2015", None, "past", "2015", D),
    ("the 1990s", None, "past", "199X", D),
    ("1990s", None, "past", "199X", D),
    ("the '90s", None, "past", "199X", D),
    ("the 2010s", None, "past", "201X", D),
    ("the 1800s", None, "past", "18", D),
    ("spring 2019", None, "past", "2019-SP", D),
    ("summer of 2019", None, "past", "2019-SU", D),
    ("autumn 2020", None, "past", "2020-FA", D),
    ("winter 2018", None, "past", "2018-WI", D),
    ("Q3 2021", None, "past", "2021-Q3", D),
    ("the first quarter of 2020", None, "past", "2020-Q1", D),
    ("2022-08-18", None, "past", "2022-08-18", D),
    ("25/12/2020", None, "past", "2020-12-25", D),
    ("12/25/2020", None, "past", "2020-12-25", D),
    ("Monday, March 2, 2020", None, "past", "2020-03-02", D),
    ("Tuesday, May 27, 2014", None, "past", "2014-05-27", D),
    ("Wednesday 4 March 2020", None, "past", "2020-03-04", D),
    ("Christmas Day 2019", None, "past", "2019-12-25", D),
    ("Easter 2019", None, "past", "2019-04-21", D),
    ("Good Friday 2021", None, "past", "2021-04-02", D),
    ("Thanksgiving 2020", None, "past", "2020-11-26", D),
    ("Labor Day 2020", None, "past", "2020-09-07", D),
    ("Memorial Day 2021", None, "past", "2021-05-31", D),
    ("early 2019", None, "past", "2019", D),
    ("mid-2019", None, "past", "2019", D),
    ("late 2019", None, "past", "2019", D),
    ("the end of 2019", None, "past", "2019", D),
    ("early August", THU, "past", "2022-08", D),
    ("the end of June", THU, "past", "2022-06", D),
    ("the middle of June", THU, "past", "2022-06", D),
    ("14:30 GMT", THU, "past", "2022-08-18T14:30", T),
    ("14:30 BST", THU, "past", "2022-08-18T14:30", T),
    ("Feb 17, 2013 11:50 pm", None, "past", "2013-02-17T23:50", T),
    ("September 6, 2011 6:31 PM", None, "past", "2011-09-06T18:31", T),
    ("Jul 3, 2014 9:00 am", None, "past", "2014-07-03T09:00", T),
    ("12:01 BST, 3 May 2021", None, "past", "2021-05-03T12:01", T),
    ("3 May 2021 at 2pm", None, "past", "2021-05-03T14:00", T),
    ("9:26 p.m. on July 12, 2020", None, "past", "2020-07-12T21:26", T),
    ("noon on 4 July 2019", None, "past", "2019-07-04T12:00", T),
    ("midnight on 31 December 2019", None, "past", "2020-01-01T00:00", T),
    ("the night of July 12, 2020", None, "past", "2020-07-12TNI", T),
    ("the morning of 5 March 2018", None, "past", "2018-03-05TMO", T),
]

WEEKDAYS = [
    ("Thursday", THU, "past", "2022-08-18", D),
    ("Thursday", THU, "future", "2022-08-25", D),
    ("Wednesday", THU, "past", "2022-08-17", D),
    ("Wednesday", THU, "future", "2022-08-24", D),
    ("Friday", THU, "past", "2022-08-12", D),
    ("Friday", THU, "future", "2022-08-19", D),
    ("Friday", THU, "present", "2022-08-12", D),
    ("Monday", THU, "past", "2022-08-15", D),
    ("Sunday", THU, "past", "2022-08-14", D),
    ("last Thursday", THU, "past", "2022-08-11", D),
    ("last Monday", THU, "past", "2022-08-15", D),
    ("next Monday", THU, "past", "2022-08-22", D),
    ("next Thursday", THU, "future", "2022-08-25", D),
    ("this Friday", THU, "future", "2022-08-19", D),
    ("this coming Friday", THU, "future", None, None),  # not a fixed pattern: rejected whole
    ("Tuesday night", THU, "past", "2022-08-16TNI", T),
    ("Thursday night", THU, "past", "2022-08-11TNI", T),   # tonight has not happened yet
    ("Thursday morning", THU, "past", "2022-08-18TMO", T),
    ("Monday afternoon", THU, "past", "2022-08-15TAF", T),
    ("Sunday evening", THU, "past", "2022-08-14TEV", T),
    ("Sunday evening", WED, "past", "2020-09-13TEV", T),
    ("Tuesday night", TUE, "past", "2020-08-25TNI", T),
    ("Tuesday", TUE, "present", "2020-09-01", D),
    ("last Monday afternoon", MON, "past", "2016-11-28TAF", T),
    ("Monday", MON, "future", "2016-12-12", D),
]

RELATIVE_DAYS = [
    ("yesterday", THU, "past", "2022-08-17", D),
    ("Yesterday", THU, "past", "2022-08-17", D),
    ("today", THU, "past", "2022-08-18", D),
    ("tomorrow", THU, "future", "2022-08-19", D),
    ("tonight", THU, "future", "2022-08-18TNI", T),
    ("last night", THU, "past", "2022-08-17TNI", T),
    ("this morning", THU, "past", "2022-08-18TMO", T),
    ("earlier this morning", THU, "past", "2022-08-18TMO", T),
    ("this afternoon", THU, "past", "2022-08-18TAF", T),
    ("yesterday morning", THU, "past", "2022-08-17TMO", T),
    ("yesterday afternoon", THU, "past", "2022-08-17TAF", T),
    ("tomorrow evening", THU, "future", "2022-08-19TEV", T),
    ("the day before yesterday", THU, "past", "2022-08-16", D),
    ("the day after tomorrow", THU, "future", "2022-08-20", D),
    ("earlier today", THU, "past", "2022-08-18", D),
    ("later today", THU, "future", "2022-08-18", D),
]

RELATIVE_UNITS = [
    ("last week", THU, "past", "2022-W32", D),
    ("this week", THU, "past", "2022-W33", D),
    ("next week", THU, "future", "2022-W34", D),
    ("earlier this week", THU, "past", "2022-W33", D),
    ("last week", date(2020, 9, 11), "past", "2020-W36", D),
    ("last month", THU, "past", "2022-07", D),
    ("this month", THU, "past", "2022-08", D),
    ("next month", THU, "future", "2022-09", D),
    ("earlier this month", THU, "past", "2022-08", D),
    ("later this month", THU, "future", "2022-08", D),
    ("last month", date(2022, 1, 10), "past", "2021-12", D),
    ("last year", THU, "past", "2021", D),
    ("this year", THU, "past", "2022", D),
    ("next year", THU, "future", "2023", D),
    ("earlier this year", THU, "past", "2022", D),
    ("Earlier this year", THU, "past", "2022", D),
    ("later this year", THU, "future", "2022", D),
    ("last decade", THU, "past", "201X", D),
    ("last quarter", THU, "past", "2022-Q2", D),
    ("this quarter", THU, "past", "2022-Q3", D),
    ("next quarter", date(2022, 11, 2), "future", "2023-Q1", D),
    ("two years ago", THU, "past", "2020", D),
    ("18 months ago", THU, "past", "2021-02", D),
    ("18 months ago", WED, "past", "2019-03", D),
    ("three weeks ago", THU, "past", "2022-W30", D),
    ("five days ago", THU, "past", "2022-08-13", D),
    ("a year ago", THU, "past", "2021", D),
    ("a couple of months ago", THU, "past", "2022-06", D),
    ("two decades ago", THU, "past", "200X", D),
    ("10 years ago", THU, "past", "2012", D),
    ("twenty years ago", THU, "past", "2002", D),
]

MONTHS_SEASONS_HOLIDAYS = [
    ("last December", THU, "past", "2021-12", D),
    ("last August", THU, "past", "2021-08", D),
    ("next March", THU, "future", "2023-03", D),
    ("this June", THU, "past", "2022-06", D),
    ("March", THU, "past", "2022-03", D),
    ("December", THU, "past", "2021-12", D),
    ("December", THU, "future", "2022-12", D),
    ("September 7", THU, "past", "2021-09-07", D),
    ("September 7", THU, "future", "2022-09-07", D),
    ("September 7", THU, "present", "2022-09-07", D),
    ("August 1", THU, "past", "2022-08-01", D),
    ("July 4", THU, "past", "2022-07-04", D),
    ("Fourth of July", THU, "past", "2022-07-04", D),
    ("4 July", THU, "past", "2022-07-04", D),
    ("Christmas", THU, "past", "2021-12-25", D),
    ("Christmas", THU, "future", "2022-12-25", D),
    ("last Christmas", THU, "past", "2021-12-25", D),
    ("Christmas Eve", THU, "past", "2021-12-24", D),
    ("New Year's Day", THU, "past", "2022-01-01", D),
    ("New Year's Eve", THU, "future", "2022-12-31", D),
    ("Halloween", THU, "future", "2022-10-31", D),
    ("Valentine's Day", THU, "past", "2022-02-14", D),
    ("Labor Day", date(2020, 9, 13), "past", "2020-09-07", D),
    ("Labor Day Weekend", date(2020, 9, 13), "past", "2020-W36-WE", D),
    ("Memorial Day weekend", date(2014, 6, 1), "past", "2014-W21-WE", D),
    ("Thanksgiving", MON, "past", "2016-11-24", D),
    ("Easter Monday", THU, "past", "2022-04-18", D),
    ("Boxing Day", THU, "future", "2022-12-26", D),
    ("Bonfire Night", THU, "future", "2022-11-05", D),
    ("the weekend", THU, "past", "2022-W32-WE", D),
    ("the weekend", THU, "future", "2022-W33-WE", D),
    ("this weekend", THU, "future", "2022-W33-WE", D),
    ("last weekend", THU, "past", "2022-W32-WE", D),
    ("the weekend", MON, "past", "2016-W48-WE", D),
    ("this summer", THU, "past", "2022-SU", D),
    ("last summer", THU, "past", "2021-SU", D),
    ("next summer", THU, "future", "2023-SU", D),
    ("last winter", THU, "past", "2021-WI", D),
    ("this spring", THU, "past", "2022-SP", D),
    ("last spring", THU, "past", "2022-SP", D),
    ("last summer", date(2013, 2, 17), "past", "2012-SU", D),
    ("fall", date(2020, 9, 13), "future", "2020-FA", D),
    ("the summer", THU, "past", "2022-SU", D),
    ("this winter", date(2021, 1, 10), "past", "2020-WI", D),
]

SPECIAL = [
    ("now", THU, "present", "PRESENT_REF", D),
    ("now", None, "present", "PRESENT_REF", D),
    ("currently", THU, "present", "PRESENT_REF", D),
    ("right now", THU, "present", "PRESENT_REF", D),
    ("To this day", THU, "present", "PRESENT_REF", D),
    ("at present", THU, "present", "PRESENT_REF", D),
    ("in recent years", THU, "past", "PAST_REF", D),
    ("in recent months", THU, "past", "PAST_REF", D),
    ("in the future", THU, "future", "FUTURE_REF", D),
    ("in the coming days", THU, "future", "FUTURE_REF", D),
    ("recently", THU, "past", "PAST_REF", D),
]

TIMES = [
    ("8:30 p.m. on Thursday", date(2016, 1, 22), "past", "2016-01-21T20:30", T),
    ("3.30pm on Sunday afternoon", WED, "past", "2020-09-13T15:30", T),
    ("3.30pm on Sunday", WED, "past", "2020-09-13T15:30", T),
    ("2pm on Tuesday", THU, "past", "2022-08-16T14:00", T),
    ("noon on Monday", THU, "past", "2022-08-15T12:00", T),
    ("Yesterday morning around 5 a.m.", date(2011, 5, 30), "past", "2011-05-29T05:00", T),
    ("4am on Wednesday morning", date(2020, 9, 24), "past", "2020-09-23T04:00", T),
    ("9pm on Wednesday", date(2020, 9, 24), "past", "2020-09-23T21:00", T),
    ("8:30 p.m. Friday", date(2014, 6, 15), "past", "2014-06-13T20:30", T),
    ("Monday at 3pm", THU, "past", "2022-08-15T15:00", T),
    ("Friday at 10am", THU, "future", "2022-08-19T10:00", T),
    ("11 a.m.", THU, "past", "2022-08-18T11:00", T),
    ("just before 5pm", THU, "past", "2022-08-18T17:00", T),
    ("shortly after 3pm", THU, "past", "2022-08-18T15:00", T),
    ("12 noon", THU, "past", None, None),
    ("12pm", THU, "past", "2022-08-18T12:00", T),
    ("12am", THU, "past", "2022-08-18T00:00", T),
    ("3:30 in the morning", THU, "past", "2022-08-18T03:30", T),
    ("10:15 at night", THU, "past", "2022-08-18T22:15", T),
    ("7:45 in the evening", THU, "past", "2022-08-18T19:45", T),
    ("1:15 this morning", THU, "past", "2022-08-18T01:15", T),
    ("yesterday at 6.45am", THU, "past", "2022-08-17T06:45", T),
    ("July 12 around 5.30pm", date(2020, 9, 15), "past", "2020-07-12T17:30", T),
    ("the night of July 12", date(2020, 9, 15), "past", "2020-07-12TNI", T),
    ("9:26 p.m. on July 12", date(2020, 9, 15), "past", "2020-07-12T21:26", T),
]

NO_REFERENCE = [
    ("yesterday", None, "past", None, D),
    ("Thursday", None, "past", None, D),
    ("last December", None, "past", None, D),
    ("this summer", None, "past", None, D),
    ("two years ago", None, "past", None, D),
    ("8:30 p.m. on Thursday", None, "past", None, T),
    ("Tuesday night", None, "past", None, T),
    ("June 2014", None, "past", "2014-06", D),
    ("the 1990s", None, "past", "199X", D),
    ("Q3 2021", None, "past", "2021-Q3", D),
]

# TimeML / TempEval-3 conventions beyond the crime-news basics (round 2)
TIMEML = [
    ("the 90s", None, "past", "199X", D),
    ("the late 80s", None, "past", "198X", D),
    ("the early 2000s", None, "past", "200X", D),
    ("the 21st century", None, "past", "20", D),
    ("the 19th century", None, "past", "18", D),
    ("the twentieth century", None, "past", "19", D),
    ("this century", THU, "past", "20", D),
    ("mid-2019", None, "past", "2019", D),
    ("late last year", THU, "past", "2021", D),
    ("early next week", THU, "future", "2022-W34", D),
    ("early last month", THU, "past", "2022-07", D),
    ("mid-next year", THU, "future", "2023", D),
    ("the end of the month", THU, "past", "2022-08", D),
    ("the end of next month", THU, "future", "2022-09", D),
    ("the start of the year", THU, "past", "2022", D),
    ("the beginning of last year", THU, "past", "2021", D),
    ("the middle of the week", THU, "past", "2022-W33", D),
    ("over the weekend", THU, "past", None, None),       # "the weekend" is the expression
    ("a week ago", THU, "past", "2022-W32", D),
    ("two weeks from now", THU, "future", "2022-W35", D),
    ("overnight", THU, "past", "2022-08-17TNI", T),
    ("overnight", THU, "future", "2022-08-18TNI", T),
    ("Aug 3rd", THU, "past", "2022-08-03", D),
    ("3rd of August", THU, "past", "2022-08-03", D),
    ("Aug. 3", THU, "past", "2022-08-03", D),
    ("14/09/2020", None, "past", "2020-09-14", D),
    ("09/14/2020", None, "past", "2020-09-14", D),
    ("FY2021", None, "past", "FY2021", D),
    ("FY21", None, "past", "FY2021", D),
    ("fiscal 2021", None, "past", "FY2021", D),
    ("fiscal year 2021", None, "past", "FY2021", D),
    ("the 2021 fiscal year", None, "past", "FY2021", D),
    ("Q3", THU, "past", "2022-Q3", D),
    ("Q4", THU, "past", "2021-Q4", D),
    ("Q4", THU, "future", "2022-Q4", D),
    ("Q1", THU, "future", "2023-Q1", D),
    ("Q2 of 2021", None, "past", "2021-Q2", D),
    ("the third quarter", THU, "past", "2022-Q3", D),
    ("the fourth quarter", THU, "future", "2022-Q4", D),
    ("third-quarter", THU, "past", "2022-Q3", D),
    ("H1 2021", None, "past", "2021-H1", D),
    ("the first half of 2021", None, "past", "2021-H1", D),
    ("the second half of the year", THU, "past", "2022-H2", D),
    ("the first half of next year", THU, "future", "2023-H1", D),
    ("the spring", THU, "past", "2022-SP", D),
    ("Easter", THU, "past", "2022-04-17", D),
    ("Easter", THU, "future", "2023-04-09", D),
    ("Good Friday", date(2024, 5, 1), "past", "2024-03-29", D),
    ("Thanksgiving", THU, "future", "2022-11-24", D),
    ("Memorial Day", THU, "past", "2022-05-30", D),
    ("Christmas Eve", THU, "future", "2022-12-24", D),
    ("New Year's Day", THU, "future", "2023-01-01", D),
    ("next Tuesday", THU, "past", "2022-08-23", D),
    ("Tuesday", THU, "future", "2022-08-23", D),
    ("3 p.m. ET", THU, "past", "2022-08-18T15:00", T),
    ("10am local time", THU, "past", "2022-08-18T10:00", T),
    ("noon", THU, "past", "2022-08-18T12:00", T),
    ("3 p.m. ET on Monday", THU, "future", "2022-08-22T15:00", T),
    ("the third quarter of the game", THU, "past", None, None),
    ("dawn", THU, "past", None, None),                 # optional in TimeML: not reported
    ("the past decade", THU, "past", None, None),      # a duration (P1DE), not a date
]

TABLE = ABSOLUTE + WEEKDAYS + RELATIVE_DAYS + RELATIVE_UNITS + MONTHS_SEASONS_HOLIDAYS + SPECIAL + TIMES + NO_REFERENCE + TIMEML


def test_table_is_big_enough():
    assert len(TABLE) >= 150


@pytest.mark.parametrize("expression,ref,tense,value,typ", TABLE, ids=[f"{r[0]}@{r[1]}:{r[2]}" for r in TABLE])
def test_normalise(expression, ref, tense, value, typ):
    got = normalise(expression, ref, tense=tense)
    if typ is None:
        assert got is None
    else:
        assert got == (value, typ)


# anchored expressions and bare clock times hang on another date than the reference date
ANCHORED = [
    ("8.10pm", date(2020, 9, 7), "2020-09-07T20:10"),
    ("midnight", date(2020, 7, 12), "2020-07-13T00:00"),
    ("8:05 a.m. the next morning", date(2020, 7, 12), "2020-07-13T08:05"),
    ("5 a.m. the following morning", date(2020, 7, 12), "2020-07-13T05:00"),
    ("the next day", date(2014, 6, 13), "2014-06-14"),
    ("the following day", date(2020, 8, 25), "2020-08-26"),
    ("the previous evening", date(2019, 1, 5), "2019-01-04TEV"),
    ("the night before", date(2019, 1, 5), "2019-01-04TNI"),
    ("the day before", date(2019, 1, 5), "2019-01-04"),
    ("a week later", date(2020, 3, 23), "2020-03-30"),
    ("two days later", date(2020, 3, 23), "2020-03-25"),
    ("three years later", date(2010, 3, 23), "2013"),
    ("a month earlier", date(2010, 3, 23), "2010-02"),
]


@pytest.mark.parametrize("expression,anchor,value", ANCHORED)
def test_anchored(expression, anchor, value):
    assert normalise(expression, THU, anchor=anchor)[0] == value


def test_clock_time_later_than_publication_is_the_day_before():
    # published 9:00 am: an event "at 4:42 p.m." in past tense happened the day before
    assert normalise("4:42 p.m.", date(2014, 7, 3), ref_time=time(9, 0)) == ("2014-07-02T16:42", T)
    assert normalise("8:10 a.m.", date(2014, 7, 3), ref_time=time(9, 0)) == ("2014-07-03T08:10", T)
    # a publication late in the evening: tonight's events may already be reported
    assert normalise("Thursday night", THU, ref_time=time(23, 30)) == ("2022-08-18TNI", T)


def test_locale_decides_ambiguous_numeric_dates():
    assert normalise("03/04/2021", None) == ("2021-03-04", D)
    assert normalise("03/04/2021", None, day_first=True) == ("2021-04-03", D)
    assert normalise("13/04/2021", None) == ("2021-04-13", D)  # unambiguous either way
    assert normalise("03/03/2021", None, day_first=True) == ("2021-03-03", D)


NEGATIVES = [
    "four years", "for 18 months", "22", "the 26-year-old", "aged 22", "Covid-19", "Windows 10",
    "M25", "A33", "£2,015", "$2015", "2015 people", "every week", "24/7", "9/11", "may", "march",
    "sunday", "a weekend", "20,000 years ago", "the past year", "three hours", "5-3", "Route 66",
    "2019-20", "1,500 years ago", "room 1204", "the 1-0 win", "nearly two decades", "weekly",
    "3.5 per cent", "1.30", "page 12",
    "3-1", "a 3-2 vote", "version 2.1.3", "iOS 14.2", "a 24-hour", "the 1,000-year-old", "May Road",
    "she may go", "a march", "an august body", "every Monday", "Mondays", "the 2019-20 season",
    "q3", "the 2nd", "in two weeks",
]


@pytest.mark.parametrize("expression", NEGATIVES)
def test_not_a_date(expression):
    assert normalise(expression, THU) is None


@pytest.mark.parametrize("sentence", [
    "Gabriel Kovari, 22, was stabbed.",
    "The 26-year-old was arrested.",
    "She had Covid-19 and used Windows 10 on the M25.",
    "He was jailed for four years and banned for 18 months.",
    "A crowd of 2,015 people gathered.",
    "The score was 2-1 after 90 minutes.",
    "He knows nothing about it.",
])
def test_tagger_finds_nothing(sentence):
    assert tag(sentence) == []


def test_range_gives_two_dates():
    text = "He worked there between June 2014 and September 2015."
    found = [(text[m.start:m.end]) for m in tag(text)]
    assert found == ["June 2014", "September 2015"]


def test_range_shares_its_year():
    text = "It was open between June and October 2018."
    mentions = tag(text)
    assert [normalise(text[m.start:m.end], THU) for m in mentions][1] == ("2018-10", D)
    assert mentions[0].expr.year == 2018


def test_month_day_with_last_year():
    text = "He died on April 24 last year."
    (m,) = tag(text)
    assert text[m.start:m.end] == "April 24 last year"
    assert normalise("April 24 last year", THU) == ("2021-04-24", D)
    assert normalise("September last year", THU) == ("2021-09", D)


def test_holiday_with_year_after_in():
    assert normalise("Christmas Day in 2019", THU) == ("2019-12-25", D)


def test_easter_and_holiday_rules():
    assert easter(2024) == date(2024, 3, 31)
    assert easter(2000) == date(2000, 4, 23)
    assert holiday_date("thanksgiving", 2021) == date(2021, 11, 25)
    assert holiday_date("memorial day", 2020) == date(2020, 5, 25)
    assert holiday_date("labor day", 2021) == date(2021, 9, 6)
    assert holiday_date("no such day", 2021) is None


PUBLICATION = [
    ("Headline here\n\nPublished: 30 September 2020\n\nBody text follows.", date(2020, 9, 30)),
    ("Headline\n\nUpdated: 12:01 BST, 3 May 2021\n\nBody.", date(2021, 5, 3)),
    ("Headline\n\nJul 3, 2014 9:00 am\n\n(Photo credit)\n\nBody.", date(2014, 7, 3)),
    ("Headline\n\nSeptember 6, 2011 6:31 PM\n\nBody.", date(2011, 9, 6)),
    ("Headline\n\nFeb 17, 2013 11:50 pm\n\nBody.", date(2013, 2, 17)),
    ("Headline\nBy A Writer\n Published:  19:57, 7 November 2012   |  Updated:  20:30, 7 November 2012\n", date(2012, 11, 7)),
    ("LONDON, 3 May 2021 - Police said that a man seen near the scene has been arrested today.", date(2021, 5, 3)),
    ("Posted on March 26, 2011\n\nBody.", date(2011, 3, 26)),
    ("Headline\n\nPolice said the attack on 3 May 2021 had been planned for weeks by the gang.", None),
    ("Headline\n\nPublished: yesterday\n\nBody.", None),
    ("Headline\n\nNo date at all in this article.", None),
    ("\n".join(["line"] * 12) + "\nPublished: 30 September 2020\n", None),  # too far down
    ("", None),
]


@pytest.mark.parametrize("text,expected", PUBLICATION)
def test_find_publication_date(text, expected):
    assert find_publication_date(text) == expected
