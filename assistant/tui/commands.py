"""What the command palette offers and what F2 exports: commands, clauses, briefings, in Chinese."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reason.profile import Profile
    from .app import PolicyApp

Entry = tuple[str, Any, str]  # label, action, help
FORMATS = {"html": "HTML，可打印 A4", "docx": "Word"}


def commands(app: PolicyApp) -> list[Entry]:
    """Scope, briefings, theme, help, quit: listed before anything is typed."""
    from ..compare.table import topics

    documents = app.engine.corpus.documents if app.engine is not None else []  # Ctrl+P while it loads
    out: list[Entry] = []
    topic = current_topic(app)
    if topic:
        out += [(f"导出简报（{FORMATS[f].split('，')[0]}）：{topic}", lambda f=f: app.export_brief(topic, f, walk=True),
                 f"当前主题，写到当前目录（{FORMATS[f]}）") for f in FORMATS]
    for place in dict.fromkeys(d.meta.jurisdiction for d in documents):
        out.append((f"范围：只看{place}", lambda p=place: app.set_scope(p), "没写地点的问题按此地区回答"))
    out.append(("范围：全部地区", app.action_clear_scope, "清除地区范围（Ctrl+L）"))
    for name in topics():
        out += [(f"导出简报（{FORMATS[f].split('，')[0]}）：{name}", lambda n=name, f=f: app.export_brief(n, f),
                 f"写到当前目录（{FORMATS[f]}）") for f in FORMATS]
    out += [("切换明暗主题", app.action_toggle_theme, "Ctrl+T"), ("帮助", app.action_help, "F1"),
            ("显示/隐藏文件目录", app.action_toggle_browser, "F3"), ("退出", app.exit, "Ctrl+Q")]
    return out


def clause_entries(app: PolicyApp) -> list[Entry]:
    """Every document and citable unit, to jump to by name."""
    if app.engine is None:  # Ctrl+P while the engine loads: no clauses yet
        return []
    corpus = app.engine.corpus
    out: list[Entry] = []
    for doc in corpus.documents:
        first = next((u for u in doc.units if u.kind not in ("preamble", "chapter")), doc.units[0])
        out.append((f"文件：{doc.meta.title}", lambda u=first: app.open_unit(u), doc.meta.number or ""))
    out += [(u.label, lambda u=u: app.open_unit(u), "跳到条款") for u in corpus.units()
            if u.kind in ("article", "section", "annex", "item")]
    return out


def current_topic(app: PolicyApp) -> str | None:
    """The topic of the last question: what a where-answer judged (申请成为评价机构…), a comparison topic it
    names, else the question itself when short."""
    from ..compare.table import match_topic

    if app.last is None or not app.last.question.strip():
        return None
    if app.last.matches:
        return app.last.matches[0].title
    question = app.last.question.strip()
    return match_topic(question) or (question.rstrip("？?。！!") if len(question) <= 20 else None)


def walked_profile(app: PolicyApp) -> Profile | None:
    """The organisation of the conversation when the last answer matched it in every place (a copy: the
    export runs in a worker while the conversation goes on), for the briefing to walk it through them."""
    state = app.engine.state if app.engine is not None else None
    if app.last is None or not app.last.matches or state is None:
        return None
    return state.profile.model_copy(deep=True)


def render_brief(engine: Any, topic: str, fmt: str, profile: Profile | None = None) -> str | bytes:
    """A briefing in a format, with `profile` walked through every place when given (runs in a worker: it
    searches and reads the graph)."""
    from ..brief.build import build_briefing

    briefing = build_briefing(topic, engine.corpus, engine.facts, engine.retriever)
    if profile is not None:
        from ..brief.profile import walk

        walk(briefing, engine.corpus, engine.facts, profile)
    if fmt == "docx":
        from ..brief.word import to_docx

        return to_docx(briefing, engine.corpus)
    from ..brief.render import to_html

    return to_html(briefing, engine.corpus)


def resolve_reference(engine: Any, text: str) -> Any:
    """The unit a clause reference names (宿迁 第九条, 宿迁第9条, 浙江监督 第20条), else None."""
    from kg.errors import PolicyKGError
    from kg.models import Unit

    if engine is None or not text.strip() or len(text) > 40:
        return None
    try:
        found = engine.lookup(text.strip())
    except (PolicyKGError, ValueError):
        return None
    return found if isinstance(found, Unit) else None
