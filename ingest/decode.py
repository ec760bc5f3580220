"""Bytes → text: the encodings Chinese documents come in, detected rather than refused.

Tried in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), UTF-8, UTF-16
without a mark (a file with NUL bytes that decodes to Chinese text), then GB18030
(a superset of GBK and GB2312). A decoding is accepted only when it reads as Chinese
text: almost every character printable, and most Chinese characters among the 3,755
common ones of GB2312 level 1 — a Big5 or Latin-1 file forced through GB18030 fails
that, as does a binary file.
"""

from __future__ import annotations

import codecs

from .errors import IngestError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
         "utf-32-le": "UTF-32", "utf-32-be": "UTF-32", "gb18030": "GB18030/GBK"}
TRIED = "UTF-8、GB18030/GBK、UTF-16"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _printable(ch: str) -> bool:
    return ch.isprintable() or ch in "\t\n\r\f\u3000"


def _common(ch: str) -> bool:
    """One of GB2312's level-1 characters (the 3,755 most common)."""
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def reads_as_text(text: str) -> bool:
    """Whether a decoding looks like Chinese (or plain) text rather than mojibake."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if not _printable(ch) or "\ue000" <= ch <= "\uf8ff")
    if bad > max(2, len(sample) // 200):
        return False
    cjk = [ch for ch in sample if _is_cjk(ch)]
    return not cjk or sum(map(_common, cjk)) >= 0.8 * len(cjk)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """``(text, encoding)`` for a document's bytes; :class:`IngestError` naming the file
    and the fix when they are empty, binary or in no encoding tried."""
    if not data.strip():
        raise IngestError(f"{name} 是空文件：需要一份政策文件或任务清单的文本")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as e:
                raise IngestError(f"{name} 以 {NAMES[enc]} 标记开头，但第 {e.start + len(bom)} 字节"
                                  f"无法按 {NAMES[enc]} 解码：文件可能已损坏，请重新导出为 UTF-8") from e
    if b"\x00" in data[:65536]:  # UTF-16 without a mark, or binary: text in UTF-8 or GBK has no NUL
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if reads_as_text(text):
                return text, enc
        raise IngestError(f"{name} 是二进制文件，不是文本：需要一份政策文件或任务清单的文本"
                          f"（可识别的编码：{TRIED}）")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise IngestError(f"{name} 的文字编码无法识别（第 {e.start} 字节起；试过 {TRIED}）："
                          f"请用记事本或 WPS 另存为 UTF-8 再导入") from e
    if reads_as_text(text):
        return text, "gb18030"
    raise IngestError(f"{name} 的文字编码无法识别（按 {TRIED} 解码都不像中文文本）："
                      f"请用记事本或 WPS 另存为 UTF-8 再导入")
