"""The role ladder: levels, ranks, built-in roles and title inference."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial
from itertools import compress, count
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from orgviz.titleneeds import NEEDS

if TYPE_CHECKING:
    from orgviz.model import Person


def _compiled_on_use(source: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regular expression compiled the first time it is asked for: one that only titles of
    some shape need (a slash, an intern, a separator ...), which a process may never read."""
    return cache(partial(re.compile, source, flags))


# Level id -> (rank, label). Higher rank = more senior.
LEVELS: dict[str, tuple[int, str]] = {
    "ceo": (100, "CEO"),
    "c-level": (90, "C-level"),
    "svp": (85, "SVP / EVP"),  # senior, executive and group vice presidents, over the VPs
    "vp": (80, "VP"),
    "head": (70, "Head"),
    "director": (60, "Director"),
    "manager": (50, "Manager / Lead"),
    "supervisor": (45, "Supervisor"),  # first-line: a Production Supervisor under a Manager
    "senior-ic": (40, "Senior IC"),
    "ic": (30, "IC"),
    "associate": (20, "Associate"),
}

#: The product leadership roles, most senior first. An SVP of Product (a senior, executive or
#: group vice president of product) is of the VP of Product's family (`VP_OF_PRODUCT`), a
#: level above the VPs of Product who may report to them.
PRODUCT_LEADERSHIP = ("cpo", "svp-product", "vp-product", "head-of-product",
                      "director-of-product")
#: The product leadership roles every org is compared on (the roles chart draws a "none" box
#: for each one whose place nobody fills, `missing_leadership`): an org without an SVP of
#: Product lacks nothing.
CORE_PRODUCT_LEADERSHIP = ("cpo", "vp-product", "head-of-product", "director-of-product")
#: The roles that hold a VP of Product's place in the product rules (`head-under-vp`,
#: `director-under-head`, the enterprise `profile-fit`), and so in the roles chart, stats and
#: the deck's comparison (`filled_by`): a VP of Product, or an SVP of Product.
VP_OF_PRODUCT = ("svp-product", "vp-product")


def filled_by(role_id: str, held: Collection[str]) -> list[str]:
    """The roles whose holders fill `role_id`'s place in the product ladder, of the roles
    `held` in an org, as the product rules read them: the role itself where somebody holds
    it; for a VP of Product nobody holds, an SVP of Product (`VP_OF_PRODUCT`, most senior
    first: an SVP of Product's place is never a VP's); none where the org lacks the role."""
    if role_id in held:
        return [role_id]
    family = VP_OF_PRODUCT[:VP_OF_PRODUCT.index(role_id)] if role_id in VP_OF_PRODUCT else ()
    return [r for r in family if r in held]


def missing_leadership(held: Collection[str]) -> list[str]:
    """The core product leadership roles whose place none of the roles `held` fills, most
    senior first: what the roles chart draws as "no ..." boxes (an org with an SVP of Product
    and no VP of Product lacks no VP of Product)."""
    return [r for r in CORE_PRODUCT_LEADERSHIP if not filled_by(r, held)]


class Role(NamedTuple):
    """A role of the ladder: an id, a display name, its level and the titles it matches."""

    id: str
    name: str
    level: str
    titles: tuple[str, ...] = ()
    function: str = "general"

    @property
    def rank(self) -> int:
        """Seniority: higher is more senior."""
        return LEVELS[self.level][0]


def _r(id_: str, name: str, level: str, function: str, *titles: str) -> Role:
    return Role(id_, name, level, tuple(titles), function)


#: "X Manager" titles that name an individual contributor (who manages accounts, projects,
#: a territory ...), unless the holder has reports: then `RoleLadder.with_reports` says
#: manager ("Sales Manager" over sales reps).
_IC_MANAGER = re.compile(r"\b(account|project|program|success|office|sales|territory|"
                         r"product marketing) manager\b")


#: A chief executive's chief of staff named without a possessive ("CEO Chief of Staff",
#: "President Deputy Chief of Staff"): no CEO-ranked chief of staff exists, where "VP,
#: Chief of Staff" may be a VP who is one.
_CEO_CHIEF_OF_STAFF = (r"((group|global) )?(ceo|chief executive( officer)?|president|"
                       r"managing director) (deputy )?chief of staff$")

#: Keeps a pattern that finds a role at the start of a title ("Dean ...", "CEO ...") off the
#: titles of those who assist its holder, named after the role ("Dean's Assistant", "CEO
#: Assistant", "Chief Executive's Office Manager", "CEO Office Coordinator", "Director PA" (an EA),
#: "CEO's Chief of Staff"), and of an intern named after it ("VP Intern", "SVP Trainee",
#: "CEO Intern": an intern is never the role); not after "of", which names a team ("Head of
#: EA", "VP of EA": of the executive assistants, or an enterprise architecture).
_AIDE_TITLES = (r".*\bs (pa|ea|assistant|secretary|office manager|(deputy )?chief of staff)$",
                r".*\b(?<!\bof )(pa|ea|assistant|intern|trainee|apprentice)$", _CEO_CHIEF_OF_STAFF,
                r"\w+( \w+){0,3}( s)? office (manager|coordinator|administrator|assistant)\b")
_NOT_AN_AIDE = "^" + "".join(f"(?!{aide})" for aide in _AIDE_TITLES)
#: The same for a pattern that finds a role anywhere in a title ("Regional Director North"):
#: nor the titles that say whom they assist ("Executive Assistant to the Managing Director",
#: "Secretary to the Head", "Support to Head of Health and Safety", "PA to the Headteacher"),
#: counsel or serve as chief of staff ("Counsel to the VP", "Chief of Staff to the EVP": the
#: role named after "to" is whom the title serves, not the holder's), or intern ("Intern to
#: the SVP").
_AIDING = (r"assistant|secretary|aide|support|adviser|advisor|pa|ea|counsel|intern|trainee|"
           r"apprentice")
_ASSISTING_TITLE = rf".*\b({_AIDING}|chief of staff) to\b"
_NOT_ASSISTING = _NOT_AN_AIDE + f"(?!{_ASSISTING_TITLE})"

#: Keeps "EVP" off an HR title where it is the employee value proposition ("EVP Specialist",
#: "EVP & Employer Brand Manager", "EVP Lead"): a role word right after it, not a function.
_HR_EVP_AFTER = (r"( and)?( employer brand)? (specialist|manager|lead|coordinator|analyst|"
                 r"consultant|strategist|advisor|adviser|partner)\b")
_NOT_HR_EVP = f"(?!{_HR_EVP_AFTER})"

#: The words before a vice president's title that qualify it ("Senior VP", "Regional Vice
#: President"; "Exec" is read as "executive").
_VP_QUALIFIERS = r"senior|sr|executive|group|corporate|regional|area|divisional|global|first"
#: The start of a vice president's title: "VP", "Vice President", "Regional VP", "Corporate
#: Vice President", "First VP" ... (an associate or assistant vice president is `avp`, a level
#: below; "VP Product's EA" is no VP). The senior, executive and group vice presidents
#: (`_SVP`) are matched first, a level above; the qualifiers here catch them only where a
#: file's own `svp` role replaces the built-in one.
_VP = (_NOT_AN_AIDE
       + r"((interim|acting|deputy) )?"
       r"((" + _VP_QUALIFIERS + r") )?"
       r"(svp|evp" + _NOT_HR_EVP + r"|vp|vice president)")

#: The start of a senior vice president's title, a level above the vice presidents: "SVP",
#: "EVP", "Senior Vice President", "Sr VP", "Executive Vice President", "Exec VP", "Senior
#: Executive VP", "Group Vice President" (who leads a group of VPs' units), "Regional SVP".
#: "Senior" and "executive" always mean a rank above VP; "group" is taken to (Oracle's,
#: Gartner's, Toyota's Group VPs are over VPs). "Regional", "area", "divisional", "global",
#: "corporate" and "first" name a VP's scope or a bank's grade, not a rank above: `_VP`.
_SVP = (_NOT_AN_AIDE
        + r"((interim|acting|deputy) )?"
        r"((corporate|regional|area|divisional|global|group|senior|sr) )?"
        r"(svp|evp" + _NOT_HR_EVP + r"|(senior|sr|executive) (executive )?(vp|vice president)|"
        r"group (vp|vice president))")


def _no_deputy(start: str) -> str:
    """A role's start pattern (`_VP`, `_SVP`) that a deputy's title does not match."""
    return _NOT_AN_AIDE + r"(?!deputy )" + start.removeprefix(_NOT_AN_AIDE)


#: The start of a function's (senior) vice president's title: as `_VP` and `_SVP`, not a
#: deputy's ("Deputy VP of Product" is a VP, of the rank, and no VP of Product: there is one,
#: whom the deputy stands in for), as an assistant or associate VP is no VP of Product.
_VP_OF = _no_deputy(_VP)
_SVP_OF = _no_deputy(_SVP)
#: Keeps a pattern that finds a vice president at a title's end off the titles of their
#: office's staff ("Director, Office of the SVP", "Analyst, Office of the EVP") and of any
#: other "... of (the) VP" ("Head of EVP": of an employee value proposition, in HR).
_NOT_OFFICE = r"(?<!\bof )(?<!\bof the )"
#: The end of a senior vice president's title ("Sales SVP", "Operations Senior VP"; not
#: "Sales Group VP", as likely the VP of a Sales Group).
_SVP_END = (r".*" + _NOT_OFFICE + r"\b(svp|evp" + _NOT_HR_EVP
            + r"|(senior|sr|executive) (vp|vice president))$")

#: A combined title that starts with a vice president's rank ("EVP & Chief Financial Officer",
#: "SVP, General Counsel", "Executive Vice President and COO"): the role is the chief officer
#: named after it, where there is one (a C-level ranks above every vice president; "EVP and
#: General Manager", "SVP Sales" keep the VP's rank, as more senior).
_VP_LEAD = re.compile(
    r"^((interim|acting|deputy) )?((" + _VP_QUALIFIERS + r") )*((associate|assistant) )?"
    r"(vice president|vp|svp|evp|avp)"
    r"( and)? (?=\w)")

#: A chief officer named after the start of a title: after the name of an organisation or
#: unit ("Border Force Chief Operating Officer", "Acme UK CFO"), or after a function's vice
#: president or another role ("Sales VP and CFO", "Marketing SVP, General Counsel", "Chief of
#: Staff & Chief Technology Officer"); the role is read from there (`RoleLadder._infer`), where
#: it is a chief officer's. Not before a possessive or "office" ("Chief Operating Officer's
#: PA", "CFO Office Manager"), nor a deputy or associate general counsel, a grade called chief
#: officer (`_CHIEF_GRADE`) or the chief executive ("Regional CEO" is C-level, "Acme CEO" may
#: be the CEO); an abbreviation counts at the title's end or before "and" only ("Finance CFO
#: Team Lead" is no CFO).
_CHIEF_GRADE = r"(petty|warrant|immigration)"
_OFFICER_NAMED = re.compile(
    rf"\b(chief (?!of\b|executive\b|{_CHIEF_GRADE}\b)\w+( \w+)?( and \w+( \w+)?)? officer"
    r"|(cpo|cto|cdo|cfo|coo|cmo|cro|chro|ciso|clo|cio)(?=$| and\b)"
    r"|(?<!\bdeputy )(?<!\bassociate )(?<!\bassistant )general counsel)(?! s\b| office\b)")
#: ... nor where the words before it (since the last "and") name a chief officer the title
#: relates to or serves, or an assistant or associate one: "Office of the Acme CFO", "Head of
#: the Chief Executive's Office", "Executive Assistant, Acme CFO", "Chief of Staff, CTO",
#: "Assistant Chief Constable" ("Head of Finance and CFO" is the CFO).
_OFFICER_OF = _compiled_on_use(r"\b(of|to|for|the|assistant|associate|vice|secretary|aide|"
                               r"support|adviser|advisor|pa|ea|counsel|staff|office|team)\b")

#: An executive's title (a vice president or above, or a chair): whoever assists one is an
#: executive assistant ("Assistant to the SVP", "Senior Vice President Assistant", "CEO's PA",
#: "Chairman's Assistant"; not an academic department's or a committee's chair's, as a
#: dean's is not).
_EXECUTIVE = (r"((deputy|group|interim|acting) )?(ceo|chief executive( officer)?|president|"
              r"(?<!\bdepartment )(?<!\bcommittee )chair(man|woman|person)?|"
              r"managing director|general (counsel|manager)|"
              r"(cpo|cto|cdo|cfo|coo|cmo|cro|chro|ciso|clo|cio|cso|cco|cao|cbo|cgo|cdao)|"
              r"chief \w+( \w+)?( and \w+( \w+)?)? officer|"
              r"((" + _VP_QUALIFIERS + r"|associate|assistant) )*(vice president|vp)|svp|evp|"
              r"avp)")
#: An executive named at the start of a title, after a word or a second hat ("Chairman and
#: CEO's ..."), then up to two words and a possessive ("VP Engineering's ...").
_EXECUTIVE_NAMED = rf"(\w+ (and )?)?{_EXECUTIVE}( of)?( \w+){{0,2}}( s)?"
#: The title of an executive's assistant named after the executive ("SVP Assistant", "VP
#: Engineering's EA", "Senior Vice President Assistant", "Chairman and CEO's PA"; not
#: "Marketing Assistant").
_EXECUTIVE_AIDE = _EXECUTIVE_NAMED + r" (assistant|pa|ea)$"
#: The staff of an executive's office ("Senior Vice President Office Manager"): no senior IC,
#: but an IC, as "SVP Office Manager" is.
_EXECUTIVE_OFFICE = _EXECUTIVE_NAMED + r" office (manager|coordinator|administrator|assistant)$"
#: A job noun that makes an "EA" or "PA" before it another abbreviation ("EA Consultant", "EA
#: Architect", "EA Analyst": of an enterprise architecture; "PA Consultant": of public
#: affairs), after a grade too ("EA Senior Consultant").
_EA_JOB = (r"((senior|sr|junior|jr|lead|principal|chief|staff|associate) )?(consultant|"
           r"consultancy|architect|architecture|analyst|lead|leader|engineer|manager|developer|"
           r"programmer|specialist|director|principal|strategist|practitioner|owner|head|"
           r"advisor|adviser|designer|modeller|modeler|officer|expert|scientist|researcher|"
           r"coordinator|administrator|intern|trainee|apprentice|partner|associate|"
           r"representative|governance|practice)\b")
#: An EA or PA, an executive or personal assistant: alone, to someone or with an executive
#: ("EA", "EA to the CEO", "EA - CEO", "EA / PA", "EA, EMEA"), not before another job noun
#: (`_EA_JOB`: "EA Consultant", "Senior EA Architect", "PA Engineer", "EA/PA Intern").
_PA = rf"(ea|pa)( and (ea|pa))?\b(?!( and (ea|pa))? {_EA_JOB})"
#: An executive assistant's title after "Senior", "Sr" or "Principal" (a grade of the role, not
#: a senior IC): "Senior Executive Assistant", "Senior EA", "Senior PA to the CEO", "Senior
#: Assistant to the CEO", and a PA or EA of anyone named with a possessive ("Senior Director's
#: PA": a PA is a personal assistant, as "PA to the Director" is). Not "Senior Assistant" nor
#: "Senior Marketing Assistant": no executive, nor the role, is named.
_EXECUTIVE_ASSISTANT = (rf"(executive|personal|administrative) assistant\b|{_PA}"
                        rf"|assistant to (the )?(\w+ ){{0,2}}{_EXECUTIVE}\b|.*\bs (pa|ea)$")

#: The start of a chief officer's title: "Group", "Interim", "Deputy" ... or nothing ("Deputy
#: CFO" reads as the role deputised, as a "Deputy Director" does; a deputy chief executive is
#: a C-level below the CEO).
_CHIEF = _NOT_AN_AIDE + r"((group|global|interim|acting|joint|divisional|regional|deputy) )?"

#: "Staff" as the grade above senior, in technical ladders ("Staff Data Scientist"); elsewhere
#: it names the basic grade ("Staff Nurse", "Staff Accountant", "Staff Writer").
_STAFF_TECH = (r"^staff (\w+ )?(engineer|developer|scientist|designer|researcher|analyst|"
               r"architect|product manager|technical program manager)\b")

#: A hospital consultant: the senior doctor (nurse, midwife ...) of a specialty, over its
#: registrars and house officers ("Consultant Physician", "Consultant in Emergency
#: Medicine", "Nurse Consultant"); not a "Consultant" of a consulting firm.
_CONSULTANT_CLINICIAN = (
    r"^consultant (in\b|(\w+ )?(physician|surgeon|anaesthetist|anesthetist|psychiatrist|"
    r"radiologist|paediatrician|pediatrician|obstetrician|gynaecologist|cardiologist|"
    r"oncologist|haematologist|pathologist|neurologist|dermatologist|geriatrician|"
    r"microbiologist|histopathologist|psychologist|nurse|midwife|pharmacist|"
    r"clinical scientist)\b)|^(nurse|midwife|pharmacist) consultant$")

#: The words before a function's head that name the post's scope, grade or tenure ("Global
#: Head of Product", "Interim Head of Design", "Group Head of Engineering"): the function's head
#: still. Not "Assistant", "Associate" or "Deputy" ("Assistant Head of Product", "Associate
#: Head of Product", "Deputy Head of Product": a post below the function's head, whom a deputy
#: stands in for, at its level: `head`).
_HEAD_POST_QUALIFIERS = (r"((interim|acting|senior|sr|executive|group|corporate|regional|area|"
                         r"divisional|global) )*")
#: ... and before a function's director ("Sr. Director of Product"), a deputy's too: "Deputy
#: Director" is a grade of its own (the UK civil service's, of who leads a unit: "Deputy
#: Director, Product"), read as the director's, as "Deputy Director" is a director. Not
#: "Assistant" or "Associate" ("Associate Director of Product": `director`).
_POST_QUALIFIERS = (r"((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|"
                    r"divisional|global) )*")
#: The teams named "Product ..." that are not product management but another function's:
#: product marketing (of a marketing team), product operations, analytics, data, support,
#: quality and security (of their functions), product design (design's: `_DESIGN`) and product
#: engineering (engineering's: `_ENGINEERING`), as the managers of them are not group PMs.
_PRODUCT_TEAMS = r"marketing|operations|ops|analytics|data|support|quality|security"
#: "Product" as the product leadership's function: not another function's product team ("VP of
#: Product Marketing", "Head of Product Operations", "Director of Product Analytics", "Head of
#: Product Design": of a marketing, operations, analytics, design team, as "Product Marketing
#: Director" and "Product Marketing Manager" are).
_PRODUCT = rf"products?(?! ({_PRODUCT_TEAMS}|design|engineering)\b)"
#: The engineering and design functions' names after a leader's rank ("VP of Engineering",
#: "Head of Product Design").
_ENGINEERING = r"(engineering|technology|software|product engineering)"
_DESIGN = r"(design|ux|user experience|product design)"

# Title patterns are regular expressions matched against a normalised title (lower case,
# punctuation folded to spaces, "&"/"and" kept as "and", "mgr" -> "manager" ...).
# The first role whose pattern matches wins, so specific roles come before generic ones.
BUILTIN_ROLES: tuple[Role, ...] = (
    _r("ceo", "CEO", "ceo", "executive",
       _NOT_AN_AIDE + r"((group|global|interim|acting|joint) )?"
       r"(ceo|chief executive( officer)?)\b",
       _NOT_AN_AIDE + r"(founder )?(and )?ceo\b", r"\bco ?founder and ceo\b",
       r"^managing director$",
       r"^president( and ceo)?$", r"^(second )?permanent secretary$", r"^managing partner$",
       # A chair, owner or director who is also the CEO ("Chairman & CEO", "Managing
       # Director and Chief Executive", "Executive Director and CEO" of a charity).
       r"^((vice |deputy )?chair(man|woman|person)?|owner|(executive |managing )?director) "
       r"and (ceo|chief executive( officer)?)$",
       r"^executive chair(man|woman|person)?$",
       r"^((executive|acting|interim) )?(head ?teacher|headmaster|headmistress)$",
       r"^executive principal$",
       r"^(city|county|town|borough|village) (manager|administrator|chief executive|executive)$",
       _NOT_AN_AIDE + r"secretary (of|for) (?!the (board|company|corporation|committee)\b)"),
    _r("cpo", "Chief Product Officer", "c-level", "product",
       _CHIEF + r"(cpo|chief products?( and technology)? officer)\b"),
    _r("cto", "Chief Technology Officer", "c-level", "engineering",
       _CHIEF + r"(cto|chief technology officer|chief technical officer)\b"),
    _r("cdo", "Chief Design Officer", "c-level", "design",
       _CHIEF + r"(chief design officer|cdo)\b"),
    _r("cfo", "Chief Financial Officer", "c-level", "finance",
       _CHIEF + r"(cfo|chief financial officer|chief finance officer)\b"),
    _r("coo", "Chief Operating Officer", "c-level", "operations",
       _CHIEF + r"(coo|chief operating officer|chief operations officer)\b"),
    _r("cmo", "Chief Marketing Officer", "c-level", "marketing",
       _CHIEF + r"(cmo|chief marketing officer)\b"),
    _r("cro", "Chief Revenue Officer", "c-level", "sales",
       _CHIEF + r"(cro|chief revenue officer)\b"),
    _r("chro", "Chief People Officer", "c-level", "people",
       _CHIEF + r"(chro|cpo people|chief (people|human resources|hr) officer)\b"),
    _r("ciso", "Chief Information Security Officer", "c-level", "security",
       _CHIEF + r"(ciso|chief (information )?security officer)\b"),
    _r("clo", "Chief Legal Officer", "c-level", "legal",
       _CHIEF + r"(clo|chief legal officer)\b",
       _NOT_AN_AIDE + r"((group|global|interim|acting|joint|divisional|regional) )?"
       r"general counsel\b"),
    _r("c-level", "C-level executive", "c-level", "executive",
       _CHIEF + rf"chief (?!{_CHIEF_GRADE}\b)\w+( \w+)?( and \w+( \w+)?)? officer\b",
       _CHIEF + r"(cio|cso|cco|cao|cbo|cgo|cdao)$",
       _NOT_AN_AIDE + r"(deputy|divisional|regional) (ceo|chief executive)\b",
       r"^(deputy )?chief nurse$",
       r"^deputy permanent secretary$",
       r"^(deputy|assistant) (city|county|town|borough|village) (manager|administrator)$",
       _NOT_AN_AIDE + r"(deputy|under) ?secretary (of|for)\b"),
    _r("svp-product", "SVP of Product", "svp", "product", _SVP_OF + r"( of)? " + _PRODUCT + r"\b"),
    _r("svp-engineering", "SVP of Engineering", "svp", "engineering",
       _SVP_OF + r"( of)? " + _ENGINEERING + r"\b"),
    _r("svp-design", "SVP of Design", "svp", "design", _SVP_OF + r"( of)? " + _DESIGN + r"\b"),
    _r("svp", "Senior Vice President", "svp", "general", _SVP + r"\b",
       _NOT_ASSISTING + _SVP_END),
    _r("vp-product", "VP of Product", "vp", "product", _VP_OF + r"( of)? " + _PRODUCT + r"\b"),
    _r("vp-engineering", "VP of Engineering", "vp", "engineering",
       _VP_OF + r"( of)? " + _ENGINEERING + r"\b"),
    _r("vp-design", "VP of Design", "vp", "design", _VP_OF + r"( of)? " + _DESIGN + r"\b"),
    _r("partner", "Partner", "vp", "general",
       r"^(senior |equity |salaried |name |office managing |practice |audit |tax |advisory |"
       r"consulting |deal |engagement |lead |gp |general )?partner$"),
    _r("avp", "Associate Vice President", "head", "general",
       _NOT_AN_AIDE + r"((senior|sr) )?((associate|assistant) (vice president|vp)|avp)\b",
       _NOT_ASSISTING + r".*\bavp$"),
    _r("vp", "Vice President", "vp", "general", _VP + r"\b",
       _NOT_ASSISTING + r".*" + _NOT_OFFICE + r"\b(vice president|vp|svp|evp" + _NOT_HR_EVP
       + r")$",
       _NOT_AN_AIDE + r"assistant secretary (of|for)\b"),
    # ("Head - Product", "Head, Design", "Design Head", "Design Head, EMEA" read as "Head of
    # X": `normalise_title`; "Global Head of Product", "Interim Head of Design" as "Head of X")
    _r("head-of-product", "Head of Product", "head", "product",
       _NOT_AN_AIDE + _HEAD_POST_QUALIFIERS + r"head of " + _PRODUCT + r"( management)?\b",
       # (not "Product Head's EA", "Product Head Intern", nor a place: "Product Head Office")
       _NOT_AN_AIDE + _HEAD_POST_QUALIFIERS + r"products? head\b(?! office\b)"),
    _r("head-of-engineering", "Head of Engineering", "head", "engineering",
       _NOT_AN_AIDE + _HEAD_POST_QUALIFIERS + r"head of " + _ENGINEERING + r"\b"),
    _r("head-of-design", "Head of Design", "head", "design",
       _NOT_AN_AIDE + _HEAD_POST_QUALIFIERS + r"head of " + _DESIGN + r"\b"),
    _r("head", "Head of function", "head", "general", _NOT_ASSISTING + r".*\bhead of\b",
       # ("Deputy Product Head EMEA": a head, not the Head of Product)
       _NOT_AN_AIDE + _POST_QUALIFIERS + r"product head\b(?! office\b)",
       _NOT_ASSISTING + r".*\bhead$",
       _NOT_ASSISTING + r"(?!.*\bassistant general manager\b).*\bgeneral manager\b",
       r"^associate partner$", r"^principal$", _NOT_AN_AIDE + r"dean\b",
       _NOT_AN_AIDE + r"((principal )?deputy )?inspector general\b",
       _NOT_AN_AIDE + r"(principal )?deputy (assistant secretary\b|under ?secretary (of|for)\b)",
       _NOT_AN_AIDE + r"(assistant|associate|deputy) superintendent\b",
       _NOT_ASSISTING + r".*\bhead ?teacher\b", _NOT_ASSISTING + r".*\bhead(master|mistress)\b"),
    _r("director-of-product", "Director of Product", "director", "product",
       _NOT_AN_AIDE + _POST_QUALIFIERS + r"(director|dir)( of)? " + _PRODUCT
       + r"( management)?\b",
       # (not "Product Director's PA", "Product Director Intern")
       _NOT_AN_AIDE + _POST_QUALIFIERS + r"products?( management)? director\b"),
    _r("director-of-engineering", "Director of Engineering", "director", "engineering",
       _NOT_AN_AIDE + _POST_QUALIFIERS + r"(director|dir)( of)? (engineering|"
       r"software engineering|technology|product engineering)\b",
       # ("Product Engineering Director", "Product Design Director": of those teams)
       _NOT_AN_AIDE + _POST_QUALIFIERS + r"(product )?engineering director\b"),
    _r("director-of-design", "Director of Design", "director", "design",
       _NOT_AN_AIDE + _POST_QUALIFIERS + r"(director|dir)( of)? " + _DESIGN + r"\b",
       _NOT_AN_AIDE + _POST_QUALIFIERS + r"(product )?design director\b"),
    _r("chief-of-staff", "Chief of Staff", "director", "operations",
       _NOT_AN_AIDE + rf"(?!.*\b({_AIDING}) to\b).*\bchief of staff\b",
       r"\bs (deputy )?chief of staff$",  # ("CEO's Chief of Staff")
       "^" + _CEO_CHIEF_OF_STAFF),  # ("CEO Chief of Staff")
    _r("director", "Director", "director", "general",
       _NOT_AN_AIDE + r"(senior |associate )?(director|dir)\b",
       _NOT_ASSISTING + r".*\bdirector\b",
       _NOT_AN_AIDE + r"(deputy|associate|assistant) general counsel\b",
       r"^(vice|deputy|assistant|associate) principal$",
       _NOT_AN_AIDE + r"(associate|assistant|vice|deputy) dean\b",
       _NOT_AN_AIDE + r"assistant inspector general\b",
       r"^((deputy|assistant) )?chief officer$", _NOT_AN_AIDE + r"chief counsel\b",
       r"^((assistant|deputy|group|corporate|divisional) )?(financial |finance )?controller$",
       r"^((deputy|assistant) )?chief (engineer|pharmacist|actuary|economist|statistician|"
       r"scientist|accountant|nurse)$"),
    _r("group-pm", "Group Product Manager", "manager", "product",
       r"^group product manager\b", r"^gpm\b", r"^(lead|head) product manager\b",
       r"^product (lead|manager lead)\b",
       # ("Manager, Product Management", "Senior Manager, Product": a manager of PMs; not
       # of product marketing, design, operations, engineering ...)
       r"^((senior|sr) )?manager (of )?product( management)?\b"
       rf"(?! ({_PRODUCT_TEAMS}|design|engineering|owner|manager|lead)\b)"),
    _r("principal-pm", "Principal Product Manager", "manager", "product",
       r"^principal product manager\b"),
    _r("engineering-manager", "Engineering Manager", "manager", "engineering",
       r"^(senior )?(software )?engineering manager\b", r"^(tech|technical|engineering) lead\b",
       r"^manager,? (software )?engineering\b", r"^development manager\b",
       r"^((senior|sr) )?manager (of )?product engineering\b"),
    _r("design-manager", "Design Manager", "manager", "design",
       r"^(senior )?(product )?design manager\b", r"^design lead\b", r"^ux (lead|manager)\b",
       r"^((senior|sr) )?manager (of )?(product )?(design|ux)\b"),
    _r("senior-pm", "Senior Product Manager", "senior-ic", "product",
       r"^(senior|sr) (technical )?product manager\b"),
    _r("staff-engineer", "Staff Engineer", "senior-ic", "engineering",
       r"^(staff|principal|distinguished) (software |data |ml )?engineer\b", r"^architect\b",
       r"\barchitect$"),
    _r("senior-engineer", "Senior Engineer", "senior-ic", "engineering",
       r"^(senior|sr) (software |data |ml |backend |frontend |front end |mobile |devops |"
       r"site reliability |platform |security |qa )?(engineer|developer)\b"),
    _r("senior-designer", "Senior Designer", "senior-ic", "design",
       r"^(senior|sr|staff|principal) (product |ux |ui |visual |interaction )?designer\b"),
    _r("manager", "Manager", "manager", "general",
       _NOT_ASSISTING + r"(?!.*\b(account|project|program|success|product|office|sales|"
       r"territory)\b).*\bmanager\b",
       # (not "Lead Executive Assistant", "Lead EA": an executive assistant's grade)
       rf"^lead\b(?! ({_EXECUTIVE_ASSISTANT}))", _NOT_ASSISTING + r".*\blead\b",
       r"\bteam leader\b",
       # (a manager of a product team other than product management's: "Manager, Product
       # Marketing", "Senior Manager, Product Operations")
       rf"^((senior|sr) )?manager (of )?product ({_PRODUCT_TEAMS})\b",
       # ("Group Product Marketing Manager": over product marketing managers, as a Group
       # Product Manager is over PMs)
       r"^group product marketing manager\b",
       r"^executive (producer|chef|housekeeper)$", _NOT_AN_AIDE + r"principal investigator\b",
       _NOT_ASSISTING + r".*\bin charge\b"),
    _r("supervisor", "Supervisor", "supervisor", "general",
       r"\b(supervisor|supervisory|supervising|foreman|forewoman|forewomen|foremen)\b"),
    _r("senior-ic", "Senior individual contributor", "senior-ic", "general",
       # (not an executive's aide or office staff, an executive assistant ("Senior EA",
       # "Senior Director's PA"), nor the intern of a role named after "Senior": "Senior Vice
       # President Intern", "Senior Director Intern" are interns, as "SVP Intern" is; "Senior
       # Intern" and "Senior Assistant" stay)
       rf"^(?!{_EXECUTIVE_AIDE}|{_EXECUTIVE_OFFICE})(senior|sr|principal)\b(?! house officer$)"
       rf"(?! ({_EXECUTIVE_ASSISTANT}))(?! \w.* (intern|trainee|apprentice)$)", _STAFF_TECH,
       _CONSULTANT_CLINICIAN,
       _NOT_AN_AIDE + r"((assistant|associate|full|distinguished|visiting|clinical|research|"
       r"adjunct) )?professor\b"),
    _r("apm", "Associate Product Manager", "associate", "product",
       r"^(associate|junior|jr) product manager\b", r"^apm\b", r"^product (manager )?intern\b"),
    _r("pm", "Product Manager", "ic", "product",
       r"^(technical )?product manager\b", r"^product owner\b"),  # ("PM" reads as this)
    _r("associate-engineer", "Associate Engineer", "associate", "engineering",
       r"^(associate|junior|jr|graduate|trainee) (software )?(engineer|developer)\b"),
    _r("engineer", "Engineer", "ic", "engineering",
       r"\b(engineer|developer|programmer|sre|devops)\b"),
    _r("associate-designer", "Associate Designer", "associate", "design",
       r"^(associate|junior|jr) (product |ux |ui )?designer\b"),
    _r("designer", "Designer", "ic", "design", r"\b(designer|ux researcher|user researcher)\b"),
    _r("executive-assistant", "Executive Assistant", "ic", "operations",
       r"\b(executive|personal|administrative) assistant\b", "^" + _PA,
       rf"^(senior|sr|principal|lead) {_PA}",
       "^" + _EXECUTIVE_AIDE,
       rf"^((senior|sr|principal|lead) )?assistant to (the )?(\w+ ){{0,2}}{_EXECUTIVE}\b",
       r"\bs (pa|ea)$"),  # ("Director's PA", "Senior Director's PA": a personal assistant)
    _r("analyst", "Analyst", "ic", "general", r"\b(analyst|scientist|researcher)\b"),
    _r("intern", "Intern", "associate", "general", r"\b(intern|trainee|apprentice)\b"),
    _r("associate", "Associate", "associate", "general",
       r"^(associate(?!$)|junior|jr|assistant)\b",
       r"\bassistant$"),
    _r("ic", "Individual contributor", "ic", "general", _IC_MANAGER.pattern,
       r"\b(specialist|representative|rep|coordinator|consultant|accountant|officer|"
       r"executive|agent|administrator|clerk|recruiter|marketer|writer|counsel|"
       r"partner|associate|support|sales|advocate|technician|technologist|buyer|"
       r"scheduler|planner|operator|inspector|mechanic|electrician|machinist|assembler|"
       r"driver|stocker|janitor|custodian|cashier|receptionist|secretary|bookkeeper|"
       r"paralegal|nurse|teacher|trainer|auditor|lecturer)\b",
       r"\bstaff$"),
)

_BUILTIN_BY_ID = {role.id: role for role in BUILTIN_ROLES}
#: The built-in leader's role of each (level, function): ("vp", "product") -> vp-product.
_FUNCTION_AT: dict[tuple[str, str], str] = {}
for _role in BUILTIN_ROLES:
    if _role.function != "general":
        _FUNCTION_AT.setdefault((_role.level, _role.function), _role.id)
_PUNCT = re.compile(r"[^\w&+]+|_+", re.UNICODE)  # (underscores too: SA_REP, Sales_Manager)
_ABBREVIATIONS = {
    "mgr": "manager", "sr.": "sr", "snr": "senior", "dir.": "dir", "eng": "engineering",
    "mgmt": "management", "v.p.": "vp", "v p": "vp", "svp,": "svp", "pdt": "product",
    "asst": "assistant", "exec": "executive", "pm": "product manager",
    "gm": "general manager", "dir": "director",
}


#: Job codes of HR databases (Oracle HR's `SA_MAN`, `IT_PROG`, `AD_PRES`): an upper-case
#: department prefix, then the job in abbreviated words.
_JOB_CODE = re.compile(r"[A-Z]{2,4}(?:_[A-Z]+)+")
_JOB_CODE_WORDS = {
    "man": "manager", "mgr": "manager", "pres": "president", "asst": "assistant",
    "account": "accountant", "acct": "accountant", "prog": "programmer", "dev": "developer",
    "rep": "representative", "dir": "director", "sup": "supervisor", "eng": "engineer",
    "admin": "administrator", "tech": "technician", "adm": "administrator",
}


#: The start of a title that names a second hat before the role ("Co-founder & CTO",
#: "President and Chief Operating Officer"): the role is inferred from what follows.
_TITLE_LEAD = re.compile(r"^(co ?founder|founder|president) and (?=\w)")


_C_LEVEL = LEVELS["c-level"][0]
_DIRECTOR = LEVELS["director"][0]
#: The whole part of a title after a vice president's rank when it names the chief executive
#: ("SVP and CEO"; not "EVP and CEO, Wealth Management", "SVP & CEO of Acme Bank": a
#: division's, nor "SVP and Managing Director" or "EVP and President": a bank's or a
#: division's), after a rank with no qualifier of a unit ("Regional VP and CEO" is no CEO).
_CHIEF_EXECUTIVE = _compiled_on_use(r"((group|global|interim|acting|joint) )?"
                                    r"(ceo|chief executive( officer)?)")
_UNIT_QUALIFIER = re.compile(r"\b(regional|area|divisional|global|group|corporate)\b")
#: Where a title as written joins two hats ("Sales VP and General Manager", "Sales VP / GM"),
#: and what separates a title's parts before that (a comma, a dash ...): `normalise_title`
#: folds both into spaces and " and ".
_JOINED = re.compile(r"\s+and\s+|\s*[&/+]\s*", re.IGNORECASE)
_SEPARATED = re.compile(r"[,;:|()]|\s[-\u2013\u2014]|[-\u2013\u2014]\s")
_VP_RANK_END = re.compile(r"\b(vp|vice president|svp|evp)$")
_VP_RANK = re.compile(r"\b(vp|vice president|svp|evp)\b")
_HR_EVP = _compiled_on_use(r"\bevp" + _HR_EVP_AFTER)
#: An assistant's title before a separator ("Executive Assistant, Director", "EA, SVP and
#: GM", "Assistant (VP)"): the assistant of whom the rest names, as "... to the Director" is.
_ASSISTANT_FIRST = _compiled_on_use(
    r"((senior|sr|principal|executive|personal|administrative|admin) )*"
    r"(assistant|ea|pa|secretary)")
#: The end of a title's part after a separator that names an office or its staff
#: ("Coordinator, GM Office", "Program Manager, VP and GM Staff"): the title is its first part.
_OF_AN_OFFICE = re.compile(r".*\b(office|(?<!\bchief of )staff)")
#: A manager's title before whom it serves ("Business Manager to the SVP and GM"): a manager.
#: A general manager named in a title's part ("GM", spelt out by `normalise_title`).
_GM_READING = re.compile(r"\bgeneral manager\b")
#: A title's part that is a rank and nothing else ("Director", "Senior VP", "Assistant Vice
#: President"): with a leader's role of a function it says at which rank that role is held.
_RANK_ONLY = re.compile(r"((senior|sr|group|global|regional|deputy|associate|assistant|interim|"
                        r"acting) )*(director|dir|vp|vice president|svp|evp|avp|"
                        r"(senior|executive) vice president)")
#: An EA or PA at a title's end, after whom it serves ("Head of Sales EA").
#: (not a head or a team of an enterprise architecture or of public affairs: "Head of EA")
_AIDE_END = re.compile(r"\b(?!(of|for|and|the) )\w+ (ea|pa)$")
#: The levels a bare rank gives a function's leader, and the functions with such leaders.
_RANK_LEVELS = frozenset({"director", "head", "vp", "svp"})
_LEADING_FUNCTIONS = frozenset({"product", "engineering", "design"})
_MANAGER_TO = re.compile(r"((business|office|program|project|operations) )?manager to the ")
#: "GM" (spelt out) before a job ("GM Engineer", "GM Analyst", "GM Service Technician"): a
#: job at or for a GM (General Motors' dealers', a general manager's office), not a general
#: manager, as "GM Sales" or "GM, Cloud" is.
_GM_JOB = re.compile(
    r"general manager (?=(\w+ ){0,3}(engineer|developer|programmer|technician|technologist|"
    r"mechanic|analyst|scientist|researcher|specialist|representative|coordinator|consultant|"
    r"accountant|administrator|clerk|recruiter|designer|architect|planner|buyer|scheduler|"
    r"operator|inspector|advisor|adviser|writer|trainer|auditor|associate|assistant|intern|"
    r"trainee|apprentice)$)")
#: A chief of staff's title after a separator ("Sales VP, Chief of Staff").
_CHIEF_OF_STAFF = re.compile(r"(deputy )?chief of staff")
#: An intern's title named after a role ("Senior Software Engineer Intern", "Group Product
#: Manager Trainee", "Engineer's Apprentice"), or "Intern" and an individual contributor's job
#: as written ("Intern Architect", "Intern Software Engineer"; not "Intern's Manager", "Intern,
#: Director"): the title reads as the word alone does, "Intern", where the role ranks above it
#: (an intern is never the role; "Product Intern" and "Product Manager Intern" are `apm`, of
#: the intern's rank, as before; nor a grade alone before it: "Senior Intern" stays a `Senior X`).
_INTERN_END = re.compile(r"(?<!^senior )(?<!^sr )(?<!^principal )\b(intern|trainee|apprentice)$")
_INTERN_FIRST = re.compile(r"\s*(intern)\s+(?!and\b)(?=\w)", re.IGNORECASE)
_SENIOR_IC = LEVELS["senior-ic"][0]
#: ... but "Intern" or "Internship" before the job of an intern programme's staff names whom
#: they serve, as "to the ..." does: "Intern Program Manager", "Intern Coordinator", "Intern
#: Recruiter", "Internship Coordinator" read as their job ("Program Manager", "Coordinator",
#: "Recruiter").
_INTERN_STAFF = _compiled_on_use(
    r"(interns?|internships?) (?=((program|programme|programs|programmes|recruiting|recruitment|"
    r"hiring|experience|development|team) (manager|coordinator|recruiter|lead|leader|specialist|"
    r"partner|administrator|director)|manager|coordinator|recruiter|lead|leader|supervisor|"
    r"administrator|director|advisor|adviser|trainer)\b)")
_AIDE = re.compile("|".join(f"(?:{aide})" for aide in _AIDE_TITLES))
_ASSISTING = re.compile(_ASSISTING_TITLE)


def _joined_plainly(title: str, text: str) -> bool:
    """Whether a title as written joins two hats ("and", "&", "/", "+") with no separator
    before the join (a comma, a dash ...), and names no aide, nobody its holder assists and
    no HR EVP (`text`: the title normalised): `_first_hat` and `_second_hat` read the join
    only then."""
    joined = _JOINED.search(title)
    return (joined is not None and _SEPARATED.search(title, 0, joined.start()) is None
            and _HR_EVP().search(text) is None and not any(_guards(text)[1:]))


def _guards(text: str) -> tuple[bool, bool, bool]:
    """(unused, whether a title names an aide of the role it starts with, whether it names
    whom its holder assists or aids): the tests `_NOT_AN_AIDE` and `_NOT_ASSISTING` make,
    made once a title rather than once a pattern (each runs over the whole title)."""
    aide = _AIDE.match(text) is not None
    return False, aide, aide or _ASSISTING.match(text) is not None


#: What `RoleLadder._match` calls to search a normalised title with a pattern: the compiled
#: pattern's `search`, or an `_Uncompiled` one's, which compiles it when it is worth it.
_Search = Callable[[str], object]


#: The built-in title patterns' searches that a ladder compiled, by source.
_COMPILED_BUILTINS: dict[str, _Search] = {}


class _Uncompiled:
    """A title pattern not compiled yet, entry `at` of a ladder's `_searched`: its search
    compiles it only for a title that holds the strings it needs (`orgviz.titleneeds`: one
    of each tuple, "^x" at the title's start, "x$" at its end; none for a pattern not there,
    a file's own role's or one changed since), and puts the compiled pattern's search in its
    place.

    So a process compiles only the patterns its titles could match (compiling all 137 took
    ~25 ms, about a fifth of `orgviz validate` of a small org). Testing a title costs about
    what searching the compiled pattern would, and compiling it about as much as testing as
    many titles as the pattern has characters: after that many titles, the pattern is
    compiled anyway (so that many titles cost about twice, at most, what compiling every
    pattern at once did).
    """

    __slots__ = ("at", "needs", "searched", "source", "tests_left")

    def __init__(self, source: str, searched: list[tuple[_Search, str, int]], at: int) -> None:
        self.source, self.searched, self.at = source, searched, at
        self.needs = NEEDS.get(source, ())
        self.tests_left = len(source)

    def __call__(self, text: str) -> object:
        """The pattern's search of a normalised title: None for a title without the strings
        it needs while testing titles costs less than compiling the pattern (unless another
        ladder compiled it: the built-in patterns are compiled once a process)."""
        search = _COMPILED_BUILTINS.get(self.source)
        if search is None:
            self.tests_left -= 1
            if self.tests_left >= 0 and not _holds(_framed(text), self.needs):
                return None
            search = re.compile(self.source).search
            if self.needs:  # (a built-in pattern: one of a few, worth keeping)
                _COMPILED_BUILTINS[self.source] = search
        _, role_id, guard = self.searched[self.at]
        self.searched[self.at] = search, role_id, guard
        return search(text)


@lru_cache(maxsize=1)  # (every pattern not compiled yet tests a title in turn: framed once)
def _framed(text: str) -> str:
    """A text as `_holds` reads it: between "^" and "$", without a newline at its end (before
    which `$` matches too), so that "^x" is x at its start and "x$" x at its end."""
    return "^" + text.removesuffix("\n") + "$"


def _holds(framed: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a text (`_framed`) holds one of each tuple of strings."""
    for strings in needs:
        for string in strings:
            if string in framed:
                break
        else:
            return False
    return True


def _guarded(source: str) -> tuple[str, int]:
    """A title pattern's source as searched, and its guard (0, or the index in `_guards` of the
    test that keeps it off a title): a pattern that starts with `_NOT_ASSISTING` or
    `_NOT_AN_AIDE` is searched without it, anchored, and tried only on the titles that pass
    the guard."""
    for guard, prefix in ((2, _NOT_ASSISTING), (1, _NOT_AN_AIDE)):
        if source.startswith(prefix):
            rest = source[len(prefix):]
            # ("^.*X" is searched as "X": the same titles, without a scan from each end)
            return (rest[2:] if rest.startswith(".*") else "^" + rest), guard
    return source, 0


def is_job_code(title: str) -> bool:
    """Whether a title is an HR database's job code (`SA_MAN`, `IT_PROG`, `AD_PRES`)."""
    return _JOB_CODE.fullmatch(title) is not None


def _job_code_title(code: str) -> str:
    """A job code as the title it stands for, department prefix dropped ('SA_MAN' -> 'manager')."""
    words = code.casefold().split("_")[1:]
    return " ".join(_JOB_CODE_WORDS.get(word, word) for word in words)


#: A bare rank ("VP", "Senior Director", "Head", "Manager"): before a slash and a function
#: ("VP / Product", "Director/Engineering"), the slash separates them as " - " or "," does.
_BARE_RANK = _compiled_on_use(
    r"((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|"
    r"global|first|associate|assistant) )*(vice president|vp|svp|evp|avp|director|dir|head|"
    r"manager)")
#: A function (one or several: "Product", "Product & Design", "Engineering and Operations",
#: "Product / Design"), as written after a slash, up to the title's end or a separator
#: ("Product, EMEA", "Product (EMEA)"); not a role ("VP / General Manager", "Director/Product
#: Manager", "VP / CFO": the slash joins two roles, as "and" does).
_FUNCTION = (r"\b(product( management)?|engineering|software|technology|tech|design|ux|ui|"
             r"user experience|research|data|analytics|sales|marketing|finance|accounting|"
             r"operations|ops|legal|compliance|risk|security|hr|human resources|people|talent|"
             r"it|information technology|infrastructure|platform|strategy|communications|"
             r"customer success|partnerships|business development|growth|revenue|procurement|"
             r"supply chain|logistics|quality|manufacturing|brand|content|digital)\b")
_FUNCTIONS = rf"{_FUNCTION}((\s*([,&+/-]|and\b)\s*|\s+){_FUNCTION})*"
_FUNCTIONS_END = r"\s*($|[,;:()|\-\u2013\u2014])"
_SLASHED_FUNCTION = _compiled_on_use(  # (one way to split the spaces between two functions)
    rf"\s*{_FUNCTIONS}{_FUNCTIONS_END}")
#: A bare "Head" ("Interim Head", "Deputy Head" ...), then a separator (" - ", ",", ":", "/"
#: or a space) and functions up to the title's end or a separator: "Head - Product", "Head,
#: Design", "Head / Sales", "Head Product, EMEA" read as "Head of X" does ("Head Designer",
#: "Head - Product Designer", "Head Chef" do not: no function alone).
_HEAD_QUALIFIERS = (r"((interim|acting|deputy|senior|sr\.?|executive|group|corporate|regional|"
                    r"area|divisional|global|associate|assistant)\s+)*")
_HEAD_FUNCTION = re.compile(
    rf"\s*(?P<head>{_HEAD_QUALIFIERS}head)(\s*[-\u2013\u2014,:/|]\s*|\s+)"
    rf"(?={_FUNCTIONS}{_FUNCTIONS_END})")
#: ... or functions, then "Head", up to the title's end or a separator: "Design Head", "Product
#: & Design Head", "Engineering Head, EMEA" read as "Head of Design" ... does.
_FUNCTION_HEAD = re.compile(
    rf"\s*(?P<qualifiers>{_HEAD_QUALIFIERS})(?P<functions>{_FUNCTIONS})\s+(?P<head>head)"
    rf"{_FUNCTIONS_END}")


#: "Product", then a separator (not a hyphen between words) and the name of a product team
#: other than product marketing's (`_PRODUCT_TEAMS`, design, engineering): "product and" the
#: team, as written with "&" (product marketing keeps reading as before, through a comma too).
_PRODUCT_LISTED = re.compile(
    r"\bproduct(\s*[,;:|()\u2013\u2014]\s*|\s+-\s*|\s*-\s+)"
    rf"(?=({_PRODUCT_TEAMS.removeprefix('marketing|')}|design|engineering)\b)")
#: "Admin" before "assistant" (its abbreviation spelt out): "administrative".
_ADMIN_ASSISTANT = re.compile(r"\badmin(?= assistant\b)")
#: "Admin" after a word, at the end of a title or before a separator or a join ("System
#: Admin", "Database Admin, EMEA", "Network Admin / DBA"): "administrator" (not after "of" or
#: "and": "Head of Admin", "Finance & Admin" name administration).
_ADMIN_END = _compiled_on_use(r"(?<=[\w.])(?<!\bof)(?<!\band)(\s+)admin\b\.?"
                              r"(?=\s*($|[,;:()|\[\]\u2013\u2014-]|and\b))")


def normalise_title(title: str) -> str:
    """Lower-case a title and fold punctuation, '&', '/' and common abbreviations ('&', '+'
    and '/' join two roles: "Director of Finance / CFO" reads as "director of finance and
    cfo"; but a slash after a bare rank, before a function, separates them as " - " does:
    "VP / Product" reads as "vp product"; a bare "Head" and functions, either way round, are
    the head of them: "Head - Product", "Head, Product" and "Product Head" read as "head of
    product")."""
    if is_job_code(title):
        title = _job_code_title(title)
    text = title.casefold()
    head = _HEAD_FUNCTION.match(text)
    if head:  # ("Head - Product": "head of product")
        return _fold(f"{head.group('head')} of {text[head.end():]}")
    head = _FUNCTION_HEAD.match(text)
    if head:  # ("Design Head": "head of design")
        return _fold(f"{head.group('qualifiers')} head of {head.group('functions')} "
                     f"{text[head.end('head'):]}")
    rank, slash, rest = text.partition("/")
    if slash and _SLASHED_FUNCTION().match(rest) and _BARE_RANK().fullmatch(_fold(rank)):
        return _fold(f"{rank} {rest}")
    return _fold(text)


def _fold(text: str) -> str:
    """A lower-case title's words, punctuation, '&', '+', '/' and abbreviations folded."""
    # ("Director of Product, Data Products", "Head - Product, Design": product and a team, as
    # "Head of Product & Design" is, not the team "Product Data" or "Product Design")
    text = _PRODUCT_LISTED.sub("product and ", text)
    text = text.replace("&", " and ").replace("+", " and ").replace("/", " and ")
    text = text.replace("v.p.", "vp").replace("sr.", "sr").replace("dir.", "dir")
    if "admin" in text:  # ("System Admin": an administrator)
        text = _ADMIN_END().sub(r"\1administrator", text)
    words = [w for w in _PUNCT.sub(" ", text).split() if w]
    words = [_ABBREVIATIONS.get(w, w) for w in words]
    # ("Admin Assistant", "Admin Asst": an administrative assistant; "System Admin" and "Admin
    # Manager" keep the word)
    return _ADMIN_ASSISTANT.sub("administrative", " ".join(words))


@dataclass(frozen=True)
class RoleLadder:
    """The roles an org can use: built-ins plus the file's own `roles:` entries."""

    roles: Mapping[str, Role]
    #: (regular expression, role id) in matching order; compiled on the first `infer`, so
    #: that orgs whose people all name their role never pay for it.
    _patterns: tuple[tuple[str, str], ...] = field(repr=False, default=())
    _cache: dict[str, str | None] = field(repr=False, compare=False, default_factory=dict)
    #: (search: a compiled pattern's, or an `_Uncompiled` one's; role id; guard, see
    #: `_guarded`) in matching order, made on the first `infer`.
    _searched: list[tuple[_Search, str, int]] = field(repr=False, compare=False,
                                                      default_factory=list)
    _managing: dict[str, str | None] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def build(cls, extra: Iterable[Role] = ()) -> RoleLadder:
        """Combine built-in roles with custom ones; custom roles win and match titles first."""
        extra = tuple(extra)
        roles: dict[str, Role] = {r.id: r for r in BUILTIN_ROLES}
        for role in extra:
            roles[role.id] = role
        order = [*extra, *(r for r in BUILTIN_ROLES if roles[r.id] is r)]
        patterns = []
        for role in order:
            for text in role.titles:
                if role in extra:
                    text = r"\b" + re.escape(normalise_title(text)) + r"\b"
                patterns.append((text, role.id))
        return cls(roles, tuple(patterns))

    def infer(self, title: str) -> str | None:
        """The role id a job title maps to, or None when no role matches."""
        if title in self._cache:
            return self._cache[title]
        result = self._cache[title] = self._infer(title)
        return result

    def _infer(self, title: str) -> str | None:
        text = normalise_title(title)
        if not text:
            return None
        if not self._searched:
            searched = self._searched
            for source, role_id in self._patterns:
                searched_source, guard = _guarded(source)
                searched.append((_Uncompiled(searched_source, searched, len(searched)), role_id,
                                 guard))
        lead = _TITLE_LEAD.match(text)  # "Co-founder & CTO": the role after the founder
        if lead:
            found = self._match(text[lead.end():])
            if found is not None:
                return found
        whole = self._match(text)
        # (a file's own role for the title wins)
        builtin = whole is None or self.roles[whole] is _BUILTIN_BY_ID.get(whole)
        if builtin and whole is not None and ("intern" in text or "trainee" in text
                                              or "apprentice" in text):
            intern = self._intern(title, text, whole)
            if intern is not None:
                return intern
        separated = _SEPARATED.search(title) if builtin else None
        if separated is not None and separated.start() > 0 and text.count(" ") < 12:
            # (a title, not a sentence that describes a post)
            first, rest = title[:separated.start()], title[separated.end():]
            first_text, rest_text = normalise_title(first), normalise_title(rest)
            if _ASSISTANT_FIRST().fullmatch(first_text) and rest_text:
                return self.infer(f"{first} to the {rest}")
            if _OF_AN_OFFICE.fullmatch(rest_text):
                return self.infer(first)
            if _CHIEF_OF_STAFF.fullmatch(rest_text):  # ("Sales VP, Chief of Staff": the VP)
                held = self._match(first_text)
                if held is not None and self.roles[held].level in ("vp", "svp"):
                    return held
            if _CHIEF_OF_STAFF.fullmatch(first_text):  # ("Chief of Staff, SVP": to the SVP,
                # as "Chief of Staff, SVP Engineering" and "Chief of Staff, GM" are)
                served = self._match(rest_text)
                if served is not None and self.roles[served].level in ("vp", "svp"):
                    return self._match(first_text)
            if _GM_READING.search(rest_text):  # ("Chief of Staff, GM")
                held = self._below_a_gm(first_text, whole)
                if held is not None:
                    return held
            ranked = self._ranked_function(first_text, rest_text)
            if ranked is not None:  # ("Director, Head of Product", "Head of Product (VP)")
                return ranked
        if builtin and text.count(" and ") == 1:  # ("VP and Head of Product")
            ranked = self._ranked_function(*text.split(" and "))
            if ranked is not None:
                return ranked
        if builtin and _AIDE_END.search(text) and "executive-assistant" in self.roles:
            # ("Head of Sales EA", "Director PA": the EA of whom the title names first, as
            # "CEO EA" and "Director's PA" are)
            served = self._match(text[:-3])
            if served is not None and self.roles[served].rank >= _DIRECTOR:
                return "executive-assistant"
        gm = _GM_JOB.match(text) if builtin and whole is not None else None
        if gm is not None:  # ("GM Engineer": an engineer)
            held = self._below_a_gm(text[gm.end():], whole)
            if held is not None:
                return held
        if builtin and _MANAGER_TO.match(text):
            return self._match(text.partition(" to the ")[0])
        if builtin and " to " in text:  # ("Coordinator to the GM")
            before, _, after = text.partition(" to ")
            if _GM_READING.search(after):
                held = self._below_a_gm(before, whole)
                if held is not None:
                    return held
        lead = _VP_LEAD.match(text)  # "EVP & CFO": the chief officer after the VP's rank
        if lead and builtin:
            # (and "SVP and CEO": the CEO)
            found = self._officer(text[lead.end():], chief_executive=_UNIT_QUALIFIER.search(
                lead.group()) is None)
            if found is not None:
                return found
        if builtin and (whole is None or whole == "c-level"
                        or self.roles[whole].rank < _C_LEVEL):
            # ("Border Force Chief Operating Officer", "Sales VP and CFO": the chief officer
            # named after the title's start; not in a title that names an aide or whom its
            # holder assists, "Acme CFO PA", "Assistant to the Group CFO")
            named = _OFFICER_NAMED.search(text, 1)
            if (named is not None and not _guards(text)[2] and _OFFICER_OF().search(
                    text[:named.start()].rpartition(" and ")[2]) is None):
                found = self._officer(text[named.start():])
                if found is not None:
                    return found
            if lead is None and " and " in text:  # ("Sales VP and GM": the VP, more senior)
                hat = self._first_hat(title, text)
                if hat is not None and (whole is None or self.roles[whole].rank
                                        < self.roles[hat].rank):
                    return hat
                hat = self._second_hat(title, text)  # ("GM & VP of Sales": the VP)
                if hat is not None:
                    return hat
        return whole

    def _ranked_function(self, one: str, other: str) -> str | None:
        """The role of a title whose two parts (normalised) are a bare rank and a leader's
        role in product, engineering or design, in either order ("Director, Head of
        Product": the Head of Product; "VP, Head of Product", "Head of Product (VP)": the VP
        of Product): the function's role at the more senior of the two ranks, where the
        ladder has one, else the function's role as written; None for other titles."""
        for rank_part, job_part in ((one, other), (other, one)):
            if not _RANK_ONLY.fullmatch(rank_part):
                continue
            rank_id, job_id = self._match(rank_part), self._match(job_part)
            if rank_id is None or job_id is None:
                continue
            rank_role, job = self.roles[rank_id], self.roles[job_id]
            if (rank_role.function != "general" or rank_role.level not in _RANK_LEVELS
                    or job.function not in _LEADING_FUNCTIONS or job.level not in _RANK_LEVELS
                    or job is not _BUILTIN_BY_ID.get(job_id)):
                continue
            level = rank_role.level if rank_role.rank > job.rank else job.level
            found = _FUNCTION_AT.get((level, job.function), job_id)
            return found if found in self.roles else job_id
        return None

    def _below_a_gm(self, part: str, whole: str | None) -> str | None:
        """The role of a title's part (normalised: the part before the GM, or the job after
        "GM") where the whole title reads as a general manager's only because it names the
        GM its holder serves or works for ("Chief of Staff, GM", "Senior Analyst, GM
        Finance", "Coordinator to the GM", "GM Engineer": a head is no reading of theirs),
        when that part has a role of a lower rank; else None ("Sales VP, General Manager"
        keeps reading by its end)."""
        if whole is None or self.roles[whole].level != "head":
            return None
        held = self._match(part)
        return held if held is not None and self.roles[held].rank < self.roles[whole].rank \
            else None

    def _intern(self, title: str, text: str, whole: str) -> str | None:
        """The role of a title (normalised: `text`) that names an intern programme's staff
        (the job after "Intern": "Intern Coordinator" reads as "Coordinator"), or an intern
        named after a role that ranks above the intern's ("Senior Software Engineer Intern",
        "Intern Architect": as "Intern" reads), where it is not the role `whole` of the whole
        title."""
        staff = _INTERN_STAFF().match(text)
        if staff is not None:
            job = self._match(text[staff.end():])
            return job if job is not None and job != whole else None
        named = _INTERN_END.search(text)
        if named is None and self.roles[whole].rank <= _SENIOR_IC:
            named = _INTERN_FIRST.match(title)
        if named is None:
            return None
        intern = self._match(named.group(1).casefold())
        return intern if intern is not None and (
            self.roles[intern].rank < self.roles[whole].rank) else None

    def _second_hat(self, title: str, text: str) -> str | None:
        """The vice president's role of the second of two hats a title joins ("GM & VP of
        Sales", "GM/VP Sales", "General Manager and SVP, Sales": the more senior hat), where
        the first reads as a leader's role of a lower rank, a director's or above (not
        "Executive Assistant & VP Sales", whose EA as likely), written with no separator
        before the join, and the title names nobody its holder serves or aids ("Coordinator,
        GM & VP Sales", "Assistant to the GM and VP")."""
        first, _, second = text.partition(" and ")
        if _VP_RANK.search(second) is None:  # (no vice president: the common case, cheap)
            return None
        if " to " in f" {text} " or not _joined_plainly(title, text):
            return None
        hat = self._match(second)
        if hat is None or self.roles[hat].level not in ("vp", "svp"):
            return None
        held = self._match(first)
        return (hat if held is not None and _DIRECTOR <= self.roles[held].rank
                < self.roles[hat].rank else None)

    def _first_hat(self, title: str, text: str) -> str | None:
        """The vice president's role of the first of two hats a title joins ("Sales VP and
        General Manager", "Sales SVP / GM"; one that starts with the rank reads as the rank's
        own patterns read it), if its first part reads as one: written with no
        separator before the join, and naming nobody its holder serves (not "Executive
        Assistant, VP & GM", "Coordinator, SVP and GM Office", "Business Manager to the SVP
        and GM")."""
        first = text.partition(" and ")[0]
        if (" to " in f" {first} " or _VP_RANK_END.search(first) is None
                or not _joined_plainly(title, text)):
            return None
        found = self._match(first)
        return found if found is not None and self.roles[found].level in ("vp", "svp") else None

    def _officer(self, text: str, chief_executive: bool = False) -> str | None:
        """The role a normalised title (part) matches when it is a chief officer's (or, with
        `chief_executive`, the chief executive's, where the part names one)."""
        found = self._match(text)
        if found is None:
            return None
        level = self.roles[found].level
        return found if level == "c-level" or (
            chief_executive and level == "ceo" and _CHIEF_EXECUTIVE().fullmatch(text)) else None

    def _match(self, text: str) -> str | None:
        """The first role whose pattern a normalised title matches."""
        guards: tuple[bool, bool, bool] | None = None
        for search, role_id, guard in self._searched:
            if guard:
                if guards is None:
                    guards = _guards(text)
                if guards[guard]:
                    continue
            if search(text):
                return role_id
        return None

    def with_reports(self, title: str) -> str | None:
        """The role of a title's holder who has reports, when it differs from `infer`'s:
        `manager` for the titles that name an individual contributor below the manager level
        by default ("Sales Manager", "Senior Account Manager", "Project Manager" ...), None
        for every other title."""
        if title not in self._managing:
            held, manager = self.roles.get(self.infer(title) or ""), self.roles.get("manager")
            self._managing[title] = (
                "manager" if held is not None and manager is not None
                and held is _BUILTIN_BY_ID.get(held.id)  # (a role of the file's own wins)
                and held.rank < manager.rank and _IC_MANAGER.search(normalise_title(title))
                else None)
        return self._managing[title]

    def rank(self, role_ids: Iterable[str]) -> int | None:
        """The rank of a (possibly combined) role: its most senior known member."""
        ranks = [self.roles[r].rank for r in role_ids if r in self.roles]
        return max(ranks) if ranks else None

    def level(self, role_ids: Iterable[str]) -> str | None:
        """The level id of a (possibly combined) role."""
        best: Role | None = None
        for r in role_ids:
            role = self.roles.get(r)
            if role is not None and (best is None or role.rank > best.rank):
                best = role
        return best.level if best else None


DEFAULT_LADDER = RoleLadder.build()


def with_managing_roles(people: Sequence[Person], ladder: RoleLadder) -> list[Person] | None:
    """The people again, with `manager` as the role of those whose role comes from a title
    that names an individual contributor unless they have reports, and who have reports
    (see `RoleLadder.with_reports`); None when nobody's role changes."""
    titles = set(map(_TITLE, people))
    titles.discard(None)
    managing = {t for t in titles if ladder.with_reports(t)}
    if not managing:
        return None
    reports = Counter(map(_REPORTS_TO, people))
    out = list(people)
    changed = False
    for at in compress(count(), map(managing.__contains__, map(_TITLE, people))):
        person = people[at]
        own = 1 if person.reports_to == person.id else 0  # (a self-report is no report)
        if person.role_source == "title" and reports[person.id] > own:
            out[at] = replace(person, roles=(ladder.with_reports(person.title),))  # type: ignore[arg-type]  # (a managing title)
            changed = True
    return out if changed else None


_TITLE = attrgetter("title")
_REPORTS_TO = attrgetter("reports_to")
