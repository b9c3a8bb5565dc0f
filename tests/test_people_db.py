"""The people registry in the archive: variants, merges with their rule, curation that survives re-runs."""

import shutil
import sqlite3

import yaml
from click.testing import CliRunner

from archive.ingest import ingest
from archive.store import Archive
from minutes.cli import cli


def rows(path, sql, *params):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def test_registry_tables(built_archive):
    db = built_archive.db_path
    assert rows(db, "select person_id, occurrences from person_names where name = 'Guri Lajord'") == [
        ("guri-moen-lajord", 3)
    ]
    assert ("Glenn Hattmann", "Glenn-Helge Hattmann", "hyphenated-given-name", 92.0) in rows(
        db, "select name_a, name_b, rule, score from person_merges"
    )
    assert rows(db, "select count(*) from attendance where person_id is null") == [(0,)]
    assert rows(
        db, "select chair_person_id, minute_taker_person_id from documents where title like 'Referat møte 5%'"
    ) == [("guri-moen-lajord", "guri-moen-lajord")]
    mentioned = rows(
        db,
        "select m.person_id, m.rule, c.number from mentions m join cases c on c.id = m.case_id"
        " where m.name = 'Jostein Bentzen'",
    )
    assert mentioned == [("jostein-berntzen", "spelling", "25/2024")]
    assert rows(db, "select first_seen, last_seen, meetings from people where id = 'ida-haug'") == [
        ("2023-02-01", "2024-11-20", 2)
    ]
    assert rows(db, "pragma foreign_key_check") == []


def test_curated_split_and_merge_are_kept_in_the_archive_and_survive_a_rebuild(tmp_path, samples, built_archive):
    archive = Archive(tmp_path / "a")
    shutil.copytree(built_archive.root, archive.root)
    runner = CliRunner()
    result = runner.invoke(cli, ["people", "split", "Guri Lajord", "Guri Moen Lajord", "--archive", str(archive.root)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(archive.people_overrides.read_text()) == {
        "merge": [],
        "split": [["Guri Lajord", "Guri Moen Lajord"]],
    }
    people = lambda: {r[0] for r in rows(archive.db_path, "select person_id from person_names where name like 'Guri%'")}  # noqa: E731
    assert people() == {"guri-lajord", "guri-moen-lajord"}
    ingest(samples, archive)  # a re-run applies the file again
    assert people() == {"guri-lajord", "guri-moen-lajord"}
    result = runner.invoke(cli, ["people", "merge", "Guri Lajord", "Guri Moen Lajord", "--archive", str(archive.root)])
    assert result.exit_code == 0
    assert people() == {"guri-moen-lajord"}
    assert ("curated",) in rows(archive.db_path, "select rule from person_merges where person_id = 'guri-moen-lajord'")


def test_curation_of_an_unknown_name_is_an_error(tmp_path, built_archive):
    archive = Archive(tmp_path / "a")
    shutil.copytree(built_archive.root, archive.root)
    result = CliRunner().invoke(cli, ["people", "merge", "Nobody Atall", "Ida Haug", "--archive", str(archive.root)])
    assert result.exit_code == 1
    assert "no person is printed as 'Nobody Atall'" in result.output
    assert not archive.people_overrides.exists()


def test_review_lists_pairs_with_evidence(built_archive):
    result = CliRunner().invoke(cli, ["people", "review", "--archive", str(built_archive.root)])
    assert result.exit_code == 0
    assert "0 pairs to review" in result.output


def test_person_query_lists_meetings_roles_and_mentions(built_archive):
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "minutes.cli", "serve", "--archive", str(built_archive.root), "--get",
         "/minutes/person.json?person=guri-moen-lajord&_shape=array"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    got = {(r["date"], r["role"]) for r in json.loads(out)}
    assert {("2023-01-12", "listed: absent"), ("2023-01-31", "chair"), ("2023-01-31", "minute taker")} <= got
    assert ("2024-11-20", "mentioned in case") in got


def test_a_broken_people_file_is_one_line_naming_file_and_line(tmp_path, built_archive):
    archive = Archive(tmp_path / "a")
    shutil.copytree(built_archive.root, archive.root)
    archive.people_overrides.write_text("merge:\n  - [Guri Lajord, Guri Moen Lajord\nsplit: []\n")
    result = CliRunner().invoke(cli, ["people", "merge", "Ida Haug", "Guri Lajord", "--archive", str(archive.root)])
    assert result.exit_code == 1
    (line,) = [ln for ln in result.output.splitlines() if ln]
    assert line.startswith("minutes: error: ") and "people.yaml:" in line


def test_a_self_merge_is_refused_and_a_split_says_what_it_did(tmp_path, built_archive):
    archive = Archive(tmp_path / "a")
    shutil.copytree(built_archive.root, archive.root)
    runner = CliRunner()
    result = runner.invoke(cli, ["people", "merge", "Ida Haug", "IDA HAUG", "--archive", str(archive.root)])
    assert result.exit_code == 1 and "one printed name" in result.output
    assert not archive.people_overrides.exists()
    result = runner.invoke(cli, ["people", "split", "Guri Lajord", "Guri Moen Lajord", "--archive", str(archive.root)])
    assert result.exit_code == 0
    assert "split 'Guri Lajord' from 'Guri Moen Lajord': now guri-lajord, guri-moen-lajord" in result.output
    # recording the same merge twice keeps one row
    for _ in range(2):
        runner.invoke(cli, ["people", "merge", "Guri Lajord", "Guri Moen Lajord", "--archive", str(archive.root)])
    assert yaml.safe_load(archive.people_overrides.read_text())["merge"] == [["Guri Lajord", "Guri Moen Lajord"]]
