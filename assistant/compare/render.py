"""A comparison table as terminal text."""

from __future__ import annotations

from .table import ComparisonTable


def render_table(table: ComparisonTable) -> str:
    """Rows of requirement: jurisdiction value (clause), differences marked ≠."""
    lines = [f"比较主题：{table.topic}（{'、'.join(table.jurisdictions)}）", ""]
    if not table.rows:
        lines.append("（所选地区的文件中没有这方面的规定）")
    for row in table.rows:
        mark = "≠ " if row.differs else "  "
        lines.append(f"{mark}{row.requirement}")
        for j in table.jurisdictions:
            cells = row.cells.get(j)
            if cells:
                for c in cells:
                    lines.append(f"    {j:<5} {c.value:<10} {c.label}　“{c.text}”")
            else:
                lines.append(f"    {j:<5} —")
    lines.append("")
    lines.append("≠ 表示各地规定不同；— 表示该地文件未规定。")
    return "\n".join(lines)
