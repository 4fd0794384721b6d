"""The binding against the installed library: the demo article's three
facts, the same dict as the nerx command, pipe() in order on two threads."""
import json
import os
import subprocess

import pytest

import nerx

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DEMO = os.path.join(ROOT, "corpus", "xjtu-sco-forum.txt")


def demo_text():
    with open(DEMO, encoding="utf-8") as f:
        return f.read()


def facts(doc):
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return sorted((names[r["person"]], r["title"], names.get(r.get("organization")))
                  for r in doc["relations"] if r["type"] == "holds_title")


def test_demo_facts():
    doc = nerx.extract(demo_text(), dct="2024-07-05")
    assert facts(doc) == [
        ("Tuimebayev Zhanseit Kanseituly", "rector", "Al-Farabi Kazakh National University"),
        ("Zhang Liqun", "academician", "Chinese Academy of Engineering"),
        ("Zhang Liqun", "president", "Xi'an Jiaotong University"),
    ]
    assert doc["dct"] == "2024-07-05" and doc["schema_version"] == 1


def test_same_as_the_command():
    """The dict is the command's JSON object (but for the id)."""
    nerx_bin = os.environ.get("NERX_BIN", "nerx")
    out = subprocess.run([nerx_bin, "--output", "jsonl", "--dct", "2024-07-05", DEMO], capture_output=True,
                         check=True).stdout
    cli = json.loads(out)
    doc = nerx.extract(demo_text(), dct="2024-07-05", id=cli["id"])
    assert doc == cli


def test_pipe_in_order_with_errors():
    texts = ["Kazakhstan on July 4, 2024.", "   ", "Zhang Liqun, president of XJTU, spoke."] * 20
    docs = list(nerx.pipe(iter(texts), threads=2, dct="2024-07-05"))
    assert len(docs) == len(texts)
    assert [d["id"] for d in docs] == [str(i) for i in range(len(texts))]
    assert all("error" in d for d in docs[1::3]) and not any("error" in d for d in docs[0::3])
    assert docs[2]["mentions"][0]["text"] == "Zhang Liqun"


def test_bad_input():
    with pytest.raises(ValueError):
        nerx.extract("text", dct="July 4")
    with pytest.raises(nerx.NerxError):
        nerx.extract("")
    assert nerx.library_path()
