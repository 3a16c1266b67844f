"""The TIMEX3 normaliser on its own: expression + reference date + tense -> value (no spaCy).

Values follow the TIMEX3 guidelines: 2015, 2014-06, 2022-08-18, 2022-W33, 2021-Q3, 2019-SP,
199X, 2022-08-18T14:30, 2022-08-16TNI, PRESENT_REF. Relative expressions resolve against the
reference date; without one their value is None. All examples are written for this table.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from factx.extractors.dates import find_publication_date
from factx.extractors.timex import easter, holiday_date, normalise, tag, value_end, value_start

THU = date(2022, 8, 18)      # a Thursday in ISO week 33
TUE = date(2023, 3, 7)       # a Tuesday
MON = date(2019, 11, 4)      # a Monday
WED = date(2021, 6, 9)       # a Wednesday

D, T = "DATE", "TIME"

# (expression, reference date, tense, expected value, expected type)
ABSOLUTE = [
    ("3 March 2021", None, "past", "2021-03-03", D),
    ("March 3, 2021", None, "past", "2021-03-03", D),
    ("3rd March 2021", None, "past", "2021-03-03", D),
    ("the 3rd of March, 2021", None, "past", "2021-03-03", D),
    ("March 3rd, 2021", None, "past", "2021-03-03", D),
    ("Mar. 3, 2021", None, "past", "2021-03-03", D),
    ("Sept. 14, 2012", None, "past", "2012-09-14", D),
    ("Sep 14, 2012", None, "past", "2012-09-14", D),
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
    ("Labor Day 2019", None, "past", "2019-09-02", D),
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
    ("Oct 9, 2018 10:45 pm", None, "past", "2018-10-09T22:45", T),
    ("November 21, 2017 7:14 PM", None, "past", "2017-11-21T19:14", T),
    ("Apr 28, 2015 8:30 am", None, "past", "2015-04-28T08:30", T),
    ("Monday, 6 Mar 2023 18:05", None, "past", "2023-03-06T18:05", T),   # a stamp: the time after the date
    ("14/02/2022 07:45", None, "past", "2022-02-14T07:45", T),
    ("12:01 BST, 3 May 2021", None, "past", "2021-05-03T12:01", T),
    ("3 May 2021 at 2pm", None, "past", "2021-05-03T14:00", T),
    ("10:52 p.m. on May 19, 2018", None, "past", "2018-05-19T22:52", T),
    ("noon on 4 July 2019", None, "past", "2019-07-04T12:00", T),
    ("midnight on 31 December 2019", None, "past", "2020-01-01T00:00", T),
    ("the night of October 2, 2017", None, "past", "2017-10-02TNI", T),
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
    ("Sunday evening", WED, "past", "2021-06-06TEV", T),
    ("Tuesday night", TUE, "past", "2023-02-28TNI", T),
    ("Tuesday", TUE, "present", "2023-03-07", D),
    ("last Monday afternoon", MON, "past", "2019-10-28TAF", T),
    ("Monday", MON, "future", "2019-11-11", D),
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
    ("last week", date(2019, 3, 15), "past", "2019-W10", D),
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
    ("18 months ago", WED, "past", "2019-12", D),
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
    ("Labor Day", date(2018, 9, 12), "past", "2018-09-03", D),
    ("Labor Day weekend", date(2018, 9, 12), "past", "2018-W35-WE", D),
    ("Memorial Day weekend", date(2017, 6, 4), "past", "2017-W21-WE", D),
    ("Thanksgiving", MON, "past", "2018-11-22", D),
    ("Easter Monday", THU, "past", "2022-04-18", D),
    ("Boxing Day", THU, "future", "2022-12-26", D),
    ("Bonfire Night", THU, "future", "2022-11-05", D),
    ("the weekend", THU, "past", "2022-W32-WE", D),
    ("the weekend", THU, "future", "2022-W33-WE", D),
    ("this weekend", THU, "future", "2022-W33-WE", D),
    ("last weekend", THU, "past", "2022-W32-WE", D),
    ("the weekend", MON, "past", "2019-W44-WE", D),
    ("this summer", THU, "past", "2022-SU", D),
    ("last summer", THU, "past", "2021-SU", D),
    ("next summer", THU, "future", "2023-SU", D),
    ("last winter", THU, "past", "2021-WI", D),
    ("this spring", THU, "past", "2022-SP", D),
    ("last spring", THU, "past", "2022-SP", D),
    ("last summer", date(2016, 2, 9), "past", "2015-SU", D),
    ("fall", date(2019, 9, 10), "future", "2019-FA", D),
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
    ("7:15 p.m. on Wednesday", date(2017, 5, 12), "past", "2017-05-10T19:15", T),
    ("4.20pm on Saturday afternoon", WED, "past", "2021-06-05T16:20", T),
    ("4.20pm on Saturday", WED, "past", "2021-06-05T16:20", T),
    ("2pm on Tuesday", THU, "past", "2022-08-16T14:00", T),
    ("noon on Monday", THU, "past", "2022-08-15T12:00", T),
    ("Yesterday morning around 6 a.m.", date(2018, 2, 14), "past", "2018-02-13T06:00", T),
    ("5am on Tuesday morning", date(2019, 6, 20), "past", "2019-06-18T05:00", T),
    ("10pm on Tuesday", date(2019, 6, 20), "past", "2019-06-18T22:00", T),
    ("9:45 p.m. Saturday", date(2015, 10, 20), "past", "2015-10-17T21:45", T),
    ("Monday at 3pm", THU, "past", "2022-08-15T15:00", T),
    ("Friday at 10am", THU, "future", "2022-08-19T10:00", T),
    ("10 a.m.", THU, "past", "2022-08-18T10:00", T),
    ("just before 6pm", THU, "past", "2022-08-18T18:00", T),
    ("shortly after 3pm", THU, "past", "2022-08-18T15:00", T),
    ("12 noon", THU, "past", None, None),
    ("12pm", THU, "past", "2022-08-18T12:00", T),
    ("12am", THU, "past", "2022-08-18T00:00", T),
    ("3:30 in the morning", THU, "past", "2022-08-18T03:30", T),
    ("10:15 at night", THU, "past", "2022-08-18T22:15", T),
    ("7:45 in the evening", THU, "past", "2022-08-18T19:45", T),
    ("1:15 this morning", THU, "past", "2022-08-18T01:15", T),
    ("yesterday at 6.45am", THU, "past", "2022-08-17T06:45", T),
    ("April 3 around 6.40pm", date(2019, 5, 21), "past", "2019-04-03T18:40", T),
    ("the night of April 3", date(2019, 5, 21), "past", "2019-04-03TNI", T),
    ("10:52 p.m. on April 3", date(2019, 5, 21), "past", "2019-04-03T22:52", T),
]

NO_REFERENCE = [
    ("yesterday", None, "past", None, D),
    ("Thursday", None, "past", None, D),
    ("last December", None, "past", None, D),
    ("this summer", None, "past", None, D),
    ("two years ago", None, "past", None, D),
    ("7:15 p.m. on Wednesday", None, "past", None, T),
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
    ("17/10/2019", None, "past", "2019-10-17", D),
    ("10/17/2019", None, "past", "2019-10-17", D),
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
    ("overnight Friday", THU, "past", "2022-08-12TNI", T),
    ("Saturday overnight", THU, "past", "2022-08-13TNI", T),
    ("dawn", THU, "past", None, None),                 # optional in TimeML: not reported
    ("the past decade", THU, "past", None, None),      # a duration (P1DE), not a date
]

# a plan seen from the past ("were expected to arrive on Thursday"): the nearest occurrence
NEAREST = [
    ("Thursday", date(2023, 10, 3), "nearest", "2023-10-05", D),
    ("Monday", date(2023, 10, 4), "nearest", "2023-10-02", D),
    ("October", date(2023, 8, 14), "nearest", "2023-10", D),
    ("February", date(2023, 8, 14), "nearest", "2023-02", D),
    ("Easter", date(2023, 2, 20), "nearest", "2023-04-09", D),
    ("Christmas", date(2023, 2, 20), "nearest", "2022-12-25", D),
    ("this summer", date(2023, 2, 20), "nearest", "2023-SU", D),
]

TABLE = ABSOLUTE + NEAREST + WEEKDAYS + RELATIVE_DAYS + RELATIVE_UNITS + MONTHS_SEASONS_HOLIDAYS + SPECIAL + TIMES + NO_REFERENCE + TIMEML


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
    ("7.25pm", date(2018, 3, 19), "2018-03-19T19:25"),
    ("midnight", date(2018, 3, 19), "2018-03-20T00:00"),
    ("6:50 a.m. the next morning", date(2018, 3, 19), "2018-03-20T06:50"),
    ("4 a.m. the following morning", date(2018, 3, 19), "2018-03-20T04:00"),
    ("the next day", date(2016, 10, 7), "2016-10-08"),
    ("the following day", date(2017, 12, 31), "2018-01-01"),
    ("the previous evening", date(2017, 1, 1), "2016-12-31TEV"),
    ("the night before", date(2017, 1, 1), "2016-12-31TNI"),
    ("the day before", date(2020, 3, 1), "2020-02-29"),
    ("a week later", date(2021, 12, 28), "2022-01-04"),
    ("two days later", date(2021, 12, 30), "2022-01-01"),
    ("three years later", date(2009, 6, 2), "2012"),
    ("a month earlier", date(2009, 1, 15), "2008-12"),
    ("the following week", date(2021, 3, 3), "2021-W10"),     # a week stays a week
    ("the previous week", date(2021, 1, 6), "2020-W53"),
    ("the following month", date(2021, 12, 3), "2022-01"),
]


@pytest.mark.parametrize("expression,anchor,value", ANCHORED)
def test_anchored(expression, anchor, value):
    assert normalise(expression, THU, anchor=anchor)[0] == value


def test_clock_time_later_than_publication_is_the_day_before():
    # published 8:30 am: an event "at 3:55 p.m." in past tense happened the day before
    assert normalise("3:55 p.m.", date(2017, 8, 9), ref_time=time(8, 30)) == ("2017-08-08T15:55", T)
    assert normalise("7:40 a.m.", date(2017, 8, 9), ref_time=time(8, 30)) == ("2017-08-09T07:40", T)
    # a publication late in the evening: tonight's events may already be reported
    assert normalise("Thursday night", THU, ref_time=time(23, 30)) == ("2022-08-18TNI", T)


def test_locale_decides_ambiguous_numeric_dates():
    assert normalise("03/04/2021", None) == ("2021-03-04", D)
    assert normalise("03/04/2021", None, day_first=True) == ("2021-04-03", D)
    assert normalise("13/04/2021", None) == ("2021-04-13", D)  # unambiguous either way
    assert normalise("03.04.2021", None) == ("2021-04-03", D)  # dotted: European, day first
    assert normalise("03/03/2021", None, day_first=True) == ("2021-03-03", D)


NEGATIVES = [
    "four years", "for 18 months", "22", "the 26-year-old", "aged 22", "Covid-19", "Windows 10",
    "M25", "A33", "£2,015", "$2015", "2015 people", "every week", "24/7", "9/11", "may", "march",
    "sunday", "a weekend", "20,000 years ago", "the past year", "three hours", "5-3", "Route 66",
    "2019-20", "1,500 years ago", "room 1204", "the 1-0 win", "nearly two decades", "weekly",
    "3.5 per cent", "1.30", "page 12",
    "3-1", "a 3-2 vote", "version 2.1.3", "iOS 14.2", "a 24-hour", "the 1,000-year-old", "May Street",
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
    "She was locked up for four years and barred for 18 months.",
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
    ("Headline here\n\nPublished: 11 February 2019\n\nBody text follows.", date(2019, 2, 11)),
    ("Headline\n\nUpdated: 12:01 BST, 3 May 2021\n\nBody.", date(2021, 5, 3)),
    ("Headline\n\nApr 28, 2015 8:30 am\n\n(Photo credit)\n\nBody.", date(2015, 4, 28)),
    ("Headline\n\nNovember 21, 2017 7:14 PM\n\nBody.", date(2017, 11, 21)),
    ("Headline\n\nOct 9, 2018 10:45 pm\n\nBody.", date(2018, 10, 9)),
    ("Headline\n\nSunday, 12 Nov 2017 09:14\n\nBody.", date(2017, 11, 12)),
    ("Headline\n\nPublished: 21/06/2016 13:37\n\nBody.", date(2016, 6, 21)),
    ("Headline\nBy A Writer\n Published:  18:22, 15 June 2016   |  Updated:  19:05, 15 June 2016\n", date(2016, 6, 15)),
    ("LONDON, 3 May 2021 - Police said that a man seen near the scene has been arrested today.", date(2021, 5, 3)),
    ("Posted on August 8, 2013\n\nBody.", date(2013, 8, 8)),
    ("Headline\nEastbrook Courier | July 9, 2022 at 6:40 p.m.\nBody.", date(2022, 7, 9)),
    ("Headline\nBy Tom Hale · 2 April 2020, 08:15\nBody.", date(2020, 4, 2)),
    ("Headline\nValley Echo - Published 17 October 2019\nBody.", date(2019, 10, 17)),
    ("Headline\nLast updated: 17:45, 3 Dec 2021\nBody.", date(2021, 12, 3)),
    ("Headline\nThu 11 Apr 2024 07.50 AEST\nBody.", date(2024, 4, 11)),
    ("Headline\n2022-11-05T06:07:08Z\nBody.", date(2022, 11, 5)),
    ("Headline\n05.11.2022\nBody.", date(2022, 11, 5)),
    ("Headline\n\nWorkers - who arrived on 2 April 2020 - checked the bridge.", None),
    ("Headline\n\nPolice said the attack on 3 May 2021 had been planned for weeks by the gang.", None),
    ("Headline\n\nPublished: yesterday\n\nBody.", None),
    ("Headline\n\nNo date at all in this article.", None),
    ("\n".join(["line"] * 12) + "\nPublished: 11 February 2019\n", None),  # too far down
    ("", None),
]


@pytest.mark.parametrize("text,expected", PUBLICATION)
def test_find_publication_date(text, expected):
    assert find_publication_date(text) == expected


@pytest.mark.parametrize("value,start,end", [
    ("2019-09", date(2019, 9, 1), date(2019, 9, 30)),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
    ("2019-SU", date(2019, 6, 1), date(2019, 8, 31)),
    ("2019-WI", date(2019, 12, 1), date(2020, 2, 29)),
    ("2020-W53", date(2020, 12, 28), date(2021, 1, 3)),
    ("2019-Q4", date(2019, 10, 1), date(2019, 12, 31)),
    ("2019-H1", date(2019, 1, 1), date(2019, 6, 30)),
    ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ("2019-09-03TNI", date(2019, 9, 3), date(2019, 9, 3)),
    ("PRESENT_REF", None, None),
    (None, None, None),
])
def test_value_span(value, start, end):
    assert (value_start(value), value_end(value)) == (start, end)
