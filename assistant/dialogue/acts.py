"""Dialogue acts that are not questions: greetings, thanks, closings, "你能做什么", "换个问题".

They get a short fitting reply and never repeat the last verdict; the conversation's facts stay. Read
only from short utterances, so a question that opens with 你好 is still answered as a question.

>>> act_of("你好呀")
'greeting'
>>> act_of("好的，谢谢")
'thanks'
>>> act_of("谢谢，那吉林的有效期多久") is None
True
>>> act_of("谢谢，你真厉害")
'thanks'
>>> act_of("好的，明白了"), act_of("不知道"), act_of("好的")
('acknowledge', None, 'acknowledge')
>>> act_of("你好，想咨询个事"), act_of("谢谢，换个问题。")
('opening', 'change_topic')
>>> act_of("谢谢，我先去看看其他规定。"), act_of("谢谢，我先去看看材料要交哪些？")
('thanks', None)
"""

from __future__ import annotations

import re
from typing import Literal

Act = Literal["greeting", "opening", "thanks", "closing", "abilities", "change_topic", "acknowledge"]

_ACTS: dict[Act, re.Pattern[str]] = {
    "greeting": re.compile(r"^(你好|您好|嗨|哈喽|hello|hi|在吗|早上好|下午好|晚上好)"),
    # 想咨询个事, 问个问题: opening a conversation, nothing asked yet
    "opening": re.compile(r"(我)?(想|要)?(咨询|请教|问)(一)?(个|点|下)(事|事情|问题)?[。！!~]*$"),
    "thanks": re.compile(r"(谢谢|多谢|感谢|thanks|thank you)"),
    "closing": re.compile(r"(再见|拜拜|bye|没有了|没别的了|就这样|先这样)"),
    "abilities": re.compile(r"你(能|可以|会)(帮我)?(做|干)(些)?(什么|啥)|你有什么(用|功能)"),
    "change_topic": re.compile(r"(换个问题|换个话题|问别的|问点别的|另一个问题)"),
    # 好的，明白了: an answer taken in, not a reply to the question pending (不知道 is a reply: not matched)
    "acknowledge": re.compile(r"(?<!不)(明白了|知道了|了解了|懂了|清楚了|收到了?|明白)$|^(好的|好吧|好嘞|行吧|ok|okay)[。！!~]*$"),
}
_FILLER = re.compile(r"[\s，。！？!?,.~～、啊呀呢吧哦嗯好的了我你]+")
_PRAISE = re.compile(r"真?厉害|太好了|真棒|很有用|很有帮助|辛苦了|很清楚")  # said with thanks, asking nothing
MAX_CHARS = 14  # longer utterances carry a question of their own

REPLIES: dict[Act, str] = {
    "opening": "好的，请说。可以问我技能人才评价机构的备案条件、外部考点、认定等级、申报时间、有效期、违规处理等规定。",
    "greeting": "你好！可以问我技能人才评价机构的备案条件、外部考点、认定等级、申报时间、有效期、违规处理等规定。",
    "thanks": "不客气。还有别的问题可以继续问。",
    "closing": "好的，再见。",
    "abilities": ("我能按收录的文件回答技能人才评价机构的问题：查条款；判断能否申请成为评价机构、能否设外部考点、"
                  "能认定几级；算申报时间、备案有效期和各类期限；说明违规后果；比较各地规定。"),
    "change_topic": "好的，请问新的问题。前面说过的情况我还记得，需要时会用上。",
    "acknowledge": "好的。还有别的问题可以继续问。",
}


# 谢谢，我先去看看其他规定: after thanks or an acknowledgement, what the user will do next asks nothing
_OWN_PLAN = re.compile(r"^[\s，,。！!~]*(我|我们)(再|先|回头|这就|马上|等会儿?|待会儿?|自己)?(去|来)?"
                       r"(核对|看看|看一下|查查|查一下|准备|整理|想想|问问|找找|研究|对照)")
_ASKS = re.compile(r"[?？吗呢]|什么|怎么|哪|几|多少|能不能|可不可以")


def act_of(text: str) -> Act | None:
    """The act a short utterance performs, if it is one of these and carries nothing else (or only what the
    user will do next: 谢谢，我先去看看)."""
    plain = text.strip().lower()
    if len(plain) > MAX_CHARS:
        return _with_own_plan(plain)
    acts = [(act, m.group(0)) for act, pattern in _ACTS.items() if (m := pattern.search(plain))]
    for act, said in acts:
        if len(_FILLER.sub("", _PRAISE.sub("", plain.replace(said, "")))) <= 2:
            return act
    rest = plain  # 你好，想咨询个事: two acts together, nothing else
    for _, said in acts:
        rest = rest.replace(said, "")
    return acts[0][0] if acts and len(_FILLER.sub("", rest)) <= 2 else _with_own_plan(plain)


def _with_own_plan(plain: str) -> Act | None:
    """Thanks or an acknowledgement followed by the user's own next step, asking nothing (谢谢，我先去看看其他规定)."""
    if len(plain) > 2 * MAX_CHARS or _ASKS.search(plain):
        return None
    m = re.match(r"[^，,。！!]*", plain)
    head = m.group(0) if m else ""
    if not head or len(head) > MAX_CHARS or len(head) == len(plain):
        return None
    act = act_of(head)
    return act if act in ("thanks", "acknowledge") and _OWN_PLAN.match(plain[len(head):]) else None
