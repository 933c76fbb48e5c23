"""Tests of the span-of-control rule."""

import pytest


def org(size: str, reports: int, assistants: int = 0) -> str:
    lines = ["orgviz: 1", f"org: {{name: T, size: {size}}}", "people:",
             "  - {id: boss, name: Ada King}"]
    lines += [f"  - {{id: r{i}, name: R, reports_to: boss}}" for i in range(reports)]
    lines += [f"  - {{id: a{i}, name: A, reports_to: boss, assistant: true}}"
              for i in range(assistants)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("size", "limit"), [("small", 8), ("mid-size", 10), ("enterprise", 12)])
def test_profile_limits(check, size, limit):
    assert check(org(size, limit, assistants=3), "span-of-control") == []
    assert check(org(size, limit + 1), "span-of-control") == [(4, 10, "warning")]


def test_max_option_and_message(messages):
    source = org("small", 4) + "rules: {span-of-control: {max: 3}}\n"
    assert messages(source, "span-of-control") == [
        (4, 10, "'boss' has 4 direct reports (at most 3 as configured): add a layer of "
                "leads, or raise span-of-control max")]  # (a small org's limit is 8)
    assert messages(org("small", 9) + "rules: {span-of-control: {max: 8}}\n",
                    "span-of-control")[0][2].startswith(
        "'boss' has 9 direct reports (at most 8 for a small org): ")  # (the profile's, set)


def test_message_of_an_enterprise_org(messages):
    assert "(at most 12 for an enterprise org)" in messages(org("enterprise", 13),
                                                             "span-of-control")[0][2]
