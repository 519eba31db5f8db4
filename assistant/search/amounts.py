"""Whether a question asks for a sum of money, and whether a clause states one.

A question can be on a subject the documents treat and still ask for what they never say: 外部督导员督导一次给
多少劳务费 is answered by the clause that says the 鉴定机构 provides 劳务报酬, but not its amount; 评价机构的收费
标准是多少钱 by the clause that says fees are set 按照有关规定, not how much. The documents of this genre say who
pays and who sets a fee, rarely how much; a clause answers "how much" only when it states a sum (300元, 2万元)
or that nothing is charged (免费, 不得收取). Read from the question's form (多少钱, 收多少, 补贴有多少), not
from a list of topics.

>>> asks_money("外部质量督导员去督导一次给多少劳务费"), asks_money("评价机构的考试收费标准一般是多少钱一个人")
(True, True)
>>> asks_money("电工高级技师国家补贴有多少"), asks_money("评价机构给考生发证要另收证书工本费吗，收多少")
(True, True)
>>> asks_money("机构要交多少年的评价成果才算有经验"), asks_money("考评人员要多少个"), asks_money("收费标准要公示吗")
(False, False, False)
>>> states_money("收取考试费300元"), states_money("按照有关规定合理确定收费标准"), states_money("不得向考生收取费用")
(True, False, True)
"""

from __future__ import annotations

import re

_NOT_MONEY = "年天月日周个次份人条项名家所位批类种级分小时"  # 交多少年, 多少个, 多少分: a count, not a sum
_MONEY_WORDS = "钱|费|费用|补贴|津贴|补助|报酬|工资|薪酬|罚款|罚金|价格|价钱|奖励|奖金"
_ASKS_MONEY = re.compile(
    rf"多少钱|几[块元]|多少元|(?:收|交|给|罚|赔|退|补|付)多少(?![{_NOT_MONEY}])"
    rf"|(?:{_MONEY_WORDS})[^，。？?；;、]{{0,4}}多少(?![{_NOT_MONEY}])"
    rf"|多少[^，。？?；;、]{{0,3}}(?:{_MONEY_WORDS})")
_STATES_MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:元|万元|块)|[一二三四五六七八九十百千万]+元|免费|免收|不收取|不得(?:[^。；;]{0,8})收取")


def asks_money(text: str) -> bool:
    """The question asks how much money (a fee, a subsidy, a pay, a fine)."""
    return bool(_ASKS_MONEY.search(text))


def states_money(text: str) -> bool:
    """The clause states a sum, or that nothing is charged: what a "how much" question needs."""
    return bool(_STATES_MONEY.search(text))
