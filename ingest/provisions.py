"""A document's closing provisions: the paragraph after its last item that says when it
takes effect, how long it holds and who interprets it (本措施自印发之日起施行，有效期至
2026年12月31日。…本措施由县市场监管局负责解释。).

Under a heading of its own (五、附则) it is that heading's item. Written as a bare
paragraph after the last numbered item it used to be set aside as the closing words —
yet "这政策到什么时候有效" and "谁负责解释" are asked of it. When it states such a
provision it is a row of its own, cited 〔附则 第1项〕; closing words that only exhort
(以上措施请认真贯彻落实) stay out of the rows.
"""

from __future__ import annotations

import re

PROVISIONS_SCOPE = "附则"

# closing words: a paragraph about the document itself (本措施… / 以上政策…)
CLOSING = re.compile(r"^(本|以上)(措施|政策|方案|意见|通知|办法|细则|规定|若干)")
# a provision stated: effect, term, interpretation, repeal, or how it meets other rules
_PROVIDES = re.compile(r"施行|实施|生效|有效期|执行|解释|废止|停止|从其规定|从优|就高")


# of those, the document's term: when it takes effect and how long it holds
_TERM = re.compile(r"施行|生效|有效期")


def states_provisions(text: str) -> bool:
    """Whether closing words state a provision (not only exhort)."""
    return bool(_PROVIDES.search(text))


def states_term(text: str) -> bool:
    """Whether closing words state the document's term (本细则自…起施行，有效期3年)."""
    return bool(_TERM.search(text))
