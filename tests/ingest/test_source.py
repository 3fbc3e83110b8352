"""Bad input gets one clear message naming the file and the fix."""
import pytest

from plangraph.errors import InputError, OutlineError
from plangraph.ingest.text import read_text
from plangraph.read.report import read_report

REPORT_TEXT = "——2021年8月27日在武汉市武昌区第十五届人大常委会第三十八次会议上\n区发改局局长 李武军\n一、上半年计划执行情况\n"


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match=r'"[^"]*nope.txt" does not exist'):
        read_text(tmp_path / "nope.txt")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError, match="is empty"):
        read_text(path)


def test_binary_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match="binary file"):
        read_text(path)


def test_gbk_file_is_recognised_and_the_fix_given(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(REPORT_TEXT.encode("gbk"))
    with pytest.raises(InputError, match=r"not UTF-8.*GB18030.*iconv -f GB18030 -t UTF-8"):
        read_text(path)


def test_utf8_with_bom_is_read(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode("utf-8") + REPORT_TEXT.encode("utf-8"))
    assert read_text(path).startswith("——2021年")


def test_text_without_outline(tmp_path):
    path = tmp_path / "poem.txt"
    path.write_text("床前明月光,疑是地上霜。\n举头望明月,低头思故乡。\n", encoding="utf-8")
    with pytest.raises(OutlineError, match=r'"poem.txt" has no recognisable outline'):
        read_report(path)


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_text(tmp_path)
