"""Slips of the same sound typed by pinyin, read as the document's word (qa.spelling),
on the built-in corpus's vocabulary."""

import pytest


@pytest.mark.parametrize("question, slip, word", [
    ("俺在镇上有个门店，营业执找早办好了，想在网上卖货还得再办执照不", "营业执找", "营业执照"),
    ("每回投标都得押保证金，能不能拿银行保涵顶上", "保涵", "保函"),
    ("想扩建养猪场，听说得搞环平，手续麻烦不", "环平", "环评"),
    # three characters sounding exactly like the document's word, two of them its own
    ("公司给员工交的公基金比例是多少", "公基金", "公积金"),
    # a word of the dictionary (高薪技术) inside a longer span one character from the
    # document's compound: that compound mistyped
    ("公司评上高薪技术企业奖多少", "高薪技术企业", "高新技术企业"),
])
def test_a_slip_of_the_same_sound_is_read_as_the_documents_word(assistant, question, slip, word):
    reading = assistant.homophones.read(question)
    assert (slip, word) in reading.fixes and word in reading.text and slip not in reading.text
    ans = assistant.answer(question)
    # the answer says how it read the question, and keeps the question as asked
    assert ans.read_as == [[slip, word]] and ans.question == question
    assert f"“{slip}”按“{word}”理解" in ans.answer


@pytest.mark.parametrize("question", [
    "我是开小卖部的，饭店干不下去了能简易注销吗",   # 我是 ≠ 我市, 干不 ≠ 干部: words as typed
    "生意不行想关了，往村里送快件的补贴按件算吗",   # 想关 ≠ 相关, 按件 ≠ 案件
    "公事公办，高企奖励多少",                      # a word of the dictionary is meant
    "饭店干不下去了想把执照住销了",                # 住销: two characters, one the document's: not enough
])
def test_words_that_merely_sound_like_a_document_word_stay_as_written(assistant, question):
    reading = assistant.homophones.read(question)
    assert reading.fixes == () and reading.text == question
    assert assistant.answer(question).read_as == []


def test_a_slip_read_finds_the_row_of_the_word_meant(assistant):
    """保涵 is no word the index holds; read as 保函, the row on paying deposits by 保函
    (附件1 第17项) is cited. 高薪技术企业 read as 高新技术企业 is no topic the document lacks."""
    ans = assistant.answer("每回投标都得押保证金，能不能拿银行保涵顶上")
    assert ans.coverage == "answered" and ("附件1", 17) in ans.cited_keys
    ans = assistant.answer("公司评上高薪技术企业奖多少")
    assert ans.coverage == "answered" and ("附件1", 84) in ans.cited_keys and "10万元" in ans.answer


@pytest.mark.parametrize("question, letters, word", [
    ("gth不想干了 能走简易注销不", "gth", "个体户"),      # the only word of those initials
    ("夜市摆摊的 办yyzz要花钱不", "yyzz", "营业执照"),
    ("创业担保dk 该去哪个部门申请", "dk", "贷款"),        # 贷款 89 times, 抵扣 3
    ("个体户 一个月流水不到15w 增值税还要交不", "15w", "15万"),  # a figure in 万 as messages write it
])
def test_letters_typed_for_a_word_by_its_initials_are_read_as_it(assistant, question, letters, word):
    """A message's shorthand (gth, dk, yyzz; 15w) is read as the document's word of those
    pinyin initials, and the answer says so."""
    reading = assistant.homophones.read(question)
    assert (letters, word) in reading.fixes and word in reading.text
    ans = assistant.answer(question)
    assert [letters, word] in ans.read_as and f"“{letters}”按“{word}”理解" in ans.answer
    assert ans.coverage == "answered"


def test_initials_the_document_uses_several_words_for_stay_as_written_and_ask_nothing(assistant):
    """sb: 申报 (62 times) or 社保 (6)? bz: 保障, 标准 or 补助? Neither is guessed; letters
    the question leaves unread are no topic the document lacks (not "没有写明与“bz”有关"),
    and letters the document writes (UKey) are its own word."""
    for question in ("毕业3年了 开了个美甲店 sb能补不", "乡里开了个快递代收点 农村下行快件有bz吗"):
        assert assistant.homophones.read(question).fixes == ()
        ans = assistant.answer(question)
        assert "“sb”" not in ans.answer and "“bz”" not in ans.answer and ans.coverage != "not_covered"
    assert assistant.homophones.read("新公司领ukey要钱吗").fixes == ()
