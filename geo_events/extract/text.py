"""Article text preparation: size and sanity checks, HTML stripping, sentences and matchable tokens.

Every later stage works on the *prepared* text returned by :func:`prepare_text`. When the input is
plain text (the usual case) the prepared text is the input itself, so evidence offsets point into the
caller's original string. When the input looks like HTML, tags are removed and entities unescaped first;
offsets then refer to that stripped text (``Article.html_stripped`` says so). The same holds for a page
mirrored without the spaces around its links ("Ukraine recapturedBalakliia andShevchenkove"), whose lost spaces
are put back (:func:`restore_lost_spaces`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from geo_events.errors import ExtractionError

#: Largest accepted article, in characters; bigger inputs raise ``ExtractionError`` (keeps time bounded).
MAX_CHARS = 2_000_000

_TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]{1,2000}>", re.IGNORECASE | re.DOTALL)
_HTML_HINT_RE = re.compile(r"<(?:p|div|br|span|a|html|body|h[1-6]|li|article)\b[^<>]{0,500}>", re.IGNORECASE)
_BLOCK_TAG_RE = re.compile(r"^<(?:/?(?:p|div|br|h[1-6]|li|tr|article|section))\b", re.IGNORECASE)
#: (a mirrored page's citation marks stay with the sentence they close: "… and Hsenwi.[12] Junta airstrikes …")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])(?:\[\d{1,3}\]|[\"'”’)\]])*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n[ \t]*(?=\S)")
_WORD_RE = re.compile(r"[^\W_]+(?:['’ʼʿ][^\W_]+)*", re.UNICODE)
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Maj.", "Sgt.", "Capt.", "St.", "U.S.",
                  "U.N.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "No.", "Rep.", "Sen.",
                  # clock times ("at 4:00 p.m. (EST), U.S. forces …"), ranks and the US states of datelines
                  "a.m.", "p.m.", "Gov.", "Adm.", "Brig.", "Cpl.", "Pvt.", "Ft.", "Mt.", "Fla.", "Calif.", "Ariz.",
                  "Va.", "Ga.", "Tenn.", "Ky.", "k.m.", "K.m.")
_ASCII_WORD_RE = re.compile(r"[^\W\d_]+")
_MARKS = str.maketrans({"’": "", "'": "", "ʼ": "", "ʿ": "", "ʾ": "", "`": "", "‘": ""})


@dataclass(frozen=True)
class Sentence:
    """One sentence (or headline / paragraph line) of the prepared text, as a ``[start, end)`` span."""

    start: int
    end: int
    text: str


@dataclass
class Article:
    """A prepared article: text to analyse, its metadata and cached sentence spans."""

    text: str
    html_stripped: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    lost_spaces: bool = False  # a mirrored page whose lost spaces were put back (``restore_lost_spaces``)

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing ``offset`` (binary search), or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sentence = self.sentences[mid]
            if offset < sentence.start:
                hi = mid - 1
            elif offset >= sentence.end:
                lo = mid + 1
            else:
                return sentence
        return None

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence containing (or following) ``offset``."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _strip_html(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        return "\n" if _BLOCK_TAG_RE.match(match.group(0)) else ""

    return html.unescape(_TAG_RE.sub(replace, text))


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` carries HTML markup (block tags near the start)."""
    return bool(_HTML_HINT_RE.search(text[:20_000]))


#: Characters that carry no text: byte-order marks, replacement characters, zero-width spaces and joiners.
_INVISIBLE_RE = re.compile("[\ufeff\ufffd\u200b\u200c\u200d\u2060]+")

#: MediaWiki markup pasted from an edit page: "[[Baga, Nigeria|Baga]]", "{{Citation needed|date=May 2020}}",
#: "====2015====" (a heading), quotes marking bold or italics.
_WIKI_LINK_RE = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]")
_WIKI_FILE_RE = re.compile(r"\[\[(?:File|Image|Category):[^\[\]]*\]\]", re.IGNORECASE)
_WIKI_TEMPLATE_RE = re.compile(r"\{\{[^{}]*\}\}")
_WIKI_HEADING_RE = re.compile(r"\s*(={2,6})\s*([^=\n]{1,80}?)\s*\1\s*")
_WIKI_QUOTES_RE = re.compile(r"'{2,3}(?=\S)|(?<=\S)'{2,3}")


def looks_like_wikitext(text: str) -> bool:
    """True for text with MediaWiki links or templates (two or more of them)."""
    return text.count("[[") + text.count("{{") >= 2 and ("]]" in text or "}}" in text)


def strip_wikitext(text: str) -> str:
    """Plain text of MediaWiki markup: a link's label, no templates or files, headings on lines of their own."""
    text = _WIKI_FILE_RE.sub("", text)
    for _ in range(3):  # templates nest ("{{cite|{{date}}}}"): innermost first
        text, count = _WIKI_TEMPLATE_RE.subn("", text)
        if not count:
            break
    text = _WIKI_LINK_RE.sub(lambda m: m.group(1), text)
    text = _WIKI_HEADING_RE.sub(lambda m: f"\n\n{m.group(2)}\n\n", text)
    return _WIKI_QUOTES_RE.sub("", text)


#: A short heading line with a wiki edit link run into its last word ("9 October 2019Edit", "Ground offensiveEdit").
_GLUED_EDIT_RE = re.compile(r"(?m)^(?=[^\n]{1,80}$)([^\n]*?[0-9a-z)\]])Edit[ \t]*$")
#: The bracketed edit link a copied wiki page leaves after a section heading ("10 July[edit]", "10 July[]").
_EDIT_LINK_RE = re.compile(r"(?m)[ \t]*\[(?:edit|edit source|\s*)\][ \t]*$", re.IGNORECASE)


#: A wiki reference mark: "[2]", "[n 1]", "[citation needed]".
_REFERENCE_MARK_RE = re.compile(r"\[(?:\d{1,3}|[a-z]\s?\d{1,3}|citation needed|note \d{1,3})\]")


def prepare_text(text: object) -> Article:
    """Check and prepare article text; raise ``ExtractionError`` when it cannot be processed.

    Parameters
    ----------
    text : str
        Plain text or HTML. Must be a non-empty ``str`` of at most ``MAX_CHARS`` characters
        without NUL bytes (binary data).

    Returns
    -------
    Article
        The text to analyse (HTML stripped when present) and its sentence spans.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise ExtractionError("article is not UTF-8 text") from err
    if not isinstance(text, str):
        raise ExtractionError(f"article text must be a string, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise ExtractionError(
            f"article is too large ({len(text):,} characters; the limit is {MAX_CHARS:,}); split it first"
        )
    if not text.strip():
        raise ExtractionError("article text is empty")
    if "\x00" in text:
        raise ExtractionError("article contains NUL bytes: binary data, not text")
    stripped = False
    if looks_like_html(text):
        text = _strip_html(text)
        stripped = True
    if looks_like_wikitext(text):
        text = strip_wikitext(text)
        stripped = True
    # a byte-order mark, a replacement character or a zero-width space pasted in front of a dateline
    # ("\ufffdRaipur: …") hides it; a space in its place keeps every offset
    text = _INVISIBLE_RE.sub(lambda m: " " * len(m.group(0)), text)
    # a copied wiki page's section heading keeps its edit link, glued on ("9 October 2019Edit") or bracketed
    # ("10 July[edit]"): blanked, so the heading reads as its date
    text = _GLUED_EDIT_RE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
    text = _EDIT_LINK_RE.sub(lambda m: " " * len(m.group(0)), text)
    # an encyclopedia page's reference marks ("…fled the town,[2] Ayn Issa", "[n 1]") blanked: no word of the text
    text = _REFERENCE_MARK_RE.sub(lambda m: " " * len(m.group(0)), text)
    text = unwrap_lines(text)
    respaced = restore_lost_spaces(text)
    return Article(text=respaced, html_stripped=stripped or respaced is not text,
                   sentences=split_sentences(respaced), lost_spaces=respaced is not text)


#: A line that closes its sentence (or is a heading's end): its line break is the text's own.
_LINE_CLOSED_RE = re.compile(r"[.!?:;\"”’)\]]\s*$")
#: A line that goes on a sentence the line before it left open.
_GOES_ON_RE = re.compile(r"[ \t]*[a-z]")


def unwrap_lines(text: str) -> str:
    """A wire story hard-wrapped at a fixed width ("… were shot dead on Friday\nnight in the city of …") with its
    breaks inside sentences turned into spaces (same length: offsets stay). Texts whose lines end their
    sentences (the usual case, and every heading) come back unchanged."""
    lines = text.split("\n")
    if len(lines) < 5:
        return text
    # (a break between two text lines; a blank line parts paragraphs, whatever the wrapping)
    inside = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    open_lines = [i for i in inside if not _LINE_CLOSED_RE.search(lines[i])]
    going_on = [i for i in open_lines if _GOES_ON_RE.match(lines[i + 1])]
    if len(going_on) < 3 or 10 * len(going_on) < 3 * len(inside):
        return text
    joined = set(open_lines)
    return "".join(line + ("" if i == len(lines) - 1 else " " if i in joined else "\n")
                   for i, line in enumerate(lines))


#: A lowercase word run into the capitalised word after it, the space of a link lost when a page was mirrored
#: ("recapturedBalakliia", "ofIzium", "theOskil"); two letters at least before it ("iPhone", "eBay" are words).
_LOST_SPACE_RE = re.compile(r"(?<![\w'’@#/.-])([a-z]{2,})(?=[A-Z][a-z]{2,})")
#: Fewest such joins in a text before it is read as a mirrored page (one may be a brand: "PlayStation" aside).
MIN_LOST_SPACES = 3


def restore_lost_spaces(text: str) -> str:
    """A page mirrored without the spaces around its links ("Ukraine recapturedBalakliia andShevchenkove as Russian
    forces withdrew") with a space put back after each word run into a linked one; the text itself when it has
    fewer than ``MIN_LOST_SPACES`` such joins (most texts: then offsets stay the caller's). A name may have lost
    the space after it too ("inLashioand Hsenwi"): ``Article.lost_spaces`` tells the place finder so."""
    if len(_LOST_SPACE_RE.findall(text)) < MIN_LOST_SPACES:
        return text
    return _LOST_SPACE_RE.sub(r"\1 ", text)


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentence spans (line breaks and ``. ! ?`` before a capital end a sentence)."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        cut = match.start()
        if text[cut - 1 : cut] == "." and "\n" not in match.group(0):
            last_word = text[max(start, cut - 6) : cut].rsplit(None, 1)[-1] if cut > start else ""
            if last_word.endswith(_ABBREVIATIONS):
                continue
        _add_sentence(sentences, text, start, cut)
        start = match.end()
    _add_sentence(sentences, text, start, len(text))
    return sentences


def _add_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


def fold(token: str) -> str:
    """Return a token case-folded, without diacritics or apostrophe-like marks (for matching)."""
    token = token.translate(_MARKS)
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, folded)`` for every word of ``text`` (hyphens and punctuation split words)."""
    if text.isascii():
        low = text.lower()
        if "'" not in text:
            return [(m.start(), m.end(), m.group(0)) for m in _WORD_RE.finditer(low)]
        return [(m.start(), m.end(), m.group(0).replace("'", "")) for m in _WORD_RE.finditer(low)]
    out = []
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        if word.isascii():  # most words of a text with a few curly quotes: no folding call
            word = word.lower().replace("'", "") if "'" in word else word.lower()
        else:
            word = fold(word)
        out.append((m.start(), m.end(), word))
    return out


@lru_cache(maxsize=65536)
def key_of(name: str) -> str:
    """Return the matching key of a name: its folded words joined by single spaces (cached)."""
    return " ".join(folded for _, _, folded in tokens(name) if folded)


def english_ratio(text: str) -> float:
    """Return how English the first 400 words read (0–1): the share of English function words, or — for
    short, telegraphic texts ("Houthi drones struck Aden airport on Wednesday") — half the share of words
    common in English (wordfreq), whichever is higher."""
    words = _ASCII_WORD_RE.findall(text[:3000].lower())[:400]
    if not words:
        return 0.0
    common = sum(1 for w in words if w in _ENGLISH) / len(words)
    if common >= 0.12 or len(words) > 60:
        return common
    from wordfreq import zipf_frequency

    def english_word(word: str) -> bool:
        english = zipf_frequency(word, "en")
        return english >= 3.0 and english >= max(zipf_frequency(word, lang) for lang in _OTHER_LANGUAGES) - 0.5

    frequent = sum(1 for w in words if english_word(w)) / len(words)
    return max(common, frequent / 2)


#: Languages whose common words also occur in English text ("des", "la", "de"): an English word is
#: more frequent in English than in these.
_OTHER_LANGUAGES = ("fr", "es", "de", "pt", "it", "nl")


_ENGLISH = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "with", "from", "that", "which", "who", "said", "was", "were", "is", "are", "has", "have", "had", "it", "its", "their", "his", "her", "they", "he", "she", "as", "after", "before", "this", "than", "more", "least", "killed"]
)
