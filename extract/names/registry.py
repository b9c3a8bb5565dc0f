"""Resolve printed names to people across the whole archive, the same whatever the load order.

The resolver sees every occurrence of a name at once (attendee entries, chairs, minute takers
and names mentioned in case text) and works in four steps:

1. One printed name is one person, in every committee and with every affiliation (in a regional
   archive the same full name is almost always the same person), unless there is evidence of
   two: two entries of one attendee list, a curated split naming each one's committee or
   organisation, or meetings of different committees on the same date with different known
   organisations. Then the occurrences are grouped by what they share, each group is its own
   person and the pair is put up for review.
2. Different printed names are joined by the rules of `parse` (middle names, hyphenated given
   names, spelling slips). A spelling slip needs shared context; a name that fits two
   different fuller names is ambiguous; two entries of one attendee list are two people.
   Known but different organisations in different committees do not keep them apart, but the
   merge is listed for review.
3. Curated merges and splits (`overrides`) come first and win.
4. A first name alone ("Referent: Guri") and names mentioned in case text are linked to a
   person of the same document when exactly one fits; they never create people.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extract.names.overrides import Overrides
from extract.names.parse import compatible, first_name, fold, name_key, parse_name

ROLES = ("attendee", "chair", "minute_taker", "mention")
FIRST_NAME_SCORE = 90.0

# Words of an affiliation that say what someone does, not where: they are no evidence.
_ORG_STOP = {
    "og", "i", "for", "ved", "pa", "av", "til", "fra", "med", "the", "kommune", "kommunene", "avdeling", "avd",
    "seksjon", "leder", "lederstotte", "radgiver", "representant", "repr", "brukerrepr", "klinikk", "senter",
    "fastlege", "fastlegerepr", "overlege", "lege", "sykepleier", "koordinator", "sjef", "direktor",
    "kommuneoverlege", "avdelingsleder", "seksjonsleder", "enhetsleder", "tjenesteleder", "konst", "kst",
    "medlem", "vara", "sekretariatet", "sekretariat", "helse", "omsorg", "tjeneste", "tjenester",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Occurrence:
    name: str  # as printed
    document: str  # a key of the document the name stands in
    body: str | None = None  # the committee
    date: str | None = None
    affiliation: str | None = None
    role: str = "attendee"  # one of ROLES
    case: str | None = None  # for a mention: the case it stands in


@dataclass(slots=True)
class Person:
    id: str
    name: str
    variants: Counter[str] = field(default_factory=Counter)
    first_seen: str | None = None
    last_seen: str | None = None
    bodies: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Merge:
    person: str
    a: str
    b: str
    rule: str
    score: float


@dataclass(frozen=True, slots=True)
class ReviewItem:
    a: str
    b: str
    reason: str
    evidence: str
    persons: tuple[str | None, str | None] = (None, None)


@dataclass(slots=True)
class Resolution:
    person_of: list[str | None]  # parallel to the occurrences
    how: list[tuple[str, float] | None]  # rule and score that linked each occurrence
    people: dict[str, Person]
    merges: list[Merge]
    review: list[ReviewItem]


def org_tokens(affiliation: str | None) -> frozenset[str]:
    if not affiliation:
        return frozenset()
    words = (fold(w) for w in re.findall(r"[^\W\d_]+", affiliation))
    return frozenset(w for w in words if len(w) >= 3 and w not in _ORG_STOP)


@dataclass(slots=True)
class _Entity:
    """All occurrences of one printed name (up to case and accents) that are one person."""

    key: str
    members: list[int]
    names: Counter[str] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)  # documents where the name is an attendee entry
    bodies: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return min(self.names, key=lambda n: (-self.names[n], -len(n), n))

    def add(self, i: int, occ: Occurrence) -> None:
        self.members.append(i)
        self.names[occ.name] += 1
        self.docs.add(occ.document)
        if occ.role == "attendee":
            self.listed.add(occ.document)
        if occ.body:
            self.bodies.add(occ.body)
        self.orgs |= org_tokens(occ.affiliation)
        if occ.date:
            self.years.add(occ.date[:4])

    def evidence(self) -> str:
        parts = [f"{self.name}: committees {sorted(self.bodies) or '-'}"]
        parts.append(f"organisations {sorted(self.orgs) or '-'}")
        parts.append(f"years {sorted(self.years) or '-'}")
        return ", ".join(parts)


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            ra, rb = min(ra, rb), max(ra, rb)  # the smaller root wins: independent of call order
            self.parent[rb] = ra
        return ra


def _shares_context(a: _Entity, b: _Entity) -> bool:
    return bool(a.docs & b.docs or a.bodies & b.bodies or a.orgs & b.orgs)


def _contradicts(a: _Entity, b: _Entity) -> bool:
    """Known, different organisations in different committees: worth a second look."""
    return bool(a.orgs and b.orgs) and not _shares_context(a, b)


_QUALIFIED = re.compile(r"^(?P<name>.+?)\s*\((?P<where>[^()]+)\)\s*$")


def qualified(name: str) -> tuple[str, str | None]:
    """ "Kari Hansen (Fastlegerådet)": a printed name and the committee or organisation it is
    printed with, as a curated split of one name into two people names them."""
    m = _QUALIFIED.match(name.strip())
    return (m.group("name").strip(), m.group("where").strip()) if m else (name.strip(), None)


def _matches(o: Occurrence, where: str) -> bool:
    folded = fold(where)
    return (o.body is not None and fold(o.body) == folded) or bool(org_tokens(where) & org_tokens(o.affiliation))


def _apart(occ: Sequence[Occurrence], idxs: list[int], places: list[str]) -> set[frozenset[int]]:
    """Pairs of occurrences of one printed name that cannot be one person, with the evidence."""
    apart: set[frozenset[int]] = set()
    listed: dict[str, list[int]] = defaultdict(list)
    for x, i in enumerate(idxs):
        if occ[i].role == "attendee":
            listed[occ[i].document].append(x)
    for xs in listed.values():  # two entries of one attendee list
        apart |= {frozenset((a, b)) for k, a in enumerate(xs) for b in xs[k + 1 :]}
    if places:  # a curated split: "Kari Hansen (Fastlegerådet)" is not "Kari Hansen (FSU barn og unge)"
        label = [next((k for k, w in enumerate(places) if _matches(occ[i], w)), None) for i in idxs]
        apart |= {
            frozenset((a, b))
            for a in range(len(idxs))
            for b in range(a + 1, len(idxs))
            if label[a] is not None and label[b] is not None and label[a] != label[b]
        }
    tokens = [org_tokens(occ[i].affiliation) for i in idxs]
    for a in range(len(idxs)):  # two meetings of different committees on one date, other organisations
        for b in range(a + 1, len(idxs)):
            oa, ob = occ[idxs[a]], occ[idxs[b]]
            if (
                oa.role == ob.role == "attendee"
                and oa.date
                and oa.date == ob.date
                and oa.body != ob.body
                and oa.document != ob.document
                and tokens[a]
                and tokens[b]
                and not tokens[a] & tokens[b]
            ):
                apart.add(frozenset((a, b)))
    return apart


def _same_name_entities(
    occ: Sequence[Occurrence], idxs: list[int], places: list[str] | None = None
) -> tuple[list[_Entity], list[tuple[int, int, str]]]:
    """Step 1: one printed name is one person unless evidence says two (see the module's doc)."""
    # A fixed order of the occurrences, so that grouping never depends on the order of loading.
    idxs = sorted(idxs, key=lambda i: (occ[i].document, occ[i].body or "", occ[i].affiliation or "", occ[i].role))
    apart = _apart(occ, idxs, places or [])
    groups: list[list[int]] = [list(range(len(idxs)))]
    if apart:
        uf = _UnionFind(len(idxs))
        tokens = [org_tokens(occ[i].affiliation) for i in idxs]
        members: dict[int, set[int]] = {x: {x} for x in range(len(idxs))}

        def joinable(x: int, y: int) -> bool:
            rx, ry = uf.find(x), uf.find(y)
            return rx != ry and not any(frozenset((a, b)) in apart for a in members[rx] for b in members[ry])

        def join(x: int, y: int) -> None:
            rx, ry = uf.find(x), uf.find(y)
            root = uf.union(x, y)
            members[root] = members.pop(rx) | members.pop(ry) if rx != ry else members[root]

        # what the occurrences share first: a document, a committee, an organisation
        for x in range(len(idxs)):
            for y in range(x + 1, len(idxs)):
                a, b = occ[idxs[x]], occ[idxs[y]]
                shared = a.document == b.document or (a.body and a.body == b.body) or tokens[x] & tokens[y]
                if shared and joinable(x, y):
                    join(x, y)
        # then the rest joins the one group it does not contradict; fitting several, it stands alone
        roots = sorted({uf.find(x) for x in range(len(idxs))}, key=lambda r: min(members[r]))
        settled: list[int] = []
        for r in roots:
            fits = [g for g in settled if joinable(g, r)]
            if len(fits) == 1 and not any(frozenset((a, b)) in apart for a in members[r] for b in members[r]):
                join(fits[0], r)
                settled = [uf.find(g) for g in settled]
            else:
                settled.append(r)
        groups = [sorted(members[uf.find(r)]) for r in dict.fromkeys(uf.find(g) for g in settled)]
    entities = []
    for group in sorted(groups):
        entity = _Entity(key=name_key(occ[idxs[group[0]]].name), members=[])
        for x in group:
            entity.add(idxs[x], occ[idxs[x]])
        entities.append(entity)
    review = [
        (x, y, "same name, but evidence of two people (one attendee list, a curated split or one date)")
        for x in range(len(entities))
        for y in range(x + 1, len(entities))
    ]
    return entities, review


def resolve(occurrences: Sequence[Occurrence], overrides: Overrides | None = None) -> Resolution:
    occ = list(occurrences)
    overrides = overrides or Overrides()
    full = [i for i, o in enumerate(occ) if o.role != "mention" and parse_name(o.name) is not None]

    # 1. entities: one printed name, split by context
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in full:
        by_key[name_key(occ[i].name)].append(i)
    places: dict[str, list[str]] = defaultdict(list)  # curated splits of one printed name by place
    for a, b in overrides.split:
        (na, wa), (nb, wb) = qualified(a), qualified(b)
        if name_key(na) == name_key(nb) and wa and wb:
            places[name_key(na)] += [w for w in (wa, wb) if w not in places[name_key(na)]]
    entities: list[_Entity] = []
    review: list[tuple[int, int, str]] = []  # pairs of entities left for a person to decide
    for key in sorted(by_key):
        found, flagged = _same_name_entities(occ, by_key[key], places.get(key))
        review.extend((len(entities) + x, len(entities) + y, reason) for x, y, reason in flagged)
        entities.extend(found)

    uf = _UnionFind(len(entities))
    listed = [set(e.listed) for e in entities]  # per root: documents where its names are list entries
    members = {n: [n] for n in range(len(entities))}  # per root: its entities
    keys = defaultdict(list)
    for n, e in enumerate(entities):
        keys[e.key].append(n)
    cannot = {
        frozenset((x, y))
        for a, b in overrides.split
        for x in keys.get(name_key(qualified(a)[0]), [])
        for y in keys.get(name_key(qualified(b)[0]), [])
        if x != y
    }
    merges: list[tuple[int, int, str, float]] = []

    def can_join(x: int, y: int) -> bool:
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry or listed[rx] & listed[ry]:
            return False  # already one, or two entries of one attendee list: two people
        return not cannot or not any(frozenset((a, b)) in cannot for a in members[rx] for b in members[ry])

    def join(x: int, y: int, rule: str, score: float) -> None:
        rx, ry = uf.find(x), uf.find(y)
        root = uf.union(x, y)
        other = ry if root == rx else rx
        listed[root] = listed[rx] | listed[ry]
        members[root] = members[rx] + members[ry]
        del members[other]
        merges.append((x, y, rule, score))

    # 3. curated merges first
    for a, b in overrides.merge:
        for x in keys.get(name_key(a), []):
            for y in keys.get(name_key(b), []):
                if uf.find(x) != uf.find(y):
                    join(x, y, "curated", 100.0)

    # 2. different printed names that may be one person
    candidates = _candidates(entities)
    less_complete: dict[int, set[int]] = defaultdict(set)
    for _, _, x, y in candidates:
        sx, sy = parse_name(entities[x].name).size, parse_name(entities[y].name).size
        if sx <= sy:
            less_complete[x].add(y)
        if sy <= sx:
            less_complete[y].add(x)
    ambiguous = {
        n
        for n, partners in less_complete.items()
        if any(compatible(entities[p].name, entities[q].name) is None for p in partners for q in partners if p < q)
    }
    doubtful: list[tuple[int, int, str]] = []  # merged, but with evidence against: listed for a second look
    for score, rule, x, y in candidates:
        a, b = entities[x], entities[y]
        reason = None
        if rule == "spelling" and not _shares_context(a, b):
            reason = "similar spelling, no shared document, committee or organisation"
        elif x in ambiguous or y in ambiguous:
            reason = "the shorter name fits more than one person"
        if reason:
            review.append((x, y, reason))
        elif can_join(x, y):
            join(x, y, rule, score)
            if _contradicts(a, b):
                doubtful.append((x, y, f"merged ({rule}), but different organisations in different committees"))
    review.extend(doubtful)

    return _finish(occ, entities, uf, merges, review)


def _blocks(entities: list[_Entity]) -> dict[str, set[int]]:
    """Entities by surname and by first given name: only names sharing one can fit each other."""
    blocks: dict[str, set[int]] = defaultdict(set)
    for n, e in enumerate(entities):
        parsed = parse_name(e.name)
        blocks["s:" + parsed.surname].add(n)
        blocks["g:" + parsed.given_parts[0]].add(n)
    return blocks


def _candidates(entities: list[_Entity]) -> list[tuple[float, str, int, int]]:
    """Pairs of entities whose names fit one person, best first, in a fixed order."""
    blocks = _blocks(entities)
    names = [e.name for e in entities]  # a block of a common given name pairs each entity many times
    keys = [e.key for e in entities]
    seen: set[tuple[int, int]] = set()
    found = []
    for block in sorted(blocks):
        members = sorted(blocks[block])
        for k, x in enumerate(members):
            for y in members[k + 1 :]:
                if (x, y) in seen or keys[x] == keys[y]:
                    continue
                seen.add((x, y))
                if fit := compatible(names[x], names[y]):
                    found.append((fit[1], fit[0], x, y))
    found.sort(key=lambda c: (-c[0], keys[c[2]], keys[c[3]]))
    return found


def _finish(
    occ: list[Occurrence],
    entities: list[_Entity],
    uf: _UnionFind,
    merges: list[tuple[int, int, str, float]],
    review: list[tuple[int, int, str]],
) -> Resolution:
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(entities)):
        clusters[uf.find(n)].append(n)
    people_by_root: dict[int, Person] = {}
    for root, members in clusters.items():
        names: Counter[str] = Counter()
        person = Person(id="", name="")
        for n in members:
            for i in entities[n].members:
                o = occ[i]
                names[o.name] += 1
                person.documents.add(o.document)
                if o.body:
                    person.bodies.add(o.body)
                if o.date:
                    person.first_seen = min(filter(None, (person.first_seen, o.date)))
                    person.last_seen = max(filter(None, (person.last_seen, o.date)))
        person.name = min(names, key=lambda s: (-parse_name(s).size, -names[s], s))
        person.variants = names
        people_by_root[root] = person
    # ids: the canonical name's key; people sharing it are numbered by when and where they appear
    by_id: dict[str, list[int]] = defaultdict(list)
    for root, person in people_by_root.items():
        by_id[name_key(person.name)].append(root)
    seen_as = {  # what each person was printed with, the last tie-break of their numbering
        root: sorted(
            (o.document, o.body or "", o.affiliation or "", o.role)
            for n in members
            for o in (occ[i] for i in entities[n].members)
        )
        for root, members in clusters.items()
    }
    for key, roots in by_id.items():
        roots.sort(
            key=lambda r: (
                people_by_root[r].first_seen or "9999",
                sorted(people_by_root[r].bodies),
                sorted(people_by_root[r].documents),
                seen_as[r],
            )
        )
        for k, r in enumerate(roots):
            people_by_root[r].id = key if k == 0 else f"{key}-{k + 1}"

    person_of: list[str | None] = [None] * len(occ)
    how: list[tuple[str, float] | None] = [None] * len(occ)
    joined_by: dict[int, tuple[str, float]] = {}
    for x, y, rule, score in merges:
        joined_by.setdefault(x, (rule, score))
        joined_by.setdefault(y, (rule, score))
    for n, e in enumerate(entities):
        person = people_by_root[uf.find(n)]
        rule = ("exact", 100.0) if e.key == name_key(person.name) else joined_by.get(n, ("exact", 100.0))
        for i in e.members:
            person_of[i], how[i] = person.id, rule

    linker = _Linker(entities, uf, people_by_root)
    for i, o in enumerate(occ):
        if person_of[i] is None and (found := linker.link(o)):
            person_of[i], how[i] = found

    people = {p.id: p for p in people_by_root.values()}
    merge_rows = [
        Merge(people_by_root[uf.find(x)].id, entities[x].name, entities[y].name, rule, score)
        for x, y, rule, score in merges
    ]
    items = []
    for x, y, reason in review:
        a, b = entities[x], entities[y]
        persons = (people_by_root[uf.find(x)].id, people_by_root[uf.find(y)].id)
        if persons[0] != persons[1] or reason.startswith("merged"):  # a curated merge may have settled it
            items.append(ReviewItem(a.name, b.name, reason, f"{a.evidence()} | {b.evidence()}", persons))
    items.sort(key=lambda r: (r.reason, r.a, r.b, r.persons))
    return Resolution(person_of, how, people, sorted(merge_rows, key=lambda m: (m.person, m.a, m.b)), items)


class _Linker:
    """Step 4: first names alone and names in case text, linked to people of their document."""

    def __init__(self, entities: list[_Entity], uf: _UnionFind, people_by_root: dict[int, Person]):
        self.entities, self.uf, self.people = entities, uf, people_by_root
        self.in_doc: dict[str, set[int]] = defaultdict(set)  # document → roots with a full name in it
        self.in_body: dict[str, set[int]] = defaultdict(set)
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.first_names: dict[int, set[str]] = defaultdict(set)
        self.blocks = _blocks(entities)
        for n, e in enumerate(entities):
            root = uf.find(n)
            self.by_key[e.key].add(root)
            for d in e.docs:
                self.in_doc[d].add(root)
            for b in e.bodies:
                self.in_body[b].add(root)
            for name in e.names:
                given = first_name(name)
                self.first_names[root].add(given)
                self.first_names[root].update(p for p in given.split("-") if p)

    def link(self, o: Occurrence) -> tuple[str, tuple[str, float]] | None:
        local = self.in_doc.get(o.document, set())
        if parse_name(o.name) is None:
            token = fold(o.name)
            fits = {r for r in local if token in self.first_names[r]}
            if len(fits) == 1:
                return self.people[fits.pop()].id, ("first-name-in-document", FIRST_NAME_SCORE)
            return None
        if o.role != "mention":
            return None
        # "Brukerrepresentant Ulf Bergstrøm", "Guri Lajord Møtedato": capitalised words next to a
        # name are caught with it, so shorter runs are tried too, longest first.
        words = o.name.split()
        for size in range(len(words), 1, -1):
            for start in range(len(words) - size + 1):
                if found := self._mention(" ".join(words[start : start + size]), o, local):
                    return found
        return None

    def _mention(self, name: str, o: Occurrence, local: set[int]) -> tuple[str, tuple[str, float]] | None:
        body = self.in_body.get(o.body or "", set())
        fits = _prefer(self.by_key.get(name_key(name), set()), local, body)
        if len(fits) == 1:
            return self.people[fits.pop()].id, ("exact", 100.0)
        scored: dict[int, tuple[str, float]] = {}
        parsed = parse_name(name)
        nearby = self.blocks.get("s:" + parsed.surname, set()) | self.blocks.get("g:" + parsed.given_parts[0], set())
        for n in sorted(nearby):
            fit = compatible(name, self.entities[n].name)
            root = self.uf.find(n)
            supported = fit and (fit[0] != "spelling" or root in local or root in body)
            if supported and (root not in scored or fit[1] > scored[root][1]):
                scored[root] = fit
        fits = _prefer(set(scored), local, body)
        if len(fits) == 1:
            root = fits.pop()
            return self.people[root].id, scored[root]
        return None


def _prefer(roots: set[int], *narrower: Iterable[int]) -> set[int]:
    """The candidates, narrowed to those of the same document, then committee, while any remain."""
    for scope in narrower:
        inside = roots & set(scope)
        if len(inside) == 1 or (len(roots) > 1 and inside):
            return inside
    return set(roots)
