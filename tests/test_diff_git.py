"""`orgviz diff --git REV FILE` follows the file's includes as they were at REV."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import orgviz
from orgviz.cli import main
from orgviz.diff import load_git_version
from orgviz.errors import OrgLoadError
from orgviz.problem import Problem

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

TOP = """\
orgviz: 1
org: {name: Split Co, size: small}
include: [teams/product.yaml]
people:
  - {id: ceo, name: Ada Boss, title: Chief Executive Officer}
"""

PRODUCT_V1 = """\
orgviz: 1
people:
  - {id: cpo, name: Cy Product, title: Chief Product Officer, reports_to: ceo}
  - {id: pm, name: Pam Manager, title: Product Manager, reports_to: cpo}
"""

PRODUCT_V2 = """\
orgviz: 1
people:
  - {id: cpo, name: Cy Product, title: Chief Product Officer, reports_to: ceo}
  - {id: pm, name: Pam Manager, title: Senior Product Manager, reports_to: ceo}
  - {id: pm2, name: Pat New, title: Product Manager, reports_to: cpo}
"""


def _repo(tmp_path: Path) -> tuple[Path, list[str], dict[str, str]]:
    repo = tmp_path / "repo"
    (repo / "orgs" / "teams").mkdir(parents=True)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    git = ["git", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    return repo, git, env


def _commit(git: list[str], env: dict[str, str], message: str) -> None:
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", message], check=True, env=env)


def test_changes_in_an_included_file_are_found(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    top = repo / "orgs" / "acme.yaml"
    top.write_text(TOP, encoding="utf-8")
    (repo / "orgs" / "teams" / "product.yaml").write_text(PRODUCT_V1, encoding="utf-8")
    _commit(git, env, "v1")
    (repo / "orgs" / "teams" / "product.yaml").write_text(PRODUCT_V2, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["old"] == f"HEAD:{top}"
    summary = report["summary"]
    assert (summary["added"], summary["moved"], summary["retitled"], summary["removed"]) == (
        1, 1, 1, 0)
    changed = {(c["kind"], c["id"]) for c in report["changes"]}
    assert {("added", "pm2"), ("moved", "pm"), ("retitled", "pm")} <= changed


def test_an_include_missing_at_the_revision_is_reported_there(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    top = repo / "orgs" / "acme.yaml"
    top.write_text(TOP, encoding="utf-8")
    _commit(git, env, "v1 without the included file")
    (repo / "orgs" / "teams" / "product.yaml").write_text(PRODUCT_V1, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top)])
    assert result.exit_code == 1
    assert f"HEAD:{top}:3:" in result.output
    assert "included file 'teams/product.yaml' does not exist" in result.output
    assert "orgviz-diff-" not in result.output  # no temporary folder names leak


def test_a_syntax_error_in_an_old_included_file_names_it(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    top = repo / "orgs" / "acme.yaml"
    top.write_text(TOP, encoding="utf-8")
    included = repo / "orgs" / "teams" / "product.yaml"
    included.write_text("orgviz: 1\npeople: [\n", encoding="utf-8")
    _commit(git, env, "broken include")
    included.write_text(PRODUCT_V1, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top)])
    assert result.exit_code == 1
    shown = f"HEAD:{repo / 'orgs' / 'teams' / 'product.yaml'}"
    assert shown + ":" in result.output, result.output
    assert "YAML syntax error" in result.output
    assert "orgviz-diff-" not in result.output


def test_an_include_of_an_included_file_is_named_from_its_own_folder(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    top = repo / "orgs" / "acme.yaml"
    top.write_text(TOP, encoding="utf-8")
    (repo / "orgs" / "teams" / "pm").mkdir()
    (repo / "orgs" / "teams" / "product.yaml").write_text(
        PRODUCT_V1 + "include: [pm/team.yaml]\n", encoding="utf-8")
    nested = repo / "orgs" / "teams" / "pm" / "team.yaml"
    nested.write_text("orgviz: 1\npeople: [\n", encoding="utf-8")
    _commit(git, env, "broken nested include")
    nested.write_text("orgviz: 1\npeople: []\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top)])
    assert result.exit_code == 1
    assert f"HEAD:{repo / 'orgs' / 'teams' / 'pm' / 'team.yaml'}:" in result.output, (
        result.output)
    assert "orgviz-diff-" not in result.output


@pytest.mark.parametrize("rev", ["HEAD..HEAD~1", "HEAD:orgs/org.yaml", "HEAD\nfoo", "a b"])
def test_what_is_no_single_revision_is_a_usage_error(tmp_path: Path, rev: str) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(TOP, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", rev, str(path)])
    assert result.exit_code == 2
    [line] = result.output.splitlines()  # (one line, whatever the revision holds)
    assert line.startswith("orgviz: --git '") and line.endswith(
        "': give one revision (HEAD~1, a branch, a tag or a commit), not a range, a path or "
        "text with spaces")


def test_a_folder_at_the_revision_is_no_org_file(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    (repo / "orgs" / "org.yaml").mkdir()
    (repo / "orgs" / "org.yaml" / "x").write_text("x\n", encoding="utf-8")
    _commit(git, env, "a folder named org.yaml")
    shutil.rmtree(repo / "orgs" / "org.yaml")
    top = repo / "orgs" / "org.yaml"
    top.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: HEAD:{top}: not a file in 'HEAD' but a folder or a "
                             "submodule (git: git cat-file HEAD:./org.yaml: bad file): name a "
                             "revision at which it was an org file\n")


def test_an_empty_revision_is_a_bad_revision(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(TOP, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "", str(path)])
    assert result.exit_code == 2
    assert result.output == ("orgviz: --git '': give one revision (HEAD~1, a branch, a tag or "
                             "a commit), not a range, a path or text with spaces\n")


def test_a_huge_revision_is_refused_on_one_short_line(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(TOP, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "a" * 10_000, str(path)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: --git '{'a' * 40}...': a revision of 10,000 "
                             "characters; give one of at most 256\n")


def test_a_repeated_id_at_the_revision_is_refused_there(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    top = repo / "orgs" / "org.yaml"
    top.write_text(TOP.replace("include: [teams/product.yaml]\n", "") + (
        "  - {id: pm, name: Pam, reports_to: ceo}\n  - {id: pm, name: Pat, reports_to: ceo}\n"),
        encoding="utf-8")
    _commit(git, env, "a repeated id")
    top.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top)])
    assert result.exit_code == 1
    assert result.output == (f"HEAD:{top}:6:10: error [duplicate-id] duplicate person id 'pm' "
                             "(first used at line 5): give each position its own id\n")


DUPLICATE = """\
orgviz: 1
org: {name: Dup Co}
people:
  - {id: a, name: A, title: CEO}
  - {id: a, name: B, title: Eng, reports_to: a}
"""

#: The one duplicate-id error of DUPLICATE at HEAD, as `orgviz.diff_orgs` raises it.
DUPLICATE_ERROR = Problem("HEAD:dup.yaml", 5, 10, "error", "duplicate-id",
                          "duplicate person id 'a' (first used at line 4): give each "
                          "position its own id")


def test_a_repeated_id_at_the_revision_is_one_error_from_the_api(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, git, env = _repo(tmp_path)
    (repo / "dup.yaml").write_text(DUPLICATE, encoding="utf-8")
    _commit(git, env, "a repeated id")
    monkeypatch.chdir(repo)
    with pytest.raises(OrgLoadError) as raised:
        orgviz.diff_orgs(load_git_version("HEAD", "dup.yaml"), orgviz.load("dup.yaml"))
    assert raised.value.problems == [DUPLICATE_ERROR]


def test_a_repeated_id_and_a_missing_include_at_the_revision_are_each_one_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, git, env = _repo(tmp_path)
    (repo / "dup.yaml").write_text(DUPLICATE + "include: [gone.yaml]\n", encoding="utf-8")
    _commit(git, env, "a repeated id and a missing include")
    monkeypatch.chdir(repo)
    old = load_git_version("HEAD", "dup.yaml")
    with pytest.raises(OrgLoadError) as raised:
        orgviz.diff_orgs(old, old)
    missing = [p for p in old.load_problems if p.level == "error"]
    assert [(p.file, p.line, p.col) for p in missing] == [("HEAD:dup.yaml", 6, 11)]
    assert raised.value.problems == [DUPLICATE_ERROR, *missing]


def test_every_location_of_a_version_from_git_is_named_rev_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, git, env = _repo(tmp_path)
    (repo / "orgs" / "acme.yaml").write_text(
        TOP.replace("size: small}", "size: small}\nrules: {span-of-control: {max: 3}}")
        + "teams:\n  - {id: prod, name: Product, lead: cpo}\n", encoding="utf-8")
    (repo / "orgs" / "teams" / "product.yaml").write_text(
        PRODUCT_V1.replace("reports_to: ceo}", "reports_to: ceo, team: prod}"),
        encoding="utf-8")
    _commit(git, env, "v1")
    monkeypatch.chdir(repo)
    org, now = load_git_version("HEAD", "orgs/acme.yaml"), orgviz.load("orgs/acme.yaml")
    top, part = "HEAD:orgs/acme.yaml", "HEAD:orgs/teams/product.yaml"
    assert (org.file, org.files) == (top, (top, part))

    def places(version: orgviz.Org) -> list[tuple[str, int, int]]:
        """Every location of a version: its header's, people's, teams' and rules'."""
        locs = [version.loc, version.size_loc]
        for person in version.people:
            locs += [person.loc, *person.field_locs.values(),
                     *(loc for item in person.item_locs.values() for loc in item)]
        for team in version.teams:
            locs += [team.loc, *team.field_locs.values()]
        for setting in version.rule_settings:
            locs += [setting.loc, *setting.option_locs.values()]
        return [tuple(loc) for loc in locs]

    now_names = {now.files[0]: top, now.files[1]: part}
    assert places(org) == [(now_names[file], line, col) for file, line, col in places(now)]
    assert str(org.by_id["cpo"].at("team")) == f"{part}:3:86"
    assert [str(t.at("lead")) for t in org.teams] == [f"{top}:8:37"]
    assert {p.file for p in orgviz.validate(org)} <= {top, part}


def test_a_symbolic_link_at_the_revision_is_followed(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    real = repo / "orgs" / "v1.yaml"
    real.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    (repo / "orgs" / "current.yaml").symlink_to("v1.yaml")
    (repo / "orgs" / "loop.yaml").symlink_to("loop.yaml")
    _commit(git, env, "a link to the current version")
    real.write_text(TOP.replace("include: [teams/product.yaml]\n", "") +
                    "  - {id: cpo, name: Cy, title: CPO, reports_to: ceo}\n", encoding="utf-8")
    link = repo / "orgs" / "current.yaml"
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(link)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"HEAD:{link} -> {link}: 1 added"
    loop = repo / "orgs" / "loop.yaml"
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(loop)])
    assert result.exit_code == 2  # (the loop as it is now cannot be read either)
    assert result.output == f"orgviz: {loop}: cannot read: symlink loop\n"
    loop.unlink()  # (a file now; a loop at HEAD)
    loop.write_text(real.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(loop)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: HEAD:{loop}: more than 40 symbolic links at "
                             "HEAD (a loop?)\n")


def test_a_revision_the_repository_lacks_says_so(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    top = repo / "orgs" / "org.yaml"
    top.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    _commit(git, env, "one commit")
    for rev in ("nosuchbranch", "HEAD~5"):
        result = CliRunner().invoke(main, ["diff", "--git", rev, str(top)],
                                    env={"LC_ALL": "de_DE.UTF-8", "LANGUAGE": "de"})
        assert result.exit_code == 2
        assert result.output == (f"orgviz: {rev}:{top}: '{rev}' is no revision of this "
                                 f"repository (git: invalid object name '{rev}'): give a "
                                 "commit, branch or tag of it (git log --oneline lists "
                                 "commits)\n")


def test_a_file_renamed_since_the_revision_is_read_under_its_old_name(tmp_path: Path) -> None:
    """`git mv` and an edit: the old version is the file's old name at REV, with the includes
    named from its old folder; it was "path exists on disk, but not in 'HEAD~1'"."""
    repo, git, env = _repo(tmp_path)
    old = repo / "orgs" / "acme.yaml"
    old.write_text(TOP, encoding="utf-8")
    (repo / "orgs" / "teams" / "product.yaml").write_text(PRODUCT_V1, encoding="utf-8")
    _commit(git, env, "v1")
    (repo / "org").mkdir()
    subprocess.run([*git, "mv", "orgs/acme.yaml", "org/acme-2027.yaml"], check=True, env=env)
    new = repo / "org" / "acme-2027.yaml"
    new.write_text(TOP.replace("teams/product.yaml", "../orgs/teams/product.yaml")
                   + "  - {id: cfo, name: Fay Money, title: CFO, reports_to: ceo}\n",
                   encoding="utf-8")
    subprocess.run([*git, "add", "org/acme-2027.yaml"], check=True, env=env)
    for rev in ("HEAD", "HEAD~1"):  # (the rename staged, then committed)
        result = CliRunner().invoke(main, ["diff", "--git", rev, str(new)])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines() == [
            "+ added           cfo (Fay Money): CFO, reports to ceo (Ada Boss)",
            f"{rev}:{old} -> {new}: 1 added"]
        if rev == "HEAD":
            _commit(git, env, "renamed")


def test_a_file_added_since_the_revision_says_how_to_compare_it(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    (repo / "orgs" / "other.yaml").write_text(TOP, encoding="utf-8")
    _commit(git, env, "v1")
    new = repo / "orgs" / "acme.yaml"
    new.write_text(PRODUCT_V1, encoding="utf-8")  # (unlike any file at HEAD: no rename)
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(new)])
    assert result.exit_code == 2
    assert result.output == (
        f"orgviz: HEAD:{new}: not in 'HEAD': added since, or renamed and changed too much for "
        f"git to see a rename; compare its old version by name: git show HEAD:OLD-PATH | "
        f"orgviz diff - {new}\n")


def test_a_file_outside_any_repository_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}  # (tmp_path may sit inside a repository)
    result = CliRunner(env=env).invoke(main, ["diff", "--git", "HEAD~1", str(path)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: HEAD~1:{path}: {tmp_path} is in no git repository "
                             "(git: not a git repository (or any of the parent directories): "
                             ".git): --git reads older versions from git: give a file in a "
                             "repository, or compare two files: orgviz diff OLD NEW\n")


def test_a_renamed_file_rewritten_since_is_found_by_the_staged_rename(tmp_path: Path) -> None:
    """`git mv`, then the file rewritten (under half of it the same): the rename is still one
    in the index, and in the commit that records it."""
    repo, git, env = _repo(tmp_path)
    (repo / "my orgs").mkdir()
    old = repo / "my orgs" / "ørg ü.yaml"
    old.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    _commit(git, env, "v1")
    subprocess.run([*git, "mv", "my orgs/ørg ü.yaml", "my orgs/nëw nåme.yaml"], check=True,
                   env=env)
    new = repo / "my orgs" / "nëw nåme.yaml"
    new.write_text("orgviz: 1\norg: {name: Renamed Co, size: small}\npeople:\n"
                   "  - {id: ceo, name: Ada Boss, title: Chief Executive Officer}\n"
                   + "".join(f"  - {{id: p{i}, name: P {i}, title: PM, reports_to: ceo}}\n"
                             for i in range(3)), encoding="utf-8")
    for rev in ("HEAD", "HEAD~1"):  # (staged; then committed without the edits)
        result = CliRunner().invoke(main, ["diff", "--git", rev, str(new)])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[-1] == (  # (its org header renamed too)
            f"{rev}:{old} -> {new}: 3 added, 1 org change")
        if rev == "HEAD":
            subprocess.run([*git, "commit", "-qm", "renamed"], check=True, env=env)


def test_a_file_missing_now_says_so_not_a_git_error(tmp_path: Path) -> None:
    """It was 'HEAD:x.yaml: not a git repository' outside a repository, and git's 'does not
    exist in HEAD' inside one, for a file that is not there now."""
    repo, git, env = _repo(tmp_path)
    (repo / "orgs" / "acme.yaml").write_text(TOP, encoding="utf-8")
    _commit(git, env, "v1")
    (repo / "orgs" / "acme.yaml").unlink()
    for path in (repo / "orgs" / "acme.yaml", tmp_path / "nowhere" / "org.yaml"):
        result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(path)])
        assert result.exit_code == 2
        assert result.output == f"orgviz: {path}: cannot read: No such file or directory\n"


def test_standard_input_with_git_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD\n~1", "-"], input="orgviz: 1\n")
    assert result.exit_code == 2
    assert result.output == ("orgviz: --git: give the org file's path in the "
                             "repository, not - (standard input has no place in git to "
                             "compare it with)\n")


def test_a_repository_without_a_commit_says_so(tmp_path: Path) -> None:
    repo, _git, _env = _repo(tmp_path)
    top = repo / "orgs" / "org.yaml"
    top.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: HEAD:{top}: 'HEAD' is no revision of this repository, "
                             "which has no commit yet (git: invalid object name 'HEAD'): "
                             "commit the file first, or compare two files: orgviz diff OLD "
                             "NEW\n")


def test_a_link_to_a_file_missing_at_the_revision_names_git_s_line(tmp_path: Path) -> None:
    repo, git, env = _repo(tmp_path)
    top = repo / "orgs" / "current.yaml"
    top.symlink_to("v1.yaml")  # (v1.yaml: never committed)
    _commit(git, env, "a link to a file to be")
    top.unlink()  # (a file now)
    top.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(top)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: HEAD:{top}: not in 'HEAD' (git: path 'orgs/v1.yaml' "
                             "does not exist in 'HEAD'): name a revision that has it (git log "
                             "--oneline -- FILE lists them)\n")


def test_git_missing_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(TOP.replace("include: [teams/product.yaml]\n", ""), encoding="utf-8")
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # (no git on it)
    result = CliRunner().invoke(main, ["diff", "--git", "HEAD", str(path)])
    assert result.exit_code == 2
    assert result.output == (f"orgviz: HEAD:{path}: git is not installed (no git program on "
                             "PATH), and --git reads the older version with it: install git, "
                             "or compare two files: orgviz diff OLD NEW\n")
