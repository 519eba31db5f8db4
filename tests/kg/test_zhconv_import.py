"""zhconv imported without pkg_resources reads the same tables (it opens them beside its module)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
{imp}
z.issimp("")
print(json.dumps([sorted(sys.modules).count("pkg_resources"), {{k: sorted(v) if isinstance(v, (set, frozenset)) else v
                  for k, v in z.zhconv.zhcdicts.items()}}], sort_keys=True))
"""


def _tables(imp: str) -> tuple[int, object]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(imp=imp)], capture_output=True, text=True, check=True)
    loaded, tables = json.loads(out.stdout)
    return loaded, tables


def test_without_pkg_resources_the_tables_are_the_same() -> None:
    ours = _tables("from kg.source import import_zhconv; z = import_zhconv()")
    plain = _tables("import zhconv as z")
    assert ours[0] == 0 and ours[1] == plain[1] and len(str(ours[1])) > 100_000
