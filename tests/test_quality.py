"""Whether a page's text layer can be trusted, or the page must go to OCR."""

from extract.layout.quality import is_garbage, ocr_reason


def _glyph_ids(text: str) -> str:
    """Text as the reader gets it from a font without a character map: each sign as its glyph's
    number in a TrueType font's standard order, 29 below its code; space stays, ø and å become
    other signs, and what falls among the control codes (full stops, commas) is dropped."""
    signs = (chr(ord(c) - 29) if 32 < ord(c) < 127 else {"ø": "¡", "å": "n"}.get(c, c) for c in text)
    return "".join(c for c in signs if c.isprintable())


MINUTES = (
    "Referat fra styremøte i foreningen. Til stede var leder, nestleder og kasserer. "
    "Styret gikk gjennom budsjettet og vedtok det uten endringer. Neste møte holdes i mars."
)


def test_letters_given_as_glyph_numbers_are_garbage_even_on_a_short_page_without_digits():
    short = _glyph_ids("Referat fra styremøte. Til stede var leder, nestleder og kasserer i foreningen.")
    assert sum(map(str.isalpha, short)) < 200
    assert is_garbage(short)
    assert ocr_reason(_glyph_ids(MINUTES * 4), images=0) == "text layer is garbage (a broken font map)"


def test_text_in_capitals_and_in_other_languages_is_not_garbage():
    assert not is_garbage(MINUTES.upper())
    assert not is_garbage("SAKSLISTE FOR MØTET I FORMANNSKAPET. GODKJENNING AV INNKALLING OG SAKSLISTE. " * 2)
    assert not is_garbage("Die Sitzung des Vorstands wurde um zehn Uhr eröffnet und der Haushalt beschlossen. " * 2)
    assert not is_garbage(MINUTES)


def test_a_text_layer_of_signs_without_letters_is_garbage_but_leaders_and_rules_are_not():
    """An embedded font without a character map read by glyph number can give printable signs
    and no letter at all ("# % # $%(# +% …"): that is a text layer that does not decode, not an
    empty page. Dot leaders and typed rules have no letters either and are text."""
    signs = "# % # $%(# +% % ' % %% %(# % ! % & $ %% % # % # $%(# +%"
    assert ocr_reason(signs, images=0) == "text layer is garbage (a broken font map)"
    assert ocr_reason("_" * 40 + " " + "." * 60 + " – — …", images=0) is None
    assert ocr_reason("Side 3", images=0) is None
    assert ocr_reason("Side 3", images=1) == "no text layer"
