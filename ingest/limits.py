"""How large a document may be: bounds that keep one pasted file from tying up the
indexer (an item is embedded sentence by sentence: a million-character "item" is an hour
of work and never a real one), each refused with a message that names the fix."""

from __future__ import annotations

from pathlib import Path

from .errors import IngestError
from .schema import Document

# the longest item of a real task list or measures text runs to about 1,000 characters
# (the built-in corpus: 873); ten times that is text whose line breaks were lost
MAX_ITEM_CHARS = 10_000
MAX_FILE_BYTES = 20 * 1024 * 1024


def check_file_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(f"{path} 有 {size // (1024 * 1024)} MB，超过单个文件上限 "
                          f"{MAX_FILE_BYTES // (1024 * 1024)} MB：请确认这是一份政策文件的文本，或拆分后分别添加。")


def check_item_sizes(doc: Document) -> Document:
    """``doc`` unchanged, or refused when an item is longer than any real one."""
    for r in doc.rows:
        n = len(r.fields_text())
        if n > MAX_ITEM_CHARS:
            raise IngestError(
                f"{doc.path} 的{r.label}长达 {n} 字，超过单项上限 {MAX_ITEM_CHARS} 字（真实条目一般不到 1000 字）："
                "多半是复制时换行丢失、多项连成了一行。请检查原文件，恢复换行后再添加。")
    return doc
