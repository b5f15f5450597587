"""Rules over redacted sentences: the meeting's purpose, decisions, action items with their
owners, open questions, and topic phrases.

The rules read `Sentence.rules_text`: lower case, contractions expanded ("we'll" → "we
will"), redactions kept verbatim, so ``[PERSON_2] will send the contract`` names its owner
as ``[PERSON_2]``. Each finder returns `Found` items in meeting order with the word the rule
fired on, so an excerpt can keep it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from .summary_text import STOP_WORDS, Sentence, core, stem
from .types import Topic

TAG = r"(?:\[[A-Z][A-Z0-9_]*\]|█+)"
_TAG = re.compile(rf"^{TAG}$")
_DEADLINE = re.compile(
    r"\b(?:by|before|until|till|for|ahead of|no later than) (?:the )?(?:end of|next|this|tomorrow|today|tonight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|eod|midday|\d)|"
    r"\b(?:tomorrow|tonight|next week|this week|next meeting|next call|following meeting|end of (?:the )?(?:day|week|month))\b|"
    r"\[DATE_TIME(?:_\d+)?\]")
_NEGATED = re.compile(r"\b(?:not|never|yet to|undecided|if)\b(?: \w+){0,2} (?:agreed|decided|settled|agree|decide)\b")

# Decisions: something agreed, decided or chosen, said as done.
_DECIDED = [re.compile(p) for p in (
    rf"\b(?:we|i|they|you|everyone|everybody|team|all|{TAG}) (?:have |has |had |all |both )*"
    r"(?:agreed|decided|settled on|chose|chosen|opted|voted)\b",
    r"\b(?:it|that|this) (?:is|was|has been) (?:now )?(?:decided|agreed|settled|final|approved|confirmed)\b",
    r"\bdecision (?:is|was) (?:to|that)\b",
    r"^(?:decision|decided|agreed|resolved|conclusion)\b",
    r"\blet us (?:go with|go ahead with|stick with|stay with|keep|pick|choose|move forward with|drop|cut|switch to|"
    r"settle on|lock in|use)\b",
    r"\bwe (?:will|are going to|are) (?:go|going) (?:ahead )?with\b",
    r"\b(?:the )?plan is (?:to|that)\b",
)]
# A short reply that agrees with the proposal just before it.
_AGREES = re.compile(
    rf"^(?:{TAG},? )?(?:(?:yes|yeah|yep|okay|ok|sure|right|great|good|absolutely|definitely|totally) )*(?:i |we )?"
    r"(?:totally |fully |completely |all )?(?:agree|agreed|sounds good|sounds great|that works|works for me|deal|"
    r"let us do (?:that|it|this)|let us go with (?:that|it|this)|good idea|great idea|fair enough|makes sense|"
    r"that is fine|fine by me|go for it|do it|done)\b")
_PROPOSES = re.compile(
    r"\b(?:should|let us|what if|how about|why not|why do not we|i (?:think|suggest|propose|would say)|we could|"
    r"maybe we|could we|shall we)\b")
_SUGGESTS = re.compile(r"\b(?:what if|how about|why not|why do not we|shall we|could we)\b")

# Action items.
_EXPLICIT = re.compile(r"^(?:action items?|to ?do|todo|next steps?|follow[- ]up)\b")
_COMMITS = re.compile(
    rf"(?:^|(?<= ))(?P<subj>{TAG}|[a-z]+)(?: and (?:i|me|{TAG}|[a-z]+))? "
    r"(?P<modal>will|shall|(?:is|are|am) going to|needs? to|has to|have to|must|can|could)"
    r"(?P<after> .*)$")
_REQUESTS = re.compile(r"(?:^|(?<= ))(?:can|could|would|will) you(?P<after> .*)$|^please(?P<after2> .*)$|"
                       r"(?:^|(?<= ))(?:make sure|do not forget|remember) to(?P<after3> .*)$")
_MINUTES = re.compile(rf"^(?P<subj>{TAG}) to(?P<after> .*)$")
_SKIP = frozenset("also just then still probably definitely actually all now quickly first really maybe "
                  "please both each try to be".split())
_WEAK = frozenset("be see say guess think know mean bet need want like love wonder have do get go come "
                  "draw use put start stop wait talk".split())
_WORK = frozenset("""
send email e-mail mail call phone ring book schedule reschedule arrange organise organize prepare draft write
review check research investigate update share circulate forward fix finish complete submit file order buy
purchase contact ask confirm finalise finalize test deploy build implement work present report bring handle
chase compile collect summarise summarize document coordinate invite reserve pay sign print post upload ship
deliver translate hire interview measure estimate price create plan analyse analyze study explore install
refund renew notify remind inform tell sync record double-check clean type merge release
""".split())
_PARTICLES = {"look": ("into", "at", "over", "up"), "find": ("out",), "follow": ("up",), "reach": ("out",),
              "get": ("back", "in touch"), "put": ("together",), "sort": ("out",), "take": ("care", "over", "a look"),
              "pick": ("up",), "let": ("you know", "us know", "them know", "everyone know", "everybody know"),
              "figure": ("out",), "set": ("up",), "double": ("check",), "loop": ("in",), "come": ("up with",),
              "talk": ("to", "with"), "go": ("through", "over")}
_ADVERBS = frozenset("more further closely carefully properly again quickly also".split())
_ANAPHORA = frozenset("it that them this those".split())
_NOT_SUBJECTS = frozenset("it that this there which what who whether if when where how why".split())
_CONDITIONAL = frozenset("if whether when unless".split())

# Open questions, and replies that leave a question open.
_DEFERS = re.compile(
    r"\b(?:we (?:will|would) have to (?:see|check|find out|decide|figure out)|still (?:need|have) to "
    r"(?:decide|figure out|find out|work out|agree)|(?:need|have) to decide|to be (?:decided|determined|confirmed)|"
    r"tbd|not (?:sure|decided) yet|(?:have|has) not (?:yet )?(?:decided|agreed|settled)|"
    r"open question|something (?:we|to) (?:could |should |can |will |need to |have to )?(?:decide|think about|discuss)|"
    r"(?:decide|discuss|get to|come back to|revisit) (?:that|this|it) (?:later|next time)|good question|"
    r"park (?:that|this))\b|^(?:maybe|possibly|perhaps|not sure|i am not sure|i do not know|no idea|it depends|"
    r"depends|hard to say)$")
_CLARIFIES = re.compile(r"\b(?:stand for|mean by|what do you mean|sorry|say that again|repeat that|pardon|"
                        r"come again|what was the word|is that what you mean|what is your name)\b")
_WE_ASK = re.compile(r"\b(?:should|do|will|can|could|would|shall|are|have|did) we\b|\bwho (?:will|is going to|can)\b|"
                     r"\bhow (?:much|many|long|do we|will|should|can)\b|\bwhen (?:will|do|should|can|are)\b|"
                     r"\b(?:which|what) (?:one|option|version|vendor|date|price)\b")
_PURPOSE = [(re.compile(p), score) for p, score in (
    (r"\b(?:our|the|my|main) (?:aim|goal|objective|purpose|task|mission|job)s? (?:for today |today |here )?"
     r"(?:is|are) (?:to|that)\b", 3),
    (r"\bpurpose of (?:this|the|today|today is) (?:meeting|call|session)\b", 3),
    (r"\bwe are (?:here|meeting|gathered) (?:today )?to\b", 3),
    (r"\b(?:this|today is|the) (?:meeting|call|session) is (?:about|to|for)\b", 2),
    (r"\bkick ?off (?:meeting|call)\b", 2),
    (r"\b(?:agenda|today we will|today we are going to)\b", 1),
)]


@dataclass(frozen=True)
class Found:
    """A sentence a rule picked, the word index (into `Sentence.words`) it fired on, and an owner."""

    sentence: Sentence
    focus: int = 0
    owner: str | None = None
    score: float = 0.0


def _focus(sentence: Sentence, match: re.Match) -> int:
    """The display word where a match on `rules_text` starts."""
    index = sentence.rules_text[:match.start()].count(" ")
    return sentence.origin[min(index, len(sentence.origin) - 1)]


def purpose(sentences: Sequence[Sentence], limit: int = 2) -> list[Found]:
    """What the meeting is for: "our aim is to …", "the purpose of this meeting …", in the first half."""
    if not sentences:
        return []
    half = sentences[0].start + (sentences[-1].end - sentences[0].start) / 2
    found = []
    for s in sentences:
        score = max((score for pattern, score in _PURPOSE if pattern.search(s.rules_text)), default=0)
        if score >= 2 and s.start <= half and not s.question:
            found.append(Found(s, score=score))
    best = sorted(found, key=lambda f: (-f.score, f.sentence.index))[:limit]
    return sorted(best, key=lambda f: f.sentence.index)


def decisions(sentences: Sequence[Sentence]) -> list[Found]:
    """Things decided: "we agreed …", "let's go with …", or a proposal someone agrees to right after."""
    found: dict[int, Found] = {}
    for n, s in enumerate(sentences):
        text = s.rules_text
        if _NEGATED.search(text):
            continue
        agrees = _AGREES.match(text)
        if agrees and len(text[agrees.end():].split()) <= 3:  # "Agreed, that makes sense." but not "We agreed to …"
            proposal = _proposal_before(sentences, n)
            if proposal is not None and proposal.index not in found:
                found[proposal.index] = Found(proposal, score=1)
            continue
        match = next((m for p in _DECIDED if (m := p.search(text))), None)
        if match and not s.question and len(s.terms) >= 2:
            found[s.index] = Found(s, _focus(s, match), score=2)
    return [found[i] for i in sorted(found)]


def _proposal_before(sentences: Sequence[Sentence], n: int) -> Sentence | None:
    """The substantive proposal (within three sentences and 20 s) that sentence n agrees to."""
    reply = sentences[n]
    for s in reversed(sentences[max(0, n - 3):n]):
        if reply.start - s.end > 20:
            return None
        if len(s.rules) >= 6 and s.terms and (reply.speaker is None or s.speaker != reply.speaker) and proposes(s):
            return s
    return None


def suggests(sentence: Sentence) -> bool:
    """Whether a question is really a suggestion: "what if …", "how about …", "why don't we …"."""
    return bool(_SUGGESTS.search(sentence.rules_text))


def proposes(sentence: Sentence) -> bool:
    """Whether a sentence puts something forward: "we should …", "what if …", "let's …"."""
    return bool(_PROPOSES.search(sentence.rules_text))


def _verb(after: str) -> tuple[str, str]:
    """The main verb after a modal ("will probably send it" → "send") and the words after it."""
    words = after.split()
    while words and words[0] in _SKIP:
        words.pop(0)
    if not words:
        return "", ""
    verb = words[0]
    if verb.endswith("ing") and len(verb) > 5:  # "be working on" → "work"
        base = verb[:-3]
        verb = base[:-1] if len(base) > 2 and base[-1] == base[-2] else base
        verb = verb if verb in _WORK or verb in _PARTICLES else verb + "e"
    return verb, " ".join(words[1:])


def _work(verb: str, rest: str) -> bool:
    """Whether a verb (with the words after it) is a piece of work: "send", "look into", "find out"."""
    if verb in _PARTICLES:
        words = rest.split()
        while words and words[0] in _ADVERBS:
            words.pop(0)
        return any(" ".join(words).startswith(p) for p in _PARTICLES[verb])
    return verb in _WORK


def _owner(sentence: Sentence, subject: str | None) -> str | None:
    """Who the action belongs to: a redaction or a capitalised name as subject, or the speaker for "I"."""
    if subject is None:
        return None
    if _TAG.match(subject):
        return subject
    if subject == "i":
        return sentence.speaker
    if subject in STOP_WORDS:
        return None
    shown = [w.strip(".,;:!?") for w in sentence.words if core(w) == subject]
    return shown[0] if shown and shown[0][:1].isupper() and not shown[0].isupper() else None


def _vocative(sentence: Sentence) -> str | None:
    """A redacted name addressed at the start ("[PERSON], can you …") or end ("…, [PERSON]?")."""
    words, flags = sentence.words, sentence.redacted
    if len(words) > 2 and flags[0] and words[1] in (",", ":"):
        return words[0]
    if len(words) > 2 and flags[-1] and words[-2].endswith(","):
        return words[-1].rstrip("?.!")
    if len(words) > 2 and flags[-2] and words[-3].endswith(",") and not core(words[-1]):
        return words[-2]
    return None


def _search_all(pattern: re.Pattern, text: str):
    """Every match of `pattern`, overlapping ones included (each starts one character later)."""
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        yield match
        pos = match.start() + 1


def action(sentence: Sentence) -> Found | None:
    """An action item if the sentence commits someone to work ("[PERSON_2] will send …", "can you … by").

    A commitment counts when its verb is work ("send", "look into"), or when it has a
    deadline or a named owner; "we can/could …" only with both work and a deadline.
    """
    text = sentence.rules_text
    if _EXPLICIT.match(text):
        tags = [w for w, r in zip(sentence.words, sentence.redacted) if r]
        return Found(sentence, 0, tags[0].rstrip(".,;:") if tags else None, score=3)
    deadline = bool(_DEADLINE.search(text))
    for pattern in (_MINUTES, _REQUESTS, _COMMITS):
        for match in _search_all(pattern, text):
            groups = match.groupdict()
            after = next(groups[k] for k in ("after", "after2", "after3") if groups.get(k) is not None)
            subject = groups.get("subj")
            requested = pattern is _REQUESTS
            before = text[:match.start()].split()[-1:]
            if (subject in _NOT_SUBJECTS or set(before) & _CONDITIONAL
                    or (sentence.question and not requested)):
                continue
            verb, rest = _verb(after)
            work = _work(verb, rest)
            if not verb or verb == "not" or (verb in _WEAK and not work):
                continue
            owner = _vocative(sentence) if requested else _owner(sentence, subject)
            named = subject not in (None, "i") and owner is not None
            hedged = groups.get("modal") in ("can", "could")
            if (work and deadline) if hedged else (work or deadline or named):
                return Found(sentence, _focus(sentence, match), owner, score=2 + deadline)
    return None


def actions(sentences: Sequence[Sentence]) -> list[Found]:
    """Every sentence that is an action item, in meeting order.

    A request taken up right after ("Could you send me the budget?" "I'll send it tonight.")
    is one item: the request, owned by whoever took it up.
    """
    found: list[Found] = []
    for s in sentences:
        item = action(s)
        if item is None:
            continue
        if found and _takes_up(found[-1], item):
            found[-1] = Found(found[-1].sentence, found[-1].focus, found[-1].owner or item.owner, found[-1].score)
            continue
        found.append(item)
    return found


def _takes_up(request: Found, reply: Found) -> bool:
    """Whether `reply` accepts `request`: said just after, by someone else, about "it"/"that"."""
    asked, answer = request.sentence, reply.sentence
    return (_REQUESTS.search(asked.rules_text) is not None and answer.index - asked.index <= 2
            and answer.start - asked.end < 30 and (answer.speaker is None or answer.speaker != asked.speaker)
            and bool(_ANAPHORA & set(answer.rules)) and len(answer.terms) <= 3)


def open_questions(sentences: Sequence[Sentence], limit: int = 3) -> list[Found]:
    """Questions left open: a question answered with "we'll have to see" or "let's decide later",
    or a statement that something is still to be decided."""
    scores: dict[int, float] = {}
    for n, s in enumerate(sentences):
        if not _DEFERS.search(s.rules_text):
            continue
        own_subject = len(s.terms) >= 2 and not _ANAPHORA & set(s.rules)  # "we haven't decided on the logo"
        asked = None if own_subject else next((q for q in reversed(sentences[max(0, n - 3):n])
                      if q.question and s.start - q.end < 30 and len(q.terms) >= 2
                      and not _CLARIFIES.search(q.rules_text)), None)
        if asked is not None:
            scores[asked.index] = 2 + bool(_WE_ASK.search(asked.rules_text)) + min(len(asked.terms), 6) / 6
        elif len(s.terms) >= 2:
            scores.setdefault(s.index, 1 + min(len(s.terms), 6) / 6)
    chosen = sorted(scores, key=lambda i: (-round(scores[i], 6), i))[:limit]
    return [Found(sentences[i], score=scores[i]) for i in sorted(chosen)]


def topics(sentences: Sequence[Sentence], limit: int = 8) -> list[Topic]:
    """Key phrases: runs of up to three content words that recur, longer phrases preferred."""
    counts: Counter[tuple[str, ...]] = Counter()
    first: dict[tuple[str, ...], float] = {}
    shown: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for s in sentences:
        for run in _runs(s):
            for size in (1, 2, 3):
                for i in range(len(run) - size + 1):
                    gram = run[i:i + size]
                    key = tuple(root for root, _ in gram)
                    counts[key] += 1
                    first.setdefault(key, s.start)
                    shown[key][" ".join(word for _, word in gram)] += 1
    candidates = [k for k, c in counts.items() if c >= (2 if len(k) > 1 else 3) and len(set(k)) == len(k)]
    score = {k: counts[k] * (1 + 0.6 * (len(k) - 1)) for k in candidates}
    chosen: list[tuple[str, ...]] = []
    for key in sorted(candidates, key=lambda k: (-score[k], k)):
        inside = [c for c in chosen if _contains(c, key) or _contains(key, c)]
        if any(counts[key] - counts[c] < 3 for c in inside if _contains(c, key)):
            continue  # "remote" is mostly "remote control"
        if inside:
            continue
        chosen.append(key)
        if len(chosen) == limit:
            break
    return [Topic(text=min(shown[k].items(), key=lambda kv: (-kv[1], kv[0]))[0], start=first[k], mentions=counts[k])
            for k in chosen]


def _runs(sentence: Sentence) -> list[list[tuple[str, str]]]:
    """Maximal runs of content words (stem, shown form), broken at stop words, redactions and punctuation."""
    runs: list[list[tuple[str, str]]] = [[]]
    for word, redacted in zip(sentence.words, sentence.redacted):
        plain = core(word)
        if redacted or not plain.isalpha() or len(plain) < 3 or plain in STOP_WORDS or plain in _TOPIC_STOP:
            runs.append([])
            continue
        runs[-1].append((stem(plain), plain))
        if word[-1:] in ",.;:?!":
            runs.append([])
    return [r for r in runs if r]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


_TOPIC_STOP = frozenset("""
going think know want need get got say said tell told thought look looks looking mean means yeah okay
gonna wanna let make made take took give gave come came put keep kept seem seems feel felt try tried
talk talking ask asked start started wait hope guess sound sounds
today tomorrow yesterday week weeks time times minute minutes second seconds day days year years
lot bit little big small new old good great nice bad best better same different next last first
meeting meetings send sent email emailed
""".split())
