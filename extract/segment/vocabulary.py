"""The genre's words: labels and titles of Norwegian (and Danish) meeting documents.

Every rule that recognises a printed label takes its words from here, so a new wording
seen in the wild is added in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

I = re.IGNORECASE  # noqa: E741

# --- document kinds, told by the words of a document's title ---------------------------
MINUTES_TITLE = re.compile(
    r"\b(?:møte)?referat\b|\breferat(?:et)?\s+fra\b|\b(?:møte)?protokoll\b|\bmøtebok\b|\bprotokollat\b"
    r"|\b(?:beslutnings|vedtaks|styre)protokoll?\b|\breferat\s*-|\bsærutskrift\b"
    r"|\butskrift\s+(?:av|fra|frå|or)\s+(?:møtebok(?:a|en)?|(?:møte)?protokoll(?:en)?)\b",
    I,
)
AGENDA_TITLE = re.compile(
    r"\b(?:møte|tilleggs)?innkalling\b|\binnkalling\s+til\b|\b(?:tilleggs)?saks?liste\b|\bdagsorden\b|\bindkaldelse\b"
    r"|\bsakspapirer\b|\bsaksdokumenter\b|\bmøtedokumenter\b|\bsakskart\b",
    I,
)
CASE_DOCUMENT_TITLE = re.compile(
    r"\bsaksfr[ae]mlegg\b|\bsaksutredning\b|\bsaksnotat\b|\bnotat til\b|\bsagsfremstilling\b|\bstyresak\b"
    r"|\bsakspapir\b|\bsaksutgreiing\b|\bsaksframstilling\b",
    I,
)
# A document's name alone on a line ("SAKSFRAMLEGG", "Særutskrift"): what the page is, no case's
# title; and printed before a case's title ("SAKSPROTOKOLL - REGULERINGSPLAN FOR SENTRUM").
_DOCUMENT_WORD = (
    r"(?:saksfr[ae]mlegg|saksutredning|saksutgreiing|saksframstilling|sagsfremstilling|saksnotat|særutskrift"
    r"|saksprotokoll|møtebok|utskrift)"
)
# A table of contents names no document of its own: it lists the one it stands in.
CONTENTS_TITLE = re.compile(
    r"^(?:innhold(?:sfortegnelse|sliste|soversikt)?|innhald(?:sliste|soversikt)?|sideoversikt"
    r"|indhold(?:sfortegnelse)?)\s*:?$",
    I,
)
DOCUMENT_NAME = re.compile(rf"^{_DOCUMENT_WORD}\s*:?$", I)
DOCUMENT_PREFIX = re.compile(rf"^{_DOCUMENT_WORD}\s*[-–:]\s*(?=\S)", I)
# An agenda's list of cases starts under one of these headings.
CASE_LIST_HEADING = re.compile(
    r"^(?:saksliste|sakliste|dagsorden|saker\s+til\s+behandling|sakskart|til\s+behandling"
    r"|(?:følgende\s+|følgjande\s+)?saker\s+(?:som\s+)?(?:ble|vart|blei)\s+(?:behandlet|handsama|behandla))\s*:?$",
    I,
)

# --- meeting header ------------------------------------------------------------------
# The word before a time of day: "kl.", "kl", "klokka" (nynorsk), "klokken"; every pattern that
# reads a time spells it with this.
CLOCK_WORD = r"kl(?:\.|okka|okken)?"
# A day of the week, bokmål, nynorsk and Danish ("tirsdag", "tysdag", "laurdag").
WEEKDAY = r"(?:man|mån|tirs|tys|ons|tors|fre|lør|laur|søn|sun)dag"
# Labels whose value holds the meeting's date and time, best first. A plain "Dato" is last: in a
# case document it is the document's own date, not the meeting's.
DATE_LABELS: list[re.Pattern[str]] = [
    re.compile(
        r"^(?:møtetid|møtedato|møtedag|dato\s+for\s+møtet|tidspunkt\s+for\s+møtet|møtedato\s*/\s*(?:tid|stad|sted)"
        r"|styremøte|møte)$",
        I,
    ),
    re.compile(
        r"^(?:tid|tidspunkt|dato\s*(?:og|/|&)\s*tid|tid\s*(?:og|/|&)\s*(?:sted|stad)|når|mødedato|dato og tidspunkt"
        r"|dato\s*(?:og|/|&)\s*(?:sted|stad)|(?:møte)?(?:sted|stad)\s*(?:og|/|&)\s*(?:tid|dato))$",
        I,
    ),
    re.compile(r"^dato$", I),
]
DOCUMENT_DATE_RANK = 2  # the rank of DATE_LABELS that dates a case document rather than a meeting
# Labels of a row that gives the meeting's start time alone ("KL.: 14:00").
TIME_LABEL = re.compile(
    rf"^(?:kl\.?|klokka|klokken|klokkeslett|tid|tidspunkt|møtetid|møtestart|start|(?:fra|frå)\s+{CLOCK_WORD})$", I
)
# ... and the end: "Møteslutt: 17:30", "Møtet slutt: 13:30".
END_LABEL = re.compile(
    rf"^(?:møteslutt|møtet\s+slutt|møte\s+slutt|slutt|møtet\s+heva|møtet\s+hevet|avslutta|avsluttet|til\s+{CLOCK_WORD})$",
    I,
)
# A row giving the place with the date or time: "Møtestad/tid:", "Tid og sted:", "Sted og dato:".
PLACE_AND_TIME_LABEL = re.compile(
    r"^(?:(?:møte)?(?:sted|stad)\s*(?:og|/|&)\s*(?:tid|dato)|(?:tid|dato|møtedato)\s*(?:og|/|&)\s*(?:sted|stad))$", I
)
PLACE_LABEL = re.compile(
    r"^(?:sted|stad|møtested|møtestad|møtesteder|lokale|møterom|sted\s*/\s*rom|mødested|møtelokale"
    r"|møtested\s*/\s*lokaler?|møtestad\s*/\s*lokale)$",
    I,
)
# The meeting's own number in a title: "Møte 2-23", "Referat møte 4-2024", "Møte nr. 3/2024".
MEETING_NUMBER = re.compile(r"\bmøte\s+(?:nr\.?\s*)?(\d{1,3}(?:\s*[-/]\s*\d{2,4})?)(?![\d.])", I)
# ... or in a label row: "Møte: | 6/2014", "Møtenr.: | 3".
MEETING_NUMBER_LABEL = re.compile(r"^(?:møte|møte\s*nr\.?|møtenr\.?|møtenummer)$", I)
# A sentence that announces the meeting ("Det avholdes styremøte i …, 19. februar 2004", "Vi kaller
# inn til møte …"); one that names an earlier or later meeting ("protokoll fra møte …") does not.
MEETING_SENTENCE = re.compile(r"\b(?:\w*møte[rt]?|avhold\w*|holdes|kaller\b[^.]*\binn|innkall\w*)\b", I)
OTHER_MEETING = re.compile(
    r"\b(?:fra|frå|fra\s+forrige|forrige|neste|siste|førre|tidligere|tidlegare)\s+(?:\w+)?møte", I
)
# A sentence about the minutes of another meeting ("Protokoll fra forrige møte ble godkjent"), or
# naming one by its date: what it says of approval is not said of this document (status.py).
OTHER_MINUTES = re.compile(
    r"\b(?:fra|frå|fra\s+forrige|forrige|førre|tidligere|tidlegare)\s+(?:\w+)?møte|\d{1,2}\.\d", I
)
# Sentences giving where the meeting is held: "Møtet avholdes på Kirkenes Sykehus, …", "Møtet finner
# sted på …", "Møtet går føre seg i …".
PLACE_SENTENCE = re.compile(
    r"^møtet\s+(?:(?:av)?holdes|vert\s+halde|blir\s+halde|finner\s+sted|finn\s+stad|går\s+føre\s+seg)\s+(?:på|i)\s+"
    r"(?P<place>.+)$",
    I,
)


def _clock(suffix: str = "", kl: bool = True) -> str:
    """ "kl. 10.00", "klokka 9": one pattern for every clock sentence, its groups named h/m plus
    `suffix`; with kl=False the "kl." may be left out ("fra kl. 9 til 12")."""
    word = CLOCK_WORD + r"\s*"
    return rf"{word if kl else f'(?:{word})?'}(?P<h{suffix}>\d{{1,2}})(?:[.:](?P<m{suffix}>\d{{2}}))?"


# After the verb, words up to the clock ("… satt i kommunestyresalen kl. 10"), or the time right
# after it without the clock word where hours and minutes say it is one ("Møtet hevet 15.30").
_TO_CLOCK = r"(?:[^.]{0,40}?(?:\bca\.\s*)?\b(?=" + CLOCK_WORD + r")|\s+(?:ca\.?\s+)?(?=\d{1,2}[.:]\d{2}\b))"


# The verbs of an invitation's start ("Møtet starter kl. 09.00", "… og tek til kl. 10"), shared
# with the place sentence that goes on to the start ("… på Rådhuset og starter kl 09.00").
ANNOUNCED_START_VERB = r"(?:starter|startar|begynner|byrjar|tar\s+til|tek\s+til)"
# Sentences giving when it began and ended: "Møtet ble satt kl. 10.00", "Møtet vart heva kl 15.30";
# or, in an invitation, will begin and end: "Møtet starter kl. 09.00 og avsluttes ca. kl. 15.00",
# "Møtet finner sted på … og starter kl 09.00", "Møtet tek til kl. 10.00".
_START_VERB = (
    r"(?:satt|sett|åpnet|opna|opnet|startet|starta|begynte|tok\s+til"
    rf"|{ANNOUNCED_START_VERB}|settes|setjast|åpnes|opnast)"
)
# The auxiliary before the verb: "Møtet ble satt", "Møtet vert sett", "… og blir avslutta".
_AUXILIARY = r"(?:ble\s+|vart\s+|blei\s+|er\s+|blir\s+|vert\s+)?"
_END_VERB = r"(?:hevet|heva|avsluttet|avslutta|sluttet|slutta|avsluttes|avsluttast|slutter|sluttar|heves|hevast)"
START_SENTENCE = re.compile(
    rf"\bmøtet\s+(?:[^.]{{0,80}}?\s+og\s+)?{_AUXILIARY}{_START_VERB}\b" + _TO_CLOCK + _clock(kl=False),
    I,
)
END_SENTENCE = re.compile(
    # "Møtet ble hevet kl. 15.30"; after a start, the subject left out: "… kl. 10.00 og heva kl. 14.30"
    rf"(?:\bmøtet\s+{_AUXILIARY}(?:{_END_VERB}|slutt|ferdig)"
    rf"|\bog\s+{_AUXILIARY}{_END_VERB})\b" + _TO_CLOCK + _clock(kl=False),
    I,
)
# "Møtet varte fra kl. 09.00 til kl. 12.00": both ends in one sentence.
SPAN_SENTENCE = re.compile(
    r"\bmøtet\s+(?:varte|vara|gikk|gjekk)\s+(?:fra|frå)\s+" + _clock() + r"\s+(?:til|-|–)\s+" + _clock("2", kl=False),
    I,
)

# --- committees ---------------------------------------------------------------------------
# Label rows that name the committee: "Utvalg: Formannskapet", "Styre: Helse Sør-Øst RHF".
_BODY_KIND = r"(?:utvalg|utval|organ|råd|komite|komité|nemnd|forum|styre)"
BODY_LABEL = re.compile(
    rf"^(?:{_BODY_KIND}(?:\s*/\s*{_BODY_KIND}){{0,3}}|møte\s+i|utvalgsnavn|utvalsnamn|møteorgan)$",
    I,
)
# "Møte: | Samarbeidsutvalget for Helgeland": the meeting's row names the committee only where
# its value has a committee's noun ("Møte: | Ordinært møte", "Møte: | 3/2019" do not).
MEETING_ROW_LABEL = re.compile(r"^møte$", I)
_COMMITTEE_NOUN = r"styre|utval|udval|råd(?:et)?\b|formannskap|nemnd|komit|forum|representantskap|partnerskap|tinget\b"
COMMITTEE_NOUN = re.compile(_COMMITTEE_NOUN, I)
# ... and rows that name the enterprise whose board meets: "Føretak: Helse Vest RHF".
ORGANISATION_LABEL = re.compile(r"^(?:foretak|føretak|helseforetak|selskap|kommune|virksomhet)$", I)
# A board's meetings and papers name the board by these words; the enterprise is named apart.
BOARD_WORD = re.compile(r"^(?:styret|styre|styremøte[t]?|styresak|styremøteprotokoll|styreprotokoll)$", I)
# Words that make a name a committee's: "Formannskapet", "Regionrådet Nordhordland", "Valstyret".
BODY_WORD = re.compile(_COMMITTEE_NOUN + r"|møte|gruppe|generalforsamling|(?-i:\bFSU\b|\bSSU\b)", I)
# Short words of a committee's name that stay in lower case when a name in capitals is written
# out ("KONTROLLUTVALGET I OS KOMMUNE" is "Kontrollutvalget i Os kommune"), and abbreviations
# that stay in capitals.
LOWER_CASE_WORDS = frozenset(
    {"i", "for", "og", "av", "til", "på", "med", "om", "fra", "frå", "ved"}
    | {"kommune", "fylkeskommune", "kommunes", "styre", "utvalg", "utval", "råd"}
)
# The common noun in a hospital trust's name, printed in lower case after its proper name
# ("Sørlandet sykehus HF", "Oslo universitetssykehus HF", "St. Olavs hospital HF") or first
# ("Sykehuset Østfold HF", "Sjukehuset i Vestfold HF").
INSTITUTION_NOUN = re.compile(r"^\w*(?:sykehus|sjukehus|hospital)(?:et)?$", I)
UPPER_CASE_WORDS = frozenset(["HF", "RHF", "IKS", "AS", "KF", "SA", "NAV", "UNN", "FSU", "SSU", "KS"])

# --- case headings ----------------------------------------------------------------------
# A case-type prefix printed right before the number in municipal and hospital systems: "PS 12/24",
# "RS 3/24", "ST 2010/69", "FS-070/13". Capitals only, so that "Sak" is not one.
# A committee's letters before the number: "PS", "FS-070/13"; capitalised only when a dash joins
# it to the number ("Ko-13/12").
CASE_PREFIX = r"(?P<prefix>(?-i:(?!SAK\b|SAG\b|NR\b)[A-ZÆØÅ]{2,4}|[A-ZÆØÅ][a-zæøå]{1,2}(?=-\d)))"
# References to the archive look like case numbers ("Arkivsak: 2009/857") and are not.
ARCHIVE_REFERENCE = r"arkiv|journal|j\.?\s*post|dok\.?\s*id|vår\s+ref|deres\s+ref|saksmappe"
# Words introducing the number: "Sak", "Sak nr.", "Saksnr.", "Styresak", "Utvalgssak", "Utv.sak",
# "K-sak".
CASE_WORD = (
    rf"(?:(?!{ARCHIVE_REFERENCE})(?:[a-zæøå]+-|utv\.\s*)?[a-zæøå]*?(?:sak|sag)"
    r"(?:snr\.?|snummer|\s*nr\.?)?(?![a-zæøå])|punkt)"
)
CASE_LABEL = re.compile(rf"^{CASE_WORD}\s*:?$", I)
# The row of a case form that holds the title: "Tittel:", "Navn på sak:", nynorsk "Saka gjeld:".
TITLE_LABEL = re.compile(
    r"^(?:tittel|sakstittel|overskrift|emne|sak|titel|navn\s+på\s+sak(?:en)?|namn\s+på\s+sak(?:a)?"
    r"|sakens\s+tittel|saka\s+gjeld|saken\s+gjelder|sak(?:a|en)?\s+gjeld(?:er)?|gjeld|gjelder|vedrørende)\s*:?$",
    I,
)
# Columns of a table with a header row: the case number, the title, the committee, the date.
# Compared with spaces, dots, dashes and colons taken out ("SAKS- BEHANDLER" is "saksbehandler").
NUMBER_COLUMN = re.compile(
    rf"^(?!{ARCHIVE_REFERENCE}).*sak.*(?:nr|nummer)$|^nr$|^(?:utvalgssak|utvalssak|utvalgsak|politisksak|saksnr/år)$", I
)
_TITLE_WORD = (
    r"(?:sakstittel|saktittel|tittel|sak|saker|innhold|innhald|navnpåsak|sakenstittel|emne|overskrift"
    r"|sakstittelinnhold|titel|tema)"
)
TITLE_COLUMN = re.compile(rf"^{_TITLE_WORD}(?:/{_TITLE_WORD})?$", I)  # "Tema/sak" too
BODY_COLUMN = re.compile(
    r"^(?:utvalg|utval|styre|organ|komite|behandlesi|sakenbehandlesi|utvalgsnavn|.*utval.*komite.*|saksgang)$", I
)
DATE_COLUMN = re.compile(r"^(?:møtedato|dato|møtedag)$", I)
# Minutes kept as one table ("Sak | Tema | Konklusjon"): a column for what was decided, and
# an agenda's column for what is proposed.
DECISION_COLUMN = re.compile(
    r"^(?:vedtak|konklusjon|konklusjonar|konklusjoner|beslutning|beslutninger|avgjerd|avgjørelse)"
    r"(?:/(?:vedtak|konklusjon|beslutning|oppfølging))?$",
    I,
)
PROPOSAL_COLUMN = re.compile(r"^(?:forslagtilvedtak|framleggtilvedtak|innstilling|tilråding|forslagtilkonklusjon)$", I)
# A bare "Sak" header over the numbers when another column holds the titles.
BARE_NUMBER_COLUMN = re.compile(r"^(?:sak|saker|sakno|saknr)$", I)

# --- decisions -------------------------------------------------------------------------
_ALT = r"(?:\s*,?\s*\(?\s*alt(?:ernativ)?\.?\s*\d+\s*\)?)?"
# "Forslag til vedtak/innstilling", "Vedtak/konklusjon": two label words joined by a slash.
_OR = r"(?:\s*/\s*(?:vedtak|innstilling|konklusjon|beslutning|tilråding))?"
# A proposal label may name whose proposal it is, after the label: "Forslag til vedtak fra
# sekretariatet:". Only a few words without digits, so no sentence is taken for a label.
_QUALIFIER = r"(?:\s+(?:fra|frå|i|for|til)\s+[^\d:.]{2,40}?)?"
_POSSESSIVE = ("si", "sitt", "sin", "sine")  # nynorsk "Rådmannen sitt framlegg"
# Whose proposal: "Rådmannens innstilling", "Daglig leders forslag", nynorsk "Leiaren i valstyret
# si tilråding", "Rådmannen sitt framlegg".
_OWNER = (
    r"(?:[\wæøåÆØÅ.\-]+(?:\s+[\wæøåÆØÅ.\-]+){0,3}?s\s+"
    r"|(?:[\wæøåÆØÅ]{1,5}\.\s*){1,3}\s*"  # an office abbreviated: "Adm. dir. forslag til vedtak"
    r"|[\wæøåÆØÅ.\-]+(?:\s+[\wæøåÆØÅ.\-]+){0,4}?\s+(?:" + "|".join(_POSSESSIVE) + r")\s+)?"
)
PROPOSAL_LABEL = re.compile(
    r"^(?P<label>" + _OWNER + r"(?:(?:forslag|framlegg)\s+til\s+(?:vedtak|innstilling|beslutning|konklusjon"
    r"|(?:hørings|høyrings)?(?:uttalelse|uttale|fråsegn)|anbefaling|tilråding)"
    r"|innstilling(?:\s+til\s+[\wæøå]+)?|tilråding|tilrådning|anbefalt\s+vedtak|indstilling"
    # put forward in the meeting by a member or party: "Forslag fra Ola Dahl (H):", "Nytt framlegg frå Sp:"
    r"|(?:nytt\s+|alternativt\s+|endrings|tilleggs)?(?:forslag|framlegg)(?=\s+(?:fra|frå)\s)"
    r"|(?:forslag|framlegg)\s+til\s+(?:beslutning|vedtak)"
    # the bare word under its owner, with a colon: "Saksordførers forslag:", "Ordføraren sitt framlegg:"
    r"|(?:(?<=\ws\s)|"
    + "|".join(rf"(?<=\s{word}\s)" for word in _POSSESSIVE)
    + r")(?:forslag|framlegg)(?=\s*:))"
    + _OR
    + _ALT
    + _QUALIFIER
    + _ALT
    + r")\s*(?::\s*(?P<rest>.*)|\.?\s*$)",
    I,
)
# A recommendation told by its author's verb, alone on its line: "RÅDMANNEN TILRÅR", "Rådmannen rår til".
PROPOSAL_VERB = re.compile(
    r"^(?P<label>[\wæøåÆØÅ.\-]+(?:\s+[\wæøåÆØÅ.\-]+){0,3}?\s+(?:tilrår|tilrår\s+at|rår\s+til|innstiller"
    r"|innstiller\s+på))\s*(?::\s*(?P<rest>.*)|\.?\s*$)",
    I,
)
# The body asked to make a decision: "Styret inviteres til å fatte følgende vedtak:", "Styret bes
# fatte slikt vedtak:", "Rådmannen rår formannskapet til å gjere slikt vedtak:", "Administrasjonen
# foreslår følgende vedtak:".
PROPOSAL_REQUEST = re.compile(
    r"^(?P<label>[^:.]{2,80}?\s(?:(?:bes|bedes|inviteres\s+til\s+å|anmodes\s+om\s+å|blir\s+bedt\s+om\s+å"
    r"|vert\s+bedne?\s+om\s+å|oppfordres\s+til\s+å)\s+(?:fatte|gjøre|gjere|treffe)"
    r"|(?:rår|tilrår|anbefaler|ber)\s+[\wæøå\-]+(?:\s+[\wæøå\-]+){0,2}?\s+(?:til\s+)?(?:å\s+)?(?:fatte|gjøre|gjere|treffe)"
    r"|foreslår|gjer\s+framlegg\s+om|gjør\s+forslag\s+om)"
    r"\s+(?:følgende|følgjande|fylgjande|slikt|sålydende|sålydande)\s+vedtak)\s*(?::\s*(?P<rest>.*)|\.?\s*$)",
    I,
)
# A proposal introduced by a sentence: "Ordfører fremmet følgende forslag til vedtak:".
PROPOSAL_SENTENCE = re.compile(
    r"^(?P<label>[^:]{2,80}?\s(?:fremmet|fremma|fremmer|la\s+fram|la\s+frem|legger\s+fram|satte\s+fram"
    r"|sette\s+fram|kom\s+med|foreslo|gjorde)\s+(?:følgende|følgjande|slikt|dette|eit|et|nytt)?\s*"
    r"(?:alternative?\s+|endrings|tilleggs|nytt\s+)?(?:forslag|framlegg)(?:\s+til\s+(?:vedtak|innstilling))?"
    r"[^:]{0,40}?)\s*:\s*(?P<rest>.*)$",
    I,
)
# The adopted decision; in a case record it may name the body and case or date first
# ("VALSTYRET 001/15 VEDTAK:", "FS-070/13 Vedtak:", "Formannskapets vedtak 04.12.2013:").
ADOPTED_LABEL = re.compile(
    r"^(?P<label>(?P<qual>(?:[\wæøåÆØÅ.]+\s+){0,3}?(?:[A-ZÆØÅ]{1,4}\s*[-\s]\s*)?\d{1,4}\s*/\s*\d{2,4}\s+)?"
    r"(?:[\wæøåÆØÅ.\-]+s\s+|[\wæøåÆØÅ.\-]+(?:\s+[\wæøåÆØÅ.\-]+){0,2}?\s+(?:sitt|si)\s+)?"
    r"(?:enstemmig\s+|endelig\s+|endeleg\s+|fattet\s+|gjort\s+|møtets\s+|[A-ZÆØÅ]{1,5}-)?vedtak(?:et)?"
    r"(?:\s+(?:fattet|fatta|gjort)\s+av\s+[\wæøåÆØÅ\-]+(?:\s+[\wæøåÆØÅ\-]+){0,2}?)?"  # "Vedtak fattet av X"
    r"(?P<date>\s+(?:-\s*)?\d{1,2}\.\d{1,2}\.\d{2,4})?"
    # "Vedtak i saken", "Vedtak i formannskapet - 12.03.2019", "Vedtak i Helse- og omsorgsutvalet"
    r"(?:\s+i\s+[\wæøåÆØÅ\-]+(?:\s+[\wæøåÆØÅ\-]+){0,3}?(?:\s+(?:-\s*)?\d{1,2}\.\d{1,2}\.\d{2,4})?)?"
    r"(?:\s*\(enstemmig\))?|enstemmig\s+vedtatt|konklusjon(?:ar|er)?|beslutning(?:er)?|afgørelse)"
    + _OR
    + r"\s*(?::\s*(?P<rest>.*)|\.?\s*$)",
    I,
)
# The decision introduced by a sentence saying it was made: "Styret fattet enstemmig slikt
# vedtak:", "Kommunestyret gjorde følgende vedtak:", "Styret fattet følgende enstemmige vedtak".
# Its words are shared with the vote that such a sentence says when it is unanimous.
DECISION_MADE = r"(?:fattet|fatta|gjorde)"
DECISION_DETERMINER = r"(?:følgende|følgjande|fylgjande|slikt|sålydende|sålydande)"
UNANIMOUS_DECISION_WORD = r"(?:enstemmige?|einstemmige?|samrøystes)"  # "følgende enstemmige vedtak"
ADOPTED_SENTENCE = re.compile(
    rf"^(?P<label>[^:.]{{2,60}}?\s{DECISION_MADE}\s+(?:(?:enstemmig|einstemmig|samrøystes)\s+)?"
    rf"{DECISION_DETERMINER}\s+(?:{UNANIMOUS_DECISION_WORD}\s+)?vedtak)\s*(?::\s*(?P<rest>.*)|\.?\s*$)",
    I,
)
# Labels that open another part of a case and so end a decision block.
SECTION_LABEL = re.compile(
    r"^(?:vedlegg|utrykte?\s+vedlegg|trykte\s+vedlegg|bilag|bakgrunn|saksopplysninger|vurdering"
    r"|sammendrag|behandling|votering|oppfølging|ansvar(?:lig)?|frist|saksbehandler|dokumenter"
    r"|referanser?|økonomi|konsekvenser|drøfting|diskusjon|innledning|merknad(?:er)?|til|fra"
    r"|kopi|arkivsak|saksgang|sakens\s+bakgrunn|saksframstilling|videre\s+plan|orientering|møtebehandling"
    r"|handsaming|røysting|saksdokument(?:er)?|saksframlegg|saksutredning|saksutgreiing|bakgrunn\s+for\s+saka"
    r"|behandling\s+av\s+saken|vurdering\s+og\s+konklusjon|utskrift\s+til)"
    r"(?:\s+\d+)?\s*:",
    I,
)

# --- attendance ------------------------------------------------------------------------
# Checked in this order: "Tilstede på sak" is a guest list, "Forfall faste deltakere" absences.
ATTENDANCE_LABELS: list[tuple[str, re.Pattern[str]]] = [
    (
        "guest",
        re.compile(
            r"\b(?:på|under|i|for)\s+sak|\bgjest|\binnleder|\binviterte?\b|\bforedragsholder"
            r"|\bdeltok\s+på(?!\s+(?:teams|video|nett|telefon|skype|zoom|lync|møtet)\b)"
            r"|\bpresentasjon\s+ved|\btil\s*stede\s+under|\bandre\s+(?:til\s*stede|deltakere|deltagere|møtende|møtande|møtte)"
            r"|\bdessu?t[ae]n\s+møtte|\bi\s+tillegg\s+(?:møtte|deltok)|^andre$|^elles\s+møtte|^i\s+tillegg$",
            I,
        ),
    ),
    (
        "absent",
        re.compile(
            r"\bforfall|\bfravær|\bfråvær|\bikke\s+(?:til\s*stede|møtt|møtende|tilstede)|\bikkje\s+(?:til\s*stades|møtt)"
            r"|\bmøtte\s+ikkje|\bmøtte\s+ikke|\bfrafall|\bfråfall|\bafbud|\bforhindret|\bmeldt\s+fravær|\bfraværende"
            r"|\bfråverande|\bdeltok\s+ikk(?:e|je)\b",
            I,
        ),
    ),
    # A user or youth council's representatives at a board's meeting: "Fra brukerutvalget møtte".
    (
        "observer",
        re.compile(
            r"\bobservatør|^(?:fra|frå)\s+(?!adm|sekretariat)[\wæøå]*(?:utvalget|utvalet|utvalg|rådet|råd)\b"
            r"|\bbruker\w*utval|\bbrukar\w*utval|\bungdomsråd|\beldreråd|\bmed\s+møte-?\s+og\s+talerett",
            I,
        ),
    ),
    (
        "secretariat",
        re.compile(r"sekretariat|administrasjon|\bsekretær(?!e)|\badm\b\.?|\brådm[ae]nn|\bkommunedirektør", I),
    ),
    # Anchored: "Nye medlemmer:" introduces a remark, not a list of those present.
    (
        "present",
        re.compile(
            r"^(?:(?:følgende|følgjande|fylgjande|desse|disse)\s+)?(?:faste\s+|møtende\s+|møtande\s+|øvrige\s+|ordinære\s+)?"
            r"(?:til\s*stede|tilstede|til\s*stades|tilstades|møtt|møtte|fremmøtte|frammøtte|tilstedeværende|deltok"
            r"|deltakere|deltagere|deltakarar|deltagarar|deltaker|[a-zæøå]*medlemm?(?:er|ene)|varamedl\.?"
            r"|vara(?:menn|folk|representant(?:er|ar|ane|ene))|vara|mødt"
            r"|møtende(?:\s+medlemm?er)?|møtande(?:\s+medlemm?er)?|representanter|representantar|oppmøte|frammøte)\b"
            r"|\b(?:var|er)\s+til\s*(?:stede|stades)\b"
            r"|^(?:fra|frå)\s+styret\b",  # a board's minutes: "Fra styret: A, B"
            I,
        ),
    ),
]
_CHAIR_WORD = (
    r"(?:møteleder|møteleiar|møteledelse|møteleiing|ordstyrer|ordstyrar|leder\s+av\s+møtet|leiar\s+av\s+møtet"
    r"|mødeleder|dirigent|leder|leiar)"
)
_TAKER_WORD = (
    r"(?:referent|referenter|protokollfører|protokollførar|referat\s+(?:skrevet\s+|skrive\s+|ført\s+)?(?:av|ved)"
    r"|ført\s+i\s+pennen\s+av|ref\.?|sekretær|møtesekretær|referatfører|skrivar|referatskrivar)"
)
# Two offices joined: "Møteleder/ordstyrer", "Referent og sekretær", "Sekretariat/referent".
_JOINED = r"(?:\s*/\s*|\s+og\s+)"
CHAIR_LABEL = re.compile(
    rf"^(?:{_CHAIR_WORD}(?:{_JOINED}{_CHAIR_WORD})*|møtet\s+(?:ble|blei|vart)\s+(?:styrt|leia|leidd|ledet|leda)\s+av)$",
    I,
)
MINUTE_TAKER_LABEL = re.compile(rf"^(?:sekretariat(?:et)?{_JOINED})?{_TAKER_WORD}(?:{_JOINED}{_TAKER_WORD})*$", I)
# Sentences naming who led the meeting and who wrote the minutes.
# The sentences that name the chair and the minute-taker, each in its forms, and with each form
# a phrase every match of it holds. They are searched in a whole document's text, where the
# name-first forms are tried at every line's start: a text without a form's phrase is passed
# over at a fraction of that cost. The form found first in the text counts (at one place, the
# one listed first); each names the person in its group "name".
_SENTENCE_NAME = r"(?P<name>[^.,;()]+)"
_NAME_FIRST = r"(?:(?m:^)|(?<=[.!?]\s))(?P<name>(?:[\wæøåÆØÅ.\-]+[ \t]+){1,5}?)"
CHAIR_SENTENCES = (
    (
        re.compile(r"møtet\s+(?:ble|vart|blei)", I),
        re.compile(r"\bmøtet\s+(?:ble|vart|blei)\s+(?:ledet|leia|leidd|leda|satt|sett)\s+av\s+" + _SENTENCE_NAME, I),
    ),
    (re.compile(r"møteleder|møteleiar", I), re.compile(r"\b(?:møteleder|møteleiar)\s+var\s+" + _SENTENCE_NAME, I)),
    # "Ordfører Ola Nes ledet møtet", "Leiar Kari Mo leia møtet": a name (an office before it) first
    (
        re.compile(r"(?:ledet|ledde|leia|leidde|leda)\s+møtet", I),
        re.compile(_NAME_FIRST + r"(?:ledet|ledde|leia|leidde|leda)\s+møtet\b", I),
    ),
)
MINUTE_TAKER_SENTENCES = (
    (
        re.compile(r"skrevet|skrive|ført|førd", I),
        re.compile(
            r"\b(?:referat|protokoll)(?:et|en)?\s+(?:ble\s+|vart\s+|blei\s+|er\s+)?(?:skrevet|skrive|ført|førd)"
            r"(?:\s+i\s+pennen)?\s+av\s+" + _SENTENCE_NAME,
            I,
        ),
    ),
    (
        re.compile(r"(?:referent|sekretær|protokollfører|protokollførar)\s+var", I),
        re.compile(r"\b(?:referent|sekretær|møtesekretær|protokollfører|protokollførar)\s+var\s+" + _SENTENCE_NAME, I),
    ),
    # "Kari Holm førte referatet": the name first
    (
        re.compile(r"(?:førte|skrev|skreiv)\s+(?:referat|protokoll)", I),
        re.compile(_NAME_FIRST + r"(?:førte|skrev|skreiv)\s+(?:referat|protokoll)(?:et|en)?\b", I),
    ),
)
# Markers printed after a name in an attendee list.
CHAIR_MARKER = re.compile(r"\((?:møte)?le(?:d|i)[ae]r\)|\bmøteleder\b|\bmøteleiar\b|(?:^|,\s*)le(?:d|i)[ae]r\s*$", I)
MINUTE_TAKER_MARKER = re.compile(r"\(referent\)|\breferent\b|\(møtesekretær\)|\(sekretær\)", I)
# The mayor chairs the council and its executive committee: with no chair printed, the one
# member whose function is "Ordfører" led the meeting.
CHAIRING_ROLE = re.compile(r"^(?:ordfører|ordførar)$", I)

# Words for a person's office or title, printed before a name ("Rådmann Ola Nordmann",
# "Økonomisjef Tormod Gilberg", "Adm. direktør Arne Flaat"): they are not part of the name.
ROLE_WORD = re.compile(
    r"^(?:adm\.?|ass\.?|kst\.?|konst\.?|fung\.?|administrerende|viseadministrerende|assisterende|konstituert"
    r"|fungerende|[\wæøå.\-]*(?:direktør|sjef|leder|leiar|rådgiver|rådgjevar|sekretær|konsulent|rådmann|rådmenn"
    r"|ordfører|ordførar|medlem|representant|nestleder|nestleiar|controller|revisor|jurist|overlege|koordinator"
    r"|saksbehandler|sakshandsamar|økonom|assistent|planlegger|ingeniør|arkitekt|formann|formand|president|referent"
    r"|tillitsvalgt|verneombud|kommuneoverlege|kommunelege|bibliotekar|lærer|rektor|prest|helsesøster"
    r"|sykepleier|sjukepleiar|ansvarlig|ansvarleg|inspektør|forvalter|forvaltar|konservator|kommunalsjef))$",
    I,
)


@lru_cache(maxsize=1 << 14)
def is_role_word(word: str) -> bool:
    """Whether ROLE_WORD matches: asked of every word of every attendee line, by several rules,
    and the same few hundred words recur; the pattern tries dozens of endings on each."""
    return ROLE_WORD.match(word) is not None


# The national parties' codes, alone or joined ("AP/SP", "Ap", "KrF"): an organisation's letters
# ("UNN", "KS") printed in the same place are not a party.
_NATIONAL = r"(?:ap|a|h|frp|sp|sv|krf|v|mdg|r|rødt|raudt|pp|kp|inp|fnb|dem|uavh\.?|tvf|ffp)"
NATIONAL_PARTY = re.compile(rf"^{_NATIONAL}(?:\s*/\s*{_NATIONAL})*$", I)
# A party's name heading its members within a list of those present ("DET NORSKE ARBEIDERPARTI",
# "HØGRE", "KRISTELEG FOLKEPARTI").
PARTY_NAME = re.compile(
    r"parti(?:et)?\b|^(?:høyre|høgre|venstre|rødt|raudt|miljøpartiet\s+de\s+grønne|.*\bliste)$",
    I,
)
# An administration's offices: a role group under one of these is the secretariat.
ADMINISTRATION_ROLE = re.compile(r"rådm[ae]nn|kommunedirektør|administrasjon|\badm\b|sekretariat|sekretær", I)
# Columns of an attendance table's header row (compared squashed: no spaces, dots, dashes).
ATTENDANCE_COLUMNS = {
    "name": re.compile(
        r"^(?:navn|namn|medlem|medlemm?er|representant|representanter|deltaker|deltakere|møtedeltakere|møtedeltakarar"
        r"|deltakarar)$",
        I,
    ),
    "for": re.compile(r"^(?:møttefor|møttfor|møterfor|varafor|møttefør|for|stedfortrederfor)$", I),
    "substitute": re.compile(
        r"^(?:vara|varamedlem|varamedl|vararepresentant|varamann|varamøtte|møttevara|varasommøtte|stedfortreder)$", I
    ),
    "party": re.compile(
        r"^(?:parti|partiliste|liste|gruppe|parti/liste|repr|representerer|org|organisasjon|virksomhet|enhet"
        r"|kommune|instans|frå|fra)$",
        I,
    ),
    "role": re.compile(r"^(?:funksjon|verv|rolle)$", I),
    "position": re.compile(r"^(?:stilling|tittel)$", I),
    "present": re.compile(r"^(?:møter|møtt|møtte|tilstede|tilstades|frammøtt|oppmøte)$", I),
    "remark": re.compile(r"^(?:merknad|merknader|anmerkning|kommentar|fravær|fråvær)$", I),
}
# A cell or remark saying a member did not meet.
ABSENT_REMARK = re.compile(r"^(?:forfall|meldt\s+forfall|ikke\s+møtt|ikkje\s+møtt|fravær|fråvær|permisjon|nei)\b", I)
# "Frida hadde meldt forfall": a sentence after an inline list of those present.
ABSENT_SENTENCE = re.compile(
    r"^(?P<names>.+?)\s+(?:hadde|har|hade|hadde\s+også|har\s+også)\s+(?:meldt\s+|meldt\s+inn\s+)?"
    r"(?:forfall|fråfall|fravær|fråvær)\b",
    I,
)
# "Ove Morten Haugan møtte som vara", "vara for: Lizzie …": substitutes in a remark.
SUBSTITUTE_REMARK = re.compile(r"^(?P<name>.+?)\s+(?:møtte|møter|møtt)\s+som\s+(?:vara(?:medlem|representant)?)\b", I)

# Abbreviations of the partnership's bodies, written out as the archive names them.
BODY_ABBREVIATIONS = {
    "SSU": "Strategisk samarbeidsutvalg",
    "FLR": "Fastlegerådet",
    "ORU": "Overordnet revisjonsutvalg",
    "OSU": "Overordnet samarbeidsutvalg",
    "PKO": "Praksiskonsulentordningen",
}
# "Faglig samarbeidsutvalg for X" is written "FSU X" in the archive.
FSU_LONG = re.compile(r"^(?:faglige?|faglig)\s+samarbeidsutvalg\s+(?:\(fsu\)\s+)?(?:for\s+)?", I)
