"""The scope chip: the place questions without a place of their own are answered for, always on screen.

A place can come from the palette (范围：只看吉林省) or be remembered from an earlier question of the
conversation (我们是吉林的…); either way later questions are read for it, so it is shown, with the key
that clears it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from .app import PolicyApp


class ScopeChip(Static):
    """`范围：吉林省（对话中提到） ^L 清除`, hidden when no place applies."""

    DEFAULT_CSS = """
    ScopeChip { width: auto; height: 1; padding: 0 1; background: $accent 40%; color: $text; display: none; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.place: str | None = None
        self.origin = ""

    def show(self, place: str | None, origin: str = "") -> None:
        """The place in force and where it came from (选定 / 对话中提到)."""
        self.place, self.origin = place, origin
        self.display = place is not None
        if place:
            self.update(Text.assemble(("范围：", "bold"), place, (f"（{origin}）" if origin else "", "italic"),
                                      ("  ^L 清除", "dim")))


def scope_of(engine: object) -> tuple[str | None, str]:
    """(place, origin) in force: the one chosen (engine.place), else the one the conversation remembers."""
    chosen = getattr(engine, "place", None)
    if chosen:
        return chosen, "选定"
    facts = engine.known_facts() if engine is not None else []  # type: ignore[attr-defined]
    remembered = next((value for field, _label, value in facts if field == "jurisdictions" and value), None)
    return (remembered, "对话中提到") if remembered else (None, "")


def clear_scope(app: PolicyApp) -> None:
    """Ctrl+L: forget the place in force. One the conversation remembers (我们是吉林的…) is part of what it
    knows about the organisation, so only starting the conversation again forgets it."""
    place, origin = scope_of(app.engine) if app.engine is not None else (None, "")
    if app.engine is None or place is None:
        app.notify("现在没有地区范围。", markup=False)
        return
    app.engine.place = None
    if origin != "选定":
        app.engine.reset()
        app.local("（清除范围）", f"已清除地区“{place}”，对话已重新开始。", clear=True)
    app.show_scope()
    app.notify(f"已清除地区范围“{place}”，问题按全部地区回答。", markup=False)
