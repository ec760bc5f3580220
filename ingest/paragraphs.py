"""A text of paragraphs with no numbered item: a 政策解读 written as an article (近日，…
印发《若干措施》… 在降低企业经营成本方面，一是…；二是…). Its measures are enumerated
inside the paragraphs, not as headings, so no other shape reads it and it was refused.
Each paragraph is an item of the part 正文 (〔正文 第3项〕); its 一是…；二是… are sentences
of that item, quoted one by one. Lines that are no paragraph (a 　　 spacer, a short line
after the first paragraph) are skipped with a warning; the header is what comes before the
first paragraph.
"""

from __future__ import annotations

from .cover import BODY_SCOPE
from .frame import is_page_line
from .headings import NAMED
from .identity import Heading, Item
from .notices import skipped
from .outline import OutlineResult
from .text import close_cjk_gaps

# a paragraph states something: this long at least, ending a sentence
_MIN_CHARS = 40
_ENDS = ("。", "；", ";", "！", "”", "）", ")")
# and an article has a few of them
_MIN_PARAGRAPHS = 3


def read_paragraphs(lines: list[str]) -> OutlineResult | None:
    """The paragraphs of ``lines`` as items, or None when there are fewer than three."""
    found = [(i, s) for i, ln in enumerate(lines)
             if len(s := close_cjk_gaps(ln.strip())) >= _MIN_CHARS and s.endswith(_ENDS) and not is_page_line(s)]
    if len(found) < _MIN_PARAGRAPHS:
        return None
    part = (Heading(NAMED, 0, BODY_SCOPE, scope=BODY_SCOPE),)
    items = [Item(path=part, number=n, first_line=i + 1, last_line=i + 1, task=s)
             for n, (i, s) in enumerate(found, 1)]
    taken = {i for i, _ in found}
    first, last = found[0][0], found[-1][0]
    unplaced = [(i + 1, s) for i in range(first, last + 1)
                if i not in taken and (s := lines[i].strip().strip("\u3000")) and not is_page_line(s)]
    warnings = [skipped(f"第 {n} 行：不成段的文字，已跳过：{s[:40]}", n) for n, s in unplaced]
    return OutlineResult(items, [], warnings, first, unplaced)


__all__ = ["read_paragraphs"]
