"""`bank import` and `bank export` as a trainer runs them: real subprocesses, real files."""

from __future__ import annotations

import zipfile

from literacy_app.core.banks import validate_paths

from ..conftest import FILES, ROOT
from .test_cli import run

GIFT = FILES / "interchange" / "all_constructs.gift"
MAPS = ["--map", "セキュリティ=security", "--map", "データ活用=data"]


def test_import_writes_a_draft_bank_that_validates_and_lists_warnings(tmp_path):
    result = run("bank", "import", str(GIFT), "--to", str(tmp_path / "banks"), *MAPS, "--bank-id", "moodle-q",
                 data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    target = tmp_path / "banks" / "moodle-q.yaml"
    assert f"{target} に 18 問を書き出しました" in result.stdout and "飛ばした問題 3" in result.stdout
    assert f"{GIFT}:69: 「essay」: 記述式（essay）の問題はバンクに取り込めないため飛ばしました" in result.stdout
    assert f"{GIFT}:73: 「cloze」: 穴埋め" in result.stdout
    assert "「セキュリティ/標的型攻撃」 → security" in result.stdout
    checked = validate_paths([target])
    assert checked.problems == []
    items = checked.banks[0].model.items
    assert len(items) == 18 and {item.status for item in items} == {"draft"}
    assert target.read_text(encoding="utf-8").startswith("# all_constructs.gift から取り込んだ問題")


def test_unmapped_categories_stop_with_the_sentence_and_write_nothing(tmp_path):
    result = run("bank", "import", str(GIFT), "--to", str(tmp_path / "banks"), data_dir=tmp_path)
    assert result.returncode == 1
    assert ("カテゴリ 「セキュリティ/標的型攻撃」、「データ活用」 を取り込む領域が決まっていません。"
            "--map \"カテゴリ=領域ID\" で指定してください") in result.stderr
    assert "領域ID: dx_mindset, data, technology, collaboration, security, digital_gov, dx_management" in result.stderr
    assert not (tmp_path / "banks").exists()
    english = run("--lang", "en", "bank", "import", str(GIFT), "--to", str(tmp_path / "b"), data_dir=tmp_path)
    assert "no area is given for the categories" in english.stderr


def test_star_map_no_category_and_dry_run(tmp_path):
    source = FILES / "interchange" / "no_category.gift"
    result = run("bank", "import", str(source), "--to", str(tmp_path / "banks"), "--map", "*=technology",
                 "--dry-run", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "確認のみ（書き出していません）: 2 問を取り込めます" in result.stdout
    assert "（カテゴリなし） → technology" in result.stdout
    assert not (tmp_path / "banks").exists()


def test_broken_file_gives_the_line_never_a_traceback(tmp_path):
    for name, line in (("broken_unclosed.gift", 4), ("broken_number.gift", 4), ("broken_weight.gift", 3)):
        path = FILES / "interchange" / name
        result = run("bank", "import", str(path), "--to", str(tmp_path), "--map", "*=security", data_dir=tmp_path)
        assert result.returncode == 1 and f"{path}:{line}: " in result.stderr, result.stderr
    weight = FILES / "interchange" / "broken_weight.gift"
    result = run("bank", "import", str(weight), "--to", str(tmp_path), data_dir=tmp_path)
    assert f"{weight}:8: " in result.stderr  # the file's other errors are listed too


def test_import_refuses_to_overwrite_and_unknown_extension(tmp_path):
    args = ("bank", "import", str(GIFT), "--to", str(tmp_path), *MAPS, "--bank-id", "same")
    assert run(*args, data_dir=tmp_path).returncode == 0
    again = run(*args, data_dir=tmp_path)
    assert again.returncode == 1 and "すでにあります" in again.stderr
    odd = tmp_path / "questions.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    result = run("bank", "import", str(odd), "--to", str(tmp_path), data_dir=tmp_path)
    assert result.returncode == 1 and "形式が分かりません" in result.stderr
    bad_map = run("bank", "import", str(GIFT), "--to", str(tmp_path), "--map", "セキュリティ", data_dir=tmp_path)
    assert bad_map.returncode == 1 and "「カテゴリ=領域ID」の形" in bad_map.stderr


def test_export_shipped_banks_to_gift_reimports_to_the_same_items(tmp_path):
    out = tmp_path / "shipped.gift"
    result = run("bank", "export", "--format", "gift", "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "飛ばした問題 8" in result.stdout  # the ordering items
    assert "security.yaml:" in result.stdout and "事例「sc-telework-incident」の本文を問題文の前に入れました" in result.stdout
    back = run("bank", "import", str(out), "--to", str(tmp_path / "back"), data_dir=tmp_path)
    assert back.returncode == 0, back.stdout + back.stderr
    original = {item.id: item for _b, _i, item in validate_paths([ROOT / "question_banks"]).items()}
    again = {item.id: item for _b, _i, item in validate_paths([tmp_path / "back"]).items()}
    assert set(again) == {key for key, item in original.items() if item.type != "ordering"}
    for key, item in again.items():
        first = original[key]
        assert item.type == first.type and item.area == first.area and item.sub_competence == first.sub_competence
        assert item.stem.endswith(first.stem.strip())  # case texts come before the stem
        if item.type == "matching":
            assert ({item.premises[p]: item.options[o] for p, o in item.key.items()}
                    == {first.premises[p]: first.options[o] for p, o in first.key.items()})
        else:
            assert item.key == first.key and getattr(item, "options", None) == getattr(first, "options", None)


def test_export_filters_by_area_and_status(tmp_path):
    out = tmp_path / "sec.gift"
    result = run("bank", "export", "--format", "gift", "--out", str(out), "--area", "security", "--status",
                 "approved", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "::sec-001::" in text and "::dat-" not in text
    nothing = run("bank", "export", "--format", "gift", "--out", str(out), "--status", "retired",
                  data_dir=tmp_path)
    assert nothing.returncode == 1 and "書き出す問題がありません" in nothing.stderr
    unknown = run("bank", "export", "--format", "gift", "--out", str(out), "--area", "secrity", data_dir=tmp_path)
    assert unknown.returncode == 1 and "領域「secrity」はありません" in unknown.stderr


def test_export_refuses_invalid_banks(tmp_path):
    broken = FILES / "banks" / "basic"
    copy = tmp_path / "bad.yaml"
    copy.write_text((broken / "data.yaml").read_text(encoding="utf-8").replace("level: 1", "level: 9", 1),
                    encoding="utf-8")
    result = run("bank", "export", "--format", "gift", "--out", str(tmp_path / "x.gift"), str(copy),
                 data_dir=tmp_path)
    assert result.returncode == 1 and "書き出しませんでした" in result.stderr and f"{copy}:" in result.stderr
    assert not (tmp_path / "x.gift").exists()


def test_export_moodle_xml_and_qti_and_reimport_xml(tmp_path):
    xml = tmp_path / "shipped.xml"
    result = run("bank", "export", "--format", "moodle-xml", "--out", str(xml), "--area", "data", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<quiz>" in xml.read_text(encoding="utf-8")
    back = run("bank", "import", str(xml), "--to", str(tmp_path / "back"), "--bank-id", "xml-back",
               data_dir=tmp_path)
    assert back.returncode == 0, back.stdout + back.stderr
    assert validate_paths([tmp_path / "back"]).problems == []
    package = tmp_path / "choice.zip"
    result = run("bank", "export", "--format", "qti", "--out", str(package), "--area", "security",
                 data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(package) as archive:
        assert "imsmanifest.xml" in archive.namelist()


def test_import_into_a_folder_renumbers_ids_that_are_taken(tmp_path):
    folder = tmp_path / "banks"
    folder.mkdir()
    first = run("bank", "import", str(GIFT), "--to", str(folder), *MAPS, "--bank-id", "one", data_dir=tmp_path)
    assert first.returncode == 0
    second = run("bank", "import", str(GIFT), "--to", str(folder), *MAPS, "--bank-id", "two", data_dir=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "問題ID「mc-single」はもう使われているため「two-001」にしました" in second.stdout
    checked = validate_paths([folder])
    assert checked.problems == []  # the folder still validates: no duplicate ids
    assert {item.id for _b, _i, item in checked.items()} >= {"mc-single", "two-001"}
