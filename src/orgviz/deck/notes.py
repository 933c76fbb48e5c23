"""Speaker notes and slide texts: headcount, open roles, managers and spans, vacancies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from orgviz.fte import titled, total_text
from orgviz.model import Org, Person
from orgviz.placeholders import is_withheld_name
from orgviz.render.labels import clean
from orgviz.stats import span_text


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def headcount(people: Iterable[Person]) -> tuple[int, int]:
    """(people, open roles)."""
    filled = vacant = 0
    for person in people:
        if person.vacant:
            vacant += 1
        else:
            filled += 1
    return filled, vacant


def count_text(filled: int, vacant: int, posts: bool = False) -> str:
    """'40 people · 2 open roles'; with `posts`, '40 positions · 2 open roles' (an org whose
    cards may stand for part-time or grouped posts: a card is no person there)."""
    text = plural(filled, "position") if posts else plural(filled, "person", "people")
    return text + (f" · {plural(vacant, 'open role')}" if vacant else "")


def withheld(person: Person) -> bool:
    """Whether the person fills a post whose holder's name was not disclosed (UK
    organograms' `N/D`, imported as 'Name not disclosed')."""
    return (not person.vacant and bool(person.name)
            and is_withheld_name(clean(person.name)))


def who(person: Person) -> str:
    """How a slide names the person: their name; a vacancy by its post, 'Open role (VP of
    Sales)' ('Open role' when it has no title); for a withheld name, the post's title
    ('Name not disclosed' when it has none)."""
    if person.vacant:
        title = clean(person.title)
        return f"Open role ({title})" if title else "Open role"
    if withheld(person):
        return clean(person.title) or "Name not disclosed"
    return clean(person.display_name)


def person_text(person: Person) -> str:
    """'Nomvula Lopez, VP of Product' (an open role: 'Open role: <title>'; a position that is
    not one full-time post: 'EO posts, Analyst (12.5 FTE)'; a withheld name: the title
    alone, 'Chief Economist')."""
    title = titled(clean(person.title), person.fte)
    if person.vacant:
        return f"Open role: {title}" if title else "Open role"
    if withheld(person):
        return title or "Name not disclosed"
    name = clean(person.display_name)
    return f"{name}, {title}" if title else name


def listed(items: Sequence[str]) -> str:
    """'A, B and C'; 'A; B and C' when an item has a comma of its own (a title such as
    'Director, Centre for Applied Science'), the last one too; '' for no items."""
    if len(items) <= 1:
        return items[0] if items else ""
    comma = "; " if any("," in item for item in items) else ", "
    return comma.join(items[:-1]) + " and " + items[-1]


def slides_text(numbers: Sequence[int]) -> str:
    """'slide 7', 'slides 7–9' or 'slides 7, 9'."""
    numbers = sorted(set(numbers))
    if len(numbers) == 1:
        return f"slide {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"slides {numbers[0]}–{numbers[-1]}"
    return "slides " + ", ".join(str(n) for n in numbers)


def part_notes(org: Org, shown: Sequence[str], continued: dict[str, int],
               reports: dict[str | None, list[str]], below: dict[str, int],
               manager: tuple[Person, int] | None = None, lead: str = "On this slide",
               posts: bool = False) -> str:
    """Speaker notes of a chart slide (`lead` starts the headcount line).

    `shown`: people drawn (root first); `continued`: person -> the slide their team is on;
    `reports`: the whole tree's direct reports; `below`: person -> positions under them;
    `manager`: the root's manager and the slide they are on; `posts`: count positions
    (`count_text`).
    """
    people = org.by_id
    filled, vacant = headcount(people[pid] for pid in shown)
    lines = [f"{lead}: {count_text(filled, vacant, posts)}."]
    elsewhere = [pid for pid in shown if pid in continued]
    if elsewhere:
        more = sum(below.get(pid, 0) for pid in elsewhere)
        lines.append(f"Their teams on other slides: {plural(more, 'more position')}.")
    managers = [pid for pid in shown if reports.get(pid)]
    if managers:
        lines.append("")
        lines.append("Managers and spans (direct reports):")
        for pid in managers:
            span = len(reports[pid])
            where = f" (team on slide {continued[pid]})" if pid in continued else ""
            lines.append(f"- {person_text(people[pid])}: {span}{where}")
    openings = [people[pid] for pid in shown if people[pid].vacant]
    if openings:
        lines.append("")
        lines.append(f"Open roles ({len(openings)}):")
        for person in openings:
            boss = people.get(person.reports_to or "")
            line = f"- {clean(person.title) or 'Open role'}"
            if boss is not None:
                line += f", reports to {who(boss)}"
            lines.append(line)
    if manager is not None:
        lines.append("")
        lines.append(f"Reports to {person_text(manager[0])} (slide {manager[1]}).")
    return "\n".join(lines)


def org_notes(stats: dict[str, Any]) -> str:
    """Speaker notes of an org's title, section or overview slide, from `stats.compute`."""
    head = stats["headcount"]
    span = stats["span_of_control"]
    lines = [f"{clean(stats['org'])} ({stats['size']}): "
             f"{plural(head['positions'], 'position')}, "
             f"{plural(head['people'], 'person', 'people')}, "
             f"{plural(head['open'], 'open role')}"
             + (f" ({total_text(head['fte'])} FTE filled, {total_text(head['open_fte'])} open)."
                if head["with_fte"] else "."),
             f"Layers from the top to the deepest report: {stats['layers']}.",
             f"Managers: {span['managers']}; span of control min / median / max: "
             f"{span_text(span)}."]
    leaders = [f"{v['name']} {v['count']}" + (f" ({v['open']} open)" if v["open"] else "")
               for v in stats["product_leadership"].values() if v["count"]]
    if leaders:
        lines.append("Product leadership: " + ", ".join(leaders) + ".")
    if stats["open_roles"]:
        lines.append("")
        lines.append(f"Open roles ({len(stats['open_roles'])}):")
        for role in stats["open_roles"][:40]:
            lines.append(f"- {clean(role['title']) or role['id']}")
        if len(stats["open_roles"]) > 40:
            lines.append(f"- ... and {len(stats['open_roles']) - 40} more")
    return "\n".join(lines)

