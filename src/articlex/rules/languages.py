"""Function words by language, to tell a page's language when it does not declare one.

Each list holds very frequent words of the language that are rare in the
others listed (articles, pronouns, prepositions, conjunctions). Words shared by
two languages ("de", "a", "la", "in") are left out of at least one of them, so a
hit counts as evidence. Detection is a last resort after ``<html lang>``,
``Content-Language`` and the metadata: a declared language is always preferred.
"""

from __future__ import annotations

from collections.abc import Mapping


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: Mapping[str, frozenset[str]] = {
    "en": _words("the and of to is that with for was are this have from which not they been were"),
    "de": _words("der die und das ist nicht mit sich auf dem den des ein eine wird auch werden oder"),
    "fr": _words("le les et des est une dans pour qui pas sur avec sont du au ces mais nous"),
    "es": _words("el los las del que por una con para como más pero sus este fue son está"),
    "it": _words("il che della di gli sono per una con non nel alla anche come questo delle"),
    "pt": _words("os das do uma para com não mais como foi pelo pela seu sua são também"),
    "nl": _words("het een van en dat niet zijn met voor ook door wordt naar bij aan maar"),
    "sv": _words("och att det som är för med inte på av till har jag om ett"),
    "da": _words("og at det som er til med ikke på af har jeg der fra blev"),
    "no": _words("og ikke som er til med på av har jeg det fra ble også"),
    "pl": _words("się nie jest na do że to jak przez od po dla ale czy"),
    "id": _words("yang dan dengan untuk dari ini itu dalam tidak akan pada adalah"),
    "tr": _words("ve bir bu için ile da de olarak daha çok gibi olan"),
}

#: Fewer hits than this, and the text is too short or too mixed to tell.
MIN_HITS = 5
#: The winner needs this many times the runner-up's hits (Danish and Norwegian,
#: Spanish and Portuguese share many words).
MIN_LEAD = 1.5
#: Words read from the start of the text: enough to decide, cheap on long pages.
MAX_WORDS = 400
