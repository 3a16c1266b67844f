"""Dates in context: spans, offsets, tense from the parse, anchors, filters (shared pipeline)."""

from __future__ import annotations

import pytest


def _dates(facts):
    return [(d.text, d.value, d.type) for d in facts.dates]


def _offsets_ok(facts, text):
    return all(text[d.start:d.end] == d.text for d in facts.dates)


@pytest.mark.parametrize("text,ref,expected", [
    ("Gabriel Kovari, 22, was stabbed on Tuesday.", "2022-08-18",
     [("Tuesday", "2022-08-16", "DATE")]),
    ("The 26-year-old was arrested after the attack.", "2022-08-18", []),
    ("She had Covid-19 and was driving on the M25 near junction 10.", "2022-08-18", []),
    ("She was given a four-year term and a driving ban of 18 months.", "2022-08-18", []),
    ("He will appear in court on Monday.", "2022-08-18", [("Monday", "2022-08-22", "DATE")]),
    ("He appeared in court on Monday.", "2022-08-18", [("Monday", "2022-08-15", "DATE")]),
    ("The company was fined in 2015 and again in 2018.", "2022-08-18",
     [("2015", "2015", "DATE"), ("2018", "2018", "DATE")]),
    ("He worked there between June 2014 and September 2015.", None,
     [("June 2014", "2014-06", "DATE"), ("September 2015", "2015-09", "DATE")]),
    ("The victim was attacked last December, police said.", None,
     [("last December", None, "DATE")]),
    ("Firefighters were called at 7:15 p.m. on Wednesday.", "2017-05-12",
     [("7:15 p.m. on Wednesday", "2017-05-10T19:15", "TIME")]),
])
def test_dates_in_context(extract_text, text, ref, expected):
    facts = extract_text(text, reference_date=ref)
    assert _dates(facts) == expected
    assert _offsets_ok(facts, text)


def test_publication_line_sets_reference_and_is_a_fact(extract_text):
    text = ("Allotment sheds vandalised\n\nPublished: 9 June 2021\n\n"
            "Three sheds were wrecked on Saturday evening at the allotments. Police said the "
            "gang returned on Saturday. A plot holder said she saw them at 4.20pm on Saturday "
            "afternoon.\n")
    facts = extract_text(text)
    assert facts.reference_date == "2021-06-09"
    assert facts.reference_date_source == "article"
    got = _dates(facts)
    assert got[0] == ("9 June 2021", "2021-06-09", "DATE")
    assert ("Saturday evening", "2021-06-05TEV", "TIME") in got
    assert ("4.20pm on Saturday afternoon", "2021-06-05T16:20", "TIME") in got
    assert [g for g in got if g[0] == "Saturday"] == [("Saturday", "2021-06-05", "DATE")]  # once
    assert _offsets_ok(facts, text)


def test_bare_clock_time_takes_the_preceding_day(extract_text):
    text = "The barn fire started at 10pm on Tuesday. Crews arrived at 10.25pm."
    facts = extract_text(text, reference_date="2019-06-20")
    assert ("10.25pm", "2019-06-18T22:25", "TIME") in _dates(facts)


def test_next_morning_is_anchored_to_the_stated_day(extract_text):
    text = ("The climber left the hut on April 3 around 6.40pm. A shepherd saw his lamp at "
            "6:50 a.m. the next morning on the ridge.")
    facts = extract_text(text, reference_date="2019-05-21")
    got = _dates(facts)
    assert ("April 3 around 6.40pm", "2019-04-03T18:40", "TIME") in got
    assert ("6:50 a.m. the next morning", "2019-04-04T06:50", "TIME") in got


def test_no_reference_date_means_null_relative_values(extract_text):
    text = "The attack happened on Thursday, two years ago, in June 2014."
    facts = extract_text(text)
    assert facts.reference_date is None
    values = {d.text: d.value for d in facts.dates}
    assert values["Thursday"] is None
    assert values["two years ago"] is None
    assert values["June 2014"] == "2014-06"


def test_year_anchor_from_nearby_full_date(extract_text):
    text = ("The warehouse burned down on March 9, 2016. A guard told the hearing he had "
            "locked the gates on March 8.")
    facts = extract_text(text, reference_date="2017-11-02")
    assert ("March 8", "2016-03-08", "DATE") in _dates(facts)


def test_names_and_counts_are_not_dates(extract_text):
    text = "April Moss met Sunday Times reporters. A crowd of 2015 people lived at 1908 Larch Avenue."
    facts = extract_text(text, reference_date="2022-08-18")
    assert _dates(facts) == []


# ---------------------------------------------------------------- round 2: anchors and tense

def test_bare_time_takes_the_event_day_not_a_future_court_date(extract_text):
    text = ("Published: 14 March 2024\n\n"
            "Two men were hurt in a fight outside a bar early on Saturday.\n\n"
            "A woman, 40, appeared at the magistrates court on Monday. She will appear at the "
            "crown court on 2 April.\n\n"
            "Officers said they were called at 1.40am.\n")
    got = _dates(extract_text(text))
    assert ("1.40am", "2024-03-09T01:40", "TIME") in got
    assert ("2 April", "2024-04-02", "DATE") in got


def test_bare_time_skips_the_day_the_story_was_told(extract_text):
    text = ("Published: 22 October 2020\n\n"
            "The gallery was set on fire on June 3, 2019, the inquiry heard.\n\n"
            "On Wednesday, the owner told the inquiry she still had nightmares.\n\n"
            "During the fire, a beam collapsed at 9.15pm.\n")
    assert ("9.15pm", "2019-06-03T21:15", "TIME") in _dates(extract_text(text))


def test_bare_time_prefers_its_own_sentence_and_paragraph(extract_text):
    text = ("Published: 14 March 2024\n\n"
            "The shop was raided on Tuesday. The owner returned on Wednesday and called police "
            "at 9am.\n")
    assert ("9am", "2024-03-13T09:00", "TIME") in _dates(extract_text(text))


def test_early_morning_after_a_late_night_is_the_next_day(extract_text):
    text = "Officers were called at 11.45pm on Friday. Three men were arrested at 1am."
    got = _dates(extract_text(text, reference_date="2022-08-18"))
    assert ("1am", "2022-08-13T01:00", "TIME") in got


@pytest.mark.parametrize("sentence,expected", [
    ("The judge adjourned sentencing until 6 November.", ("6 November", "2023-11-06", "DATE")),
    ("She was bailed to appear at court on 12 November.", ("12 November", "2023-11-12", "DATE")),
    ("The vote, set for Nov. 3, would go ahead.", ("Nov. 3", "2023-11-03", "DATE")),
    ("The hearing is due on 20 October.", ("20 October", "2023-10-20", "DATE")),
    ("He was arrested on 6 September.", ("6 September", "2023-09-06", "DATE")),
    ("He was held until 6 September.", ("6 September", "2023-09-06", "DATE")),
    ("He has until Friday to respond.", ("Friday", "2023-10-06", "DATE")),
    ("He was remanded in custody until Monday.", ("Monday", "2023-10-09", "DATE")),
    ("The trial starts on Monday.", ("Monday", "2023-10-09", "DATE")),
])
def test_yearless_dates_follow_tense_and_cues(extract_text, sentence, expected):
    # reference Monday 2 October 2023
    assert expected in _dates(extract_text(sentence, reference_date="2023-10-02"))


def test_range_year_does_not_capture_a_later_court_date(extract_text):
    text = ("She admitted fraud between April 2016 and March 2022. The judge adjourned "
            "sentencing until 6 November.")
    got = _dates(extract_text(text, reference_date="2023-10-02"))
    assert ("6 November", "2023-11-06", "DATE") in got


@pytest.mark.parametrize("sentence,expected", [
    ("Crime rose in the 90s.", [("the 90s", "199X", "DATE")]),
    ("It is the worst attack of the 21st century.", [("the 21st century", "20", "DATE")]),
    ("The firm collapsed late last year.", [("late last year", "2021", "DATE")]),
    ("Talks will resume early next week.", [("early next week", "2022-W34", "DATE")]),
    ("The report is due at the end of the month.", [("the end of the month", "2022-08", "DATE")]),
    ("Police made several arrests over the weekend.", [("the weekend", "2022-W32-WE", "DATE")]),
    ("Two people were shot overnight.", [("overnight", "2022-08-17TNI", "TIME")]),
    ("Monday's vote was postponed.", [("Monday", "2022-08-15", "DATE")]),
    ("Revenue fell in FY2021 and rose in Q3.", [("FY2021", "FY2021", "DATE"), ("Q3", "2022-Q3", "DATE")]),
    ("The company reported third-quarter profit.", [("third-quarter", "2022-Q3", "DATE")]),
    ("The church was attacked at Easter.", [("Easter", "2022-04-17", "DATE")]),
    ("The May election was a disaster.", [("May", "2022-05", "DATE")]),
    ("The hearing begins at 3 p.m. ET on Monday.", [("3 p.m. ET on Monday", "2022-08-22T15:00", "TIME")]),
    ("The blast happened at 10am local time.", [("10am local time", "2022-08-18T10:00", "TIME")]),
])
def test_news_expressions_in_context(extract_text, sentence, expected):
    facts = extract_text(sentence, reference_date="2022-08-18")
    assert _dates(facts) == expected
    assert _offsets_ok(facts, sentence)


@pytest.mark.parametrize("sentence", [
    "The hotline runs 24/7.",
    "He lost his brother on 9/11.",          # the attacks, an event name: not reported
    "The bill passed in a 3-2 vote.",
    "Install version 2.1.3 of the app.",
    "She may go to the police.",
    "Theresa May said the attack was appalling.",
    "Thousands joined a march through the city.",
    "They will march on the town hall.",
    "The court is an august body.",
    "The playwright August Wilson was honoured.",
    "He told the Sunday Times he was innocent.",
    "It was a 24-hour operation.",
    "They found the 1,000-year-old skeleton.",
    "He visits his mother every Monday.",
    "She booked an overnight stay.",
    "The Good Friday Agreement changed everything.",
    "Muslims gathered for Friday prayers.",
    "He drove to the car wash on May Street.",
    "The third quarter of the game was tense.",
    "Prices have doubled over the past decade.",
])
def test_news_negatives(extract_text, sentence):
    assert _dates(extract_text(sentence, reference_date="2022-08-18")) == []


def test_type_follows_the_value(extract_text):
    text = "The attack happened on Tuesday night and the arrest on Wednesday at 10am."
    for _, value, typ in _dates(extract_text(text, reference_date="2022-08-18")):
        assert typ == ("TIME" if "T" in value else "DATE")


# ---------------------------------------------------------------- round 3: plans, event days, stamps

@pytest.mark.parametrize("sentence,ref,expected", [
    # a plan in the present points ahead
    ("The landlord is due before magistrates on Friday.", "2023-10-04", ("Friday", "2023-10-06", "DATE")),
    ("A retrial is scheduled for March.", "2023-11-20", ("March", "2024-03", "DATE")),
    ("The council plans to reopen the pool in June.", "2023-02-10", ("June", "2023-06", "DATE")),
    # a plan seen from the past: the occurrence nearest the reference date
    ("Repair crews were expected to reach the valley on Thursday.", "2023-10-03",
     ("Thursday", "2023-10-05", "DATE")),
    ("She was due to give evidence on Monday but fell ill.", "2023-10-04", ("Monday", "2023-10-02", "DATE")),
    ("The coach hoped to rejoin the squad after Easter.", "2023-02-20", ("Easter", "2023-04-09", "DATE")),
    ("She had been due to begin a nursing course in October.", "2023-08-14", ("October", "2023-10", "DATE")),
    ("The inquest was set for May.", "2023-02-10", ("May", "2023-05", "DATE")),
    ("Engineers said the road would reopen on Friday.", "2023-10-04", ("Friday", "2023-10-06", "DATE")),
    # no plan: a gerund of motion, a plain past
    ("He was hurt after going to check on a noise on August 16.", "2023-09-25",
     ("August 16", "2023-08-16", "DATE")),
    ("The car was set alight on Friday.", "2023-10-04", ("Friday", "2023-09-29", "DATE")),
])
def test_plans_and_expectations_point_ahead(extract_text, sentence, ref, expected):
    assert expected in _dates(extract_text(sentence, reference_date=ref))


def test_bare_time_goes_back_to_the_event_night_past_a_later_update(extract_text):
    text = ("Published: 8 November 2023\n\n"
            "A delivery driver was robbed at knifepoint on Sunday night in Eastfield.\n\n"
            "The driver remained in hospital on Tuesday, his employer said.\n\n"
            "Detectives said the robbery happened at about 10.15pm.\n")
    assert ("10.15pm", "2023-11-05T22:15", "TIME") in _dates(extract_text(text))


def test_bare_time_of_another_part_of_day_takes_the_nearest_day(extract_text):
    text = ("Published: 8 November 2023\n\n"
            "A shed was set alight on Friday night. Its owner found the ashes on Saturday.\n\n"
            "He called the fire service at 7.30am.\n")
    assert ("7.30am", "2023-11-04T07:30", "TIME") in _dates(extract_text(text))


def test_bare_time_after_a_flashback_date_takes_the_flashback(extract_text):
    text = ("Published: 8 November 2023\n\n"
            "Two brothers were arrested on Monday night.\n\n"
            "The feud began on Saturday, 14 October.\n\n"
            "A window was smashed at 9pm.\n")
    assert ("9pm", "2023-10-14T21:00", "TIME") in _dates(extract_text(text))


@pytest.mark.parametrize("line,value", [
    ("Monday, 6 Mar 2023 18:05", "2023-03-06T18:05"),
    ("14/02/2022 07:45", "2022-02-14T07:45"),
    ("Published: 03/11/2021 21:10", "2021-11-03T21:10"),   # day-first by the spelling cues below
])
def test_publication_line_with_the_time_after_the_date(extract_text, line, value):
    text = f"Library flooded\n\n{line}\n\nThe colour of the river worried the neighbours.\n"
    facts = extract_text(text)
    stamp = line.split(": ")[-1]
    assert facts.dates[0].text == stamp
    assert (facts.dates[0].value, facts.dates[0].type) == (value, "TIME")
    assert facts.reference_date == value[:10]


@pytest.mark.parametrize("line,stamp,value", [
    ("Eastbrook Courier | July 9, 2022 at 6:40 p.m.", "July 9, 2022 at 6:40 p.m.", "2022-07-09T18:40"),
    ("By Tom Hale · 2 April 2020, 08:15", "2 April 2020, 08:15", "2020-04-02T08:15"),
    ("Valley Echo - Published 17 October 2019", "17 October 2019", "2019-10-17"),
    ("By Tom Hale | Valley Echo | Posted: Oct 17, 2019", "Oct 17, 2019", "2019-10-17"),
    ("Posted: Nov 2, 2024", "Nov 2, 2024", "2024-11-02"),
    ("Last updated: 17:45, 3 Dec 2021", "17:45, 3 Dec 2021", "2021-12-03T17:45"),
    ("Thu 11 Apr 2024 07.50 AEST", "Thu 11 Apr 2024 07.50 AEST", "2024-04-11T07:50"),
    ("Fri 8 Sep 2023 21.03 BST", "Fri 8 Sep 2023 21.03 BST", "2023-09-08T21:03"),
    ("2022-11-05T06:07:08Z", "2022-11-05T06:07:08Z", "2022-11-05T06:07"),
    ("2022-11-05T06:07+01:00", "2022-11-05T06:07+01:00", "2022-11-05T06:07"),
    ("05.11.2022", "05.11.2022", "2022-11-05"),
    ("March 30, 2021 at 11:05 a.m.", "March 30, 2021 at 11:05 a.m.", "2021-03-30T11:05"),
])
def test_publication_line_formats(extract_text, line, stamp, value):
    text = f"Bridge closed after storm\n\n{line}\n\nWorkers checked the bridge on Monday, the council said.\n"
    facts = extract_text(text)
    first = facts.dates[0]
    assert (first.text, first.value) == (stamp, value)
    assert first.type == ("TIME" if "T" in value else "DATE")
    assert text[first.start:first.end] == stamp
    assert facts.reference_date == value[:10]
    assert facts.reference_date_source == "article"


@pytest.mark.parametrize("line", [
    "Workers - who arrived on 2 April 2020 - checked the bridge.",   # a dash inside a sentence
    "The council | said the bridge shut on 2 April 2020 after the storm.",
    "Tickets cost 2020 12.50 each.",                                  # no dotted clock without a stamp
])
def test_lines_that_are_not_publication_stamps(extract_text, line):
    text = f"Bridge closed after storm\n\n{line}\n\nWorkers checked the bridge on Monday.\n"
    facts = extract_text(text)
    assert facts.reference_date is None
    assert all(not d.value or "T" not in d.value for d in facts.dates)


def test_overnight_weekday_is_that_nights(extract_text):
    got = _dates(extract_text("Flood water rose overnight Tuesday in the valley.", reference_date="2022-08-18"))
    assert got == [("overnight Tuesday", "2022-08-16TNI", "TIME")]


def test_following_week_keeps_the_week_and_counts_from_the_stated_day(extract_text):
    text = ("Published: 20 June 2021\n\n"
            "The ferry sank on March 3, 2021, off the headland.\n\n"
            "Its wreck was raised the following week.\n")
    assert ("the following week", "2021-W10", "DATE") in _dates(extract_text(text))


def test_previous_evening_in_the_past_perfect_counts_from_the_event(extract_text):
    text = ("Published: 12 July 2023\n\n"
            "A cyclist was hit by a van just before 7am on Monday.\n\n"
            "The driver appeared in court on Tuesday and will be sentenced on 30 August.\n\n"
            "The court heard he had been at a party since the previous evening.\n")
    got = _dates(extract_text(text))
    assert ("the previous evening", "2023-07-09TEV", "TIME") in got
    assert ("30 August", "2023-08-30", "DATE") in got


def test_next_day_skips_a_future_date_in_between(extract_text):
    text = ("Published: 12 July 2023\n\n"
            "A van was stolen from a depot on Saturday.\n\n"
            "Its owner will speak at a meeting on 30 August.\n\n"
            "The van was found burnt out the next day.\n")
    assert ("the next day", "2023-07-09", "DATE") in _dates(extract_text(text))
