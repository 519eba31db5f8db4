"""The conversation: state across turns, short replies, corrections, "why", reset."""

from .state import DialogueState, Turn
from .turns import revise, turn

__all__ = ["DialogueState", "Turn", "revise", "turn"]
