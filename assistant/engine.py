"""The answer engine: question -> (lookup | retrieval + reasoning) -> cited `Answer`.

One object shared by `ask`, `chat` and the TUI, so every interface answers the same way. It works in
one workspace (corpus, cache, data files) and holds the conversation (assistant.dialogue) of one session;
the fact graph is loaded on first use, so a plain clause lookup never pays for it.

Each utterance is read once into a `Question` (assistant.understand.question); the route (a clause
reference, a comparison, a determination, a search) is picked from it, and every stage reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from kg.errors import PolicyKGError
from kg.models import Corpus, Document, Unit

from .citations import NO_ANSWER, citation_for, direct_answer
from .dialogue import DialogueState, Turn
from .dialogue.acts import REPLIES, act_of
from .models import Answer, Citation
from .reason.retention import TITLE as RETENTION
from .search.coverage import Judgement, fallback_notes, gather, judge, place_gaps, uncovered_text
from .understand.intent import asks_value, asks_yes_no
from .understand.question import Question, parse_question
from .workspace import Workspace

if TYPE_CHECKING:
    from kg.facts import FactSet

    from .search.retriever import Retriever, SearchResult

_REFERENCE = re.compile(r"第[一二三四五六七八九十百零〇\d]+[条章]|^[^\s]{2,12}\s*[一二三四五六七八九十]+[（(、]|附件\s*\d")
MAX_CITATIONS = 6
RELATED_SHOWN = 3  # clauses shown under 相关但不直接回答 when the documents do not answer
OTHER_CLAUSE_CONFIDENCE = 0.7
ASKED_OUTRIGHT = 3  # intent score of a question that asks for a determination in its own words (会怎么处理 + 违规)
BEGUN_COVERED_AT = 0.3  # a determination begun without a place, asked outright, needs a little less evidence
CONFIDENT = 0.8  # below this, a determination that knows nothing of the applicant is offered, not given
SHORT_REPLY = 32
COMPUTED = ("validity", "window")  # determinations that compute from a date: without one, a lookup  # an utterance this short, inside a determination and naming no other topic, continues it
COVERED_BY_ROUTE = 0.6  # a verdict decided from stated facts, or a computed date: covered, its clause not weighed  # the most a first citation other than the weighed one is shown with
ROUTE_FLOOR = 0.1  # below this, the evidence of an opening question is too thin for any route to make it covered
FORGET_PLACE = ("不限地区", "不限地方", "换个地方", "所有地区", "全部地区")
RELATIVE_FLOOR = 0.35  # citations scoring below this share of the best one are noise


class Engine:
    """Answers questions over one corpus; holds the dialogue state of one conversation."""

    def __init__(self, ws: Workspace, retriever: Retriever) -> None:
        self.ws = ws
        self.corpus: Corpus = ws.corpus
        self.retriever = retriever
        self.state: DialogueState | None = None
        self.place: str | None = None  # a jurisdiction the user chose to work in (TUI scope); None: all
        self.judged: Judgement | None = None  # the coverage of the question that opened the running determination
        self.facts_given = False  # whether the last turn stated facts of the applicant (not only a place)
        self.undecided = False  # whether the last turn's route held no rules to judge by (无法给出结论)

    @classmethod
    def open(cls, ws: Workspace, progress: Callable[[str], None] | None = None) -> Engine:
        """Load the workspace's corpus and open (or build) the index for it."""
        from .search.retriever import Retriever

        return cls(ws, Retriever.open(ws, progress=progress))

    @property
    def facts(self) -> FactSet:
        """The fact set of the corpus (extracted and cached on first use)."""
        return self.ws.facts

    def read(self, text: str) -> Question:
        """The utterance read once; a question naming no place takes the chosen jurisdiction (TUI scope),
        unless it is a short reply inside a conversation that already has its place."""
        replying = self.state is not None and bool(self.state.determination) and len(text) <= 16
        fallback = None
        places = self.ws.places
        if self.place and not replying:
            fallback = places.scope_of(places.scope(self.place).jurisdictions or [self.place], "chosen")
        elif self.state is not None and self.state.determination and self.state.profile.jurisdictions:
            fallback = places.scope_of(list(self.state.profile.jurisdictions), "remembered")
        return parse_question(text, self.ws.places, fallback)

    def lookup(self, ref: str) -> Document | Unit:
        """Resolve a `show`-style reference (宿迁 第九条)."""
        from kg.resolve import resolve

        return resolve(self.corpus, ref)

    def reset(self) -> None:
        """Forget the conversation."""
        self.state = None
        self.judged = None

    def ask(self, question: str, today: date | None = None, as_of: date | None = None) -> Answer:
        """Answer one question (or one turn of a conversation); with `as_of`, only from documents in force that day."""
        answer = self._ask(question, today)
        return self._in_force(answer, as_of) if as_of else answer

    def _in_force(self, answer: Answer, day: date) -> Answer:
        """Drop citations of documents not in force on a day, and say so."""
        from kg.temporal import in_force

        ok, notes = in_force(self.corpus, day)
        dropped = {c.doc_id for c in answer.citations if c.doc_id not in ok}
        answer.citations = [c for c in answer.citations if c.doc_id in ok]
        answer.notes += [n for n in notes if any(self.corpus.doc(d).meta.title in n for d in dropped)]
        answer.notes.append(f"只引用 {day.isoformat()} 当日有效的文件")
        if dropped:
            answer.answer = direct_answer(answer.citations) if answer.citations else NO_ANSWER
        return answer

    def _ask(self, raw: str, today: date | None) -> Answer:
        question = self.read(raw)
        text = question.raw
        act = act_of(text)
        if act is not None:  # greetings, thanks, closings: a short reply; the conversation's facts stay
            return Answer(question=text, intent="smalltalk", answer=REPLIES[act], notes=question.notes)
        self._forget_place(question)
        looked_up = self._try_lookup(text)
        if looked_up is not None:
            return Answer(question=text, intent="lookup", answer=f"{looked_up.label}：",
                          citations=[citation_for(self.corpus, looked_up, 1.0, [])], notes=question.notes)
        result = self.retriever.search(question, limit=MAX_CITATIONS * 2)
        citations = self._citations(result)
        answer = Answer(question=text, citations=citations, notes=question.notes + result.query.notes,
                        jurisdictions=result.jurisdictions,
                        answer=direct_answer(citations) if citations else NO_ANSWER)
        # typo repairs of three characters or more are safe hints for the intent (外部考典 -> 外部考点);
        # two-character ones are guesses (条讲 -> 条件) that would invent a topic
        ranked = [h.unit_id for h in result.hits]
        question = question.with_hints([w for w in result.query.repairs.values() if len(w) >= 3])
        evidence, gaps = gather(self.retriever, result), place_gaps(question.scope, self.ws.places)
        judged = judge(evidence, gaps)
        before, running, found = self.state, self.judged, answer
        self.facts_given = False
        matched = self._match(found.model_copy(deep=True), question, today)
        if matched is not None and _hollow(judged):  # 沭阳哪里可以报名考养老护理员证: not the organisations' places
            self.state = before
            return self._uncovered(found, question, judged)
        if matched is not None:  # "在哪些地方能申请": every place's verdict, from the places' own rules
            self.judged = None
            return self._covered(matched, Judgement(coverage="covered", confidence=COVERED_BY_ROUTE))
        answer = self._compare(found.model_copy(deep=True), question) or self._reason(
            found.model_copy(deep=True), question, today, ranked)
        if self.facts_given and judged.strangers and _bears(answer):  # the user's facts: circumstances
            judged = judge(evidence, gaps, circumstances=True)
        if self._continues(question, before, answer) and running is not None:
            judged = running  # a reply inside a determination is judged with the question that opened it
        elif self._route_fits(answer, question, judged, before is None or not before.determination):
            judged = judged if judged.coverage == "covered" else Judgement(coverage="covered", confidence=COVERED_BY_ROUTE)
        if judged.coverage != "covered":
            # no verdict is given; the conversation is left as it was, except that what the user said of the
            # organisation is kept when only the place lacks a document (成都 → "不好意思，是长春的")
            self.state = self._kept_facts(before) if judged.coverage == "partial" and question.typed_place else before
            return self._uncovered(found, question, judged)
        if self._imposed(answer, question, judged) and not self._continues(question, before, answer) \
                and not (self.facts_given and _SELF.search(question.plain)):  # 我们是行业协会，能申请…吗: its own case
            answer.verdict = None  # offered (its follow-up stays), not imposed: the text says no 结论 either
            answer.answer = _offered(found.answer, answer.follow_up, "判断")
        if self.undecided and found.citations and not asks_yes_no(question.raw) \
                and not self._continues(question, before, answer):  # whoever asks: no rules, nothing to judge
            answer.answer = found.answer  # a lookup its route cannot judge: the clause answers, no 无法给出结论
        if answer.verdict is not None and answer.verdict.status == "needs_info" and answer.intent in COMPUTED \
                and not self.facts_given and not asks_yes_no(question.raw):  # 能延长吗 asks: its 结论 stays
            # "有效期多久" asks for the rule, not a computation: the clause answers first and the computation is
            # offered, not given (no verdict, as the text says; the follow-up stays, so a date given next computes it)
            answer.verdict = None
            answer.answer = _offered(found.answer, answer.follow_up, "计算")
        self.judged = judged if answer.verdict is not None or answer.follow_up else None
        if ranked and answer.citations and answer.citations[0].unit_id != ranked[0]:
            # the evidence was weighed for the search's best clause; another clause leads (the verdict's)
            judged = judged.model_copy(update={"confidence": min(judged.confidence, OTHER_CLAUSE_CONFIDENCE)})
        return self._remembered(self._covered(answer, judged), question)

    def _kept_facts(self, before: DialogueState | None) -> DialogueState | None:
        """The conversation after a turn about a place without a document: the organisation's facts and what was
        asked are kept (a correction of the place can be judged), the place is not remembered."""
        if self.state is None:
            return before
        kept = self.state.model_copy(deep=True)
        kept.profile.jurisdictions = list(before.profile.jurisdictions) if before is not None else []
        kept.profile.registered_in_jurisdiction = before.profile.registered_in_jurisdiction if before is not None else None
        return kept

    @staticmethod
    def _imposed(answer: Answer, question: Question, judged: Judgement) -> bool:
        """A determination nobody asked for: it knows nothing of the applicant, the question asks no yes/no of a
        place it names, and the clause found leaves words of the question unsaid with middling evidence
        (评价机构要交多少费用; 南通 认定备案表要填哪些内容 — a place named does not ask for a determination)."""
        verdict = answer.verdict
        if verdict is None or verdict.status != "needs_info":
            return False
        if answer.intent not in COMPUTED and asks_value(question.raw):
            return True  # 要交哪些材料, 至少几个专职人员: a value of the rules asked, wherever and whoever asks
        if question.scope.jurisdictions and asks_yes_no(question.raw):
            return False  # 梅河口的技工学校，10月份能申报吗: a place and a yes/no ask for the place's determination
        asked = question.intents.get(answer.intent, 0) >= ASKED_OUTRIGHT
        return all(c.status == "unknown" for c in verdict.conditions) and (bool(_unsaid(judged)) or not asked) \
            and judged.confidence < CONFIDENT

    def _continues(self, question: Question, before: DialogueState | None, answer: Answer) -> bool:
        """A turn inside the running determination: a reply, a correction, the same question for another place."""
        if before is None or not before.determination:
            return False
        own = question.intent()
        return answer.intent == before.determination and (len(question.plain) <= SHORT_REPLY or own in ("lookup", own))

    def _route_fits(self, answer: Answer, question: Question, judged: Judgement, opening: bool = False) -> bool:
        """The documents hold the rules of what was asked: a comparison table, a computed due date or sanction
        ladder, a determination decided from facts the user stated, or one begun for a place that has a
        document (its follow-up asks what it needs), about something the documents regulate; help needs no
        document."""
        if answer.comparison or answer.intent == "help":
            return True
        verdict = answer.verdict
        if verdict is not None and verdict.status != "needs_info" and self.facts_given:
            # the facts stated carry words no clause uses (场地在地下室), and the user's date or count is evidence enough;
            # but a question barely touching the documents, naming no role, about a place without a document is not
            # made covered by a fact said in passing (上海二级建造师报名时间: 二级 is a level)
            gap = _barely(judged) and bool(place_gaps(question.scope, self.ws.places))
            return not (opening and (bool(judged.beyond) or gap))
        if answer.computed and "due" in answer.computed:
            return True  # a due date computed from the user's own date
        if verdict is not None and verdict.status != "needs_info" and verdict.determination == RETENTION \
                and not (opening and judged.beyond):
            return True  # whether the material named may go: its keeping clause was chosen by the material's words
        if verdict is not None and answer.intent in _ORGANISATION_ROUTES and not judged.strangers \
                and any(c.status != "unknown" for c in verdict.conditions):
            return True  # what the user said of the organisation bears on the conditions: it is what they asked
        if not _object_regulated(answer, judged, opening):
            return False
        if answer.computed:
            return True
        begun = verdict is not None or bool(answer.follow_up)
        if not begun:
            return False
        if question.typed_place:
            return not place_gaps(question.scope, self.ws.places)
        asked = question.intents.get(answer.intent, 0) >= ASKED_OUTRIGHT and judged.confidence >= BEGUN_COVERED_AT
        return asked or not _unsaid(judged)

    def _covered(self, answer: Answer, judged: Judgement) -> Answer:
        answer.coverage, answer.confidence, answer.coverage_note = judged.coverage, judged.confidence, judged.note
        return answer

    def _uncovered(self, answer: Answer, question: Question, judged: Judgement) -> Answer:
        """Not answered by the documents (or not for the place asked about): say so first, give no verdict,
        and leave the conversation as it was."""
        answer = self._covered(answer, judged)
        answer.intent = question.intent()  # type: ignore[assignment]
        if judged.coverage == "partial":
            answer.answer = f"{judged.note}。\n{answer.answer}" if answer.citations else f"{judged.note}。"
            return answer
        answer.citations = answer.citations[:RELATED_SHOWN]
        related = "以下条款相关但不直接回答。" if answer.citations else ""
        answer.answer = uncovered_text(judged, self.ws.places) + related
        return answer

    def _forget_place(self, question: Question) -> None:
        """"不限地区"/"换个地方" drops the remembered place; naming another place replaces it (dialogue)."""
        if self.state is not None and any(w in question.plain for w in FORGET_PLACE):
            self.state.profile.jurisdictions = []

    def _remembered(self, answer: Answer, question: Question) -> Answer:
        """A place remembered from an earlier question is shown with every answer it scopes."""
        answer.notes += [n for n in fallback_notes(question.scope) if n not in answer.notes]
        places = self.state.profile.jurisdictions if self.state is not None else []
        remembered = question.scope.origin == "remembered" and bool(question.scope.jurisdictions)
        if places and (remembered or (not question.scope.jurisdictions and answer.verdict is not None)):
            answer.notes.append(f"按{'、'.join(places)}回答（前面提到的地方；说“不限地区”或另说一个地方即可更换）")
        return answer

    def _match(self, answer: Answer, question: Question, today: date | None) -> Answer | None:
        """"在哪些地方能申请": every jurisdiction's verdict for the profile (assistant.dialogue.where), the
        places named in the question as asked (not the chosen scope), `matches` added to the answer."""
        from .dialogue.where import where_turn

        found = where_turn(self.state, question, self.ws, today=today)
        if found is None:
            return None
        step, table = found
        answer = self._merge(answer, step)
        answer.matches = table.matches
        return answer

    def _compare(self, answer: Answer, question: Question) -> Answer | None:
        """"各地…有什么不同": the comparison table, every cell's clause cited."""
        from .compare.table import compare, is_comparison, match_topic

        text = question.raw
        # the question must ask for a comparison by its intent too: 情节比较轻 says "rather light"
        if not is_comparison(text) or question.intent() != "comparison" or match_topic(text) is None:
            return None
        places = [p.rstrip("省市") for p in question.scope.jurisdictions] or None
        table = compare(text, self.corpus, self.facts, places, self.retriever)
        if not table.rows:
            return None
        cited = list(dict.fromkeys(c.unit_id for row in table.rows for cells in row.cells.values() for c in cells))
        known = {c.unit_id for c in answer.citations}
        answer.citations = [citation_for(self.corpus, self.corpus.unit(u), 1.0, []) for u in cited] + [
            c for c in answer.citations if c.unit_id not in cited and c.unit_id in known]
        differing = [r.requirement for r in table.rows if r.differs]
        answer.intent = "comparison"
        answer.comparison = table.model_dump()
        answer.answer = (f"{table.topic}：{len(table.rows)} 项规定，涉及 {len(cited)} 个条款；"
                         + (f"各地不同的有：{'、'.join(differing)}。" if differing else "各地规定一致。"))
        return answer

    def _try_lookup(self, text: str) -> Unit | None:
        if not _REFERENCE.search(text) or len(text) > 40:
            return None
        try:
            found = self.lookup(text)
        except PolicyKGError:
            return None
        return found if isinstance(found, Unit) else None

    def _citations(self, result: SearchResult) -> list[Citation]:
        hits = result.hits
        if not hits:
            return []
        # whether a clause is cited beside the best is judged on its own text: phrasings help clauses be
        # found and ranked, and would otherwise push a second jurisdiction's clause under the floor
        strength = [h.text_score if h.text_score is not None else h.score for h in hits]
        best = max(strength)
        kept = [h for h, s in zip(hits, strength, strict=False) if s >= best * RELATIVE_FLOOR][:MAX_CITATIONS]
        return [citation_for(self.corpus, self.corpus.unit(h.unit_id), h.score, h.matched_terms) for h in kept]

    def _reason(self, answer: Answer, question: Question, today: date | None, ranked: list[str]) -> Answer:
        """Let the dialogue add intent, verdict and follow-ups, and put the deciding clauses first."""
        from .dialogue import turn

        return self._merge(answer, turn(self.state, question, self.ws, today=today, ranked=ranked))

    def revise(self, field: str, value: str, today: date | None = None) -> Answer:
        """Change one fact of the conversation (the TUI's fact table) and recompute."""
        from .dialogue import revise

        question = parse_question(value, self.ws.places)
        step = revise(self.state or DialogueState(), field, question, self.ws, today=today)
        return self._merge(Answer(question=question.raw, answer="", notes=question.notes), step)

    def known_facts(self) -> list[tuple[str, str, str]]:
        """(field, label, value) of every fact the conversation has gathered."""
        from .reason.explain import known_facts

        return known_facts(self.state.profile) if self.state is not None else []

    def _merge(self, answer: Answer, step: Turn) -> Answer:
        self.state = step.state
        self.facts_given = step.facts_given
        self.undecided = step.undecided
        answer.intent = step.intent
        answer.verdict = step.verdict
        answer.follow_up = list(step.follow_up)
        answer.computed = step.extra or None
        if step.answer:
            answer.answer = f"{answer.answer}\n{step.answer}" if step.topic and answer.answer else step.answer
        deciding = [citation_for(self.corpus, self.corpus.unit(u), 1.0, []) for u in dict.fromkeys(step.citations)]
        if not step.facts_given and answer.citations and not step.replace_citations:
            # nothing of the applicant stated: the question is a lookup, its best clause stays first and the
            # determination's clauses follow (offered, not imposed)
            deciding = [answer.citations[0], *[c for c in deciding if c.unit_id != answer.citations[0].unit_id]]
        rest = [] if step.replace_citations else [c for c in answer.citations if c.unit_id not in {d.unit_id for d in deciding}]
        answer.citations = (deciding + rest)[:MAX_CITATIONS * 2] if deciding or step.replace_citations else answer.citations
        return answer


_SELF = re.compile(r"我们|咱们|我单位|本单位|我司|我公司|我校|我院|我会|我协会|我中心")  # the asker speaks for its organisation
_ORGANISATION_ROUTES = ("eligibility", "external_site", "levels")  # determinations judged on the organisation


def _object_regulated(answer: Answer, judged: Judgement, opening: bool) -> bool:
    """Whether the route's object is something the documents regulate, so that the route may stand for
    evidence: not a thing they never name (准生证有效期; a sanction ladder's object is the violation it was
    matched on, 保过 in 朋友圈打保过广告), not a question whose clause matched the route's words only (电工证有效期 →
    备案有效期's clause), not an opening question the documents barely touch (养老护理员报名费用)."""
    if judged.beyond:  # 罚多少钱, 给多少补贴, …工作指引 全文: no route states the sum or holds the document either
        return False
    if answer.computed and answer.computed.get("ladders"):  # its object is the violation it was matched on
        return judged.actor or not opening or judged.confidence >= ROUTE_FLOOR  # an organisation's, or well found
    if judged.strangers:
        return False
    return not opening or (not judged.form_only and judged.confidence >= ROUTE_FLOOR)


def _offered(lookup: str, follow_up: list[str], what: str) -> str:
    """A lookup's answer with the determination offered, not imposed: the clause first, then what the user may
    tell to have it judged or computed (no 结论 line: the answer carries no verdict)."""
    return lookup + (f"\n如需{what}，请告诉我：{follow_up[0]}" if follow_up else "")


def _bears(answer: Answer) -> bool:
    """What the user told of the organisation decided a condition of the determination (a kind named in passing,
    工程造价咨询企业, decides none)."""
    return answer.verdict is not None and any(c.status != "unknown" for c in answer.verdict.conditions)


def _hollow(judged: Judgement) -> bool:
    """Evidence no route can stand for: the question names a thing the corpus never names, asks a sum no
    clause states, or barely touches the documents and names no role they regulate. A where-question
    (哪里可以报名考…) or a level named in passing (二级建造师) opens a route by its form alone."""
    if judged.coverage == "covered":
        return False
    return bool(judged.strangers) or bool(judged.beyond) or _barely(judged)


def _barely(judged: Judgement) -> bool:
    """The evidence barely touches the documents and the question names no role they regulate."""
    return judged.coverage != "covered" and judged.confidence < ROUTE_FLOOR and not judged.actor


def _unsaid(judged: Judgement) -> list[str]:
    """The question's words its clause leaves out, besides those naming a determination (条件, 外部考点):
    asking with those is asking for the determination, which its rules answer."""
    from .understand.intent import route_words

    own = route_words()
    return [w for w in judged.unstated if w not in own]
