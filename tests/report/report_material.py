"""Material for the report tests: a hand-made article (our own sentences) whose record has
every fact type, nested and crossing highlights, and hostile texts. A plain module (not the
conftest) so that test files can import it by name."""

from __future__ import annotations

from html.parser import HTMLParser

from factx.records import Age, Agency, ArticleFacts, DateFact, Official, Quote, Span, Victim

HANDMADE_TEXT = (
    "Published 4 March 2024\n"
    "\n"
    "Jane Roe, 34, was hurt in Leeds on Friday night.\n"
    "\n"
    "  Chief Inspector Sam Poe of the West Yorkshire Police said: \"We met her family on 2 March 2024 "
    "and the Independent Office for Police Conduct will look at it.\"\n"
    "\tTabs,  double  spaces, é, “curly” and emoji 🙂 stay as they are.\n"
)


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span(text: str, needle: str, nth: int = 0) -> Span:
    start, end = _at(text, needle, nth)
    return Span(start=start, end=end, text=needle)


def handmade_facts(text: str = HANDMADE_TEXT, source: str = "handmade.txt") -> ArticleFacts:
    """A record with every fact type; the official's title holds an agency; a quote holds a
    date and an agency; one agency mention crosses the quote's end (split into pieces)."""
    q_start, _ = _at(text, "We met her family")
    q_end = text.index(".\"", q_start) + 1
    quote_text = text[q_start:q_end]
    official_start, official_end = _at(text, "Chief Inspector Sam Poe of the West Yorkshire Police")
    d1, d2 = _at(text, "4 March 2024"), _at(text, "2 March 2024")
    fri = _at(text, "Friday night")
    age = _at(text, "34")
    # a deliberately crossing span: from inside the quote to past its end
    cross = (q_end - 3, q_end + 2)
    return ArticleFacts(
        source=source,
        reference_date="2024-03-04",
        reference_date_source="article",
        victims=[Victim(name="Jane Roe", age=34, harm="injured", mentions=[span(text, "Jane Roe")])],
        ages=[Age(name="Jane Roe", age=34, start=age[0], end=age[1], text="34")],
        dates=[
            DateFact(text="4 March 2024", start=d1[0], end=d1[1], value="2024-03-04"),
            DateFact(text="Friday night", start=fri[0], end=fri[1], value="2024-03-01TNI", type="TIME"),
            DateFact(text="2 March 2024", start=d2[0], end=d2[1], value="2024-03-02"),
        ],
        agencies=[
            Agency(name="West Yorkshire Police", kind="police", mentions=[span(text, "West Yorkshire Police")]),
            Agency(name="Independent Office for Police Conduct", kind="watchdog",
                   mentions=[span(text, "Independent Office for Police Conduct"),
                             Span(start=cross[0], end=cross[1], text=text[cross[0]:cross[1]])]),
        ],
        officials=[Official(name="Sam Poe", title="Chief Inspector", organization="West Yorkshire Police",
                            quotes=[0], mentions=[Span(start=official_start, end=official_end,
                                                       text=text[official_start:official_end])])],
        quotes=[Quote(text=quote_text, start=q_start, end=q_end, direct=True, speaker="Sam Poe",
                      speaker_start=_at(text, "Sam Poe")[0], speaker_end=_at(text, "Sam Poe")[1])],
        warnings=["a warning with <b>markup</b> & an ampersand"],
    )


# Hostile article texts: each must show as text and run nothing.
XSS_TEXTS = [
    "Jane Roe said <script>alert('xss-script')</script> on Friday.",
    "Police found <img src=x onerror=\"alert('xss-img')\"> in Leeds on 2 March 2024.",
    "The court heard </textarea><script>alert('xss-textarea')</script> from John Doe, 40.",
    "Template {{ 7*7 }} and {% raw %} and ${7*7} and #{7*7} stay literal.",
    "Breakout \"><svg onload=alert('xss-svg')></svg> and </mark></div><script>alert('xss-close')</script>",
    "<iframe srcdoc=\"<script>parent.alert('xss-iframe')</script>\"></iframe> &amp; &lt;b&gt;",
]


def hostile_facts(text: str) -> ArticleFacts:
    """Facts whose names and values carry markup too (they go into attributes and the panel)."""
    evil = "\"><img src=x onerror=alert('xss-attr')>"
    n = min(len(text), 12)
    return ArticleFacts(
        source=f"<script>alert('xss-source')</script>{evil}.txt",
        victims=[Victim(name=evil, harm="harmed", mentions=[Span(start=0, end=n, text=text[:n])])],
        dates=[DateFact(text=text[2:n], start=2, end=n, value=evil)],
        quotes=[Quote(text=text[1:], start=1, end=len(text), speaker=evil)],
        warnings=[evil],
    )


class ArticleTextParser(HTMLParser):
    """Collect the text inside <div id="article">, as a browser's DOM would hold it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in ("br", "img", "wbr")
        elif tag == "div" and ("id", "article") in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def article_text_of(html: str) -> str:
    parser = ArticleTextParser()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
