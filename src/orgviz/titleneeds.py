"""The strings each built-in title pattern of `orgviz.roles` needs in a title.

Written by `python tests/test_roles_needs.py` from the patterns' parse trees (do not
edit): a pattern whose source is not here (changed since) is compiled for every title
that reaches it.
"""

#: The CRC-32 of a pattern's source (as searched) -> the strings a normalised title must
#: hold for it to match: one of each tuple ("^x": x at its start, "x$": at its end).
NEEDS: dict[int, tuple[tuple[str, ...], ...]] = {
    0xDF87EFC1: (  # ceo
        ("ceo", "chief executive"),
    ),
    0x5545E92D: (  # ceo
        ("^and ceo", "^ceo", "^founder and ceo", "^founder ceo"),
    ),
    0xA6FE549F: (  # ceo
        ("co founder and ceo", "cofounder and ceo"),
    ),
    0x3016C115: (  # ceo
        ("^managing director$",),
    ),
    0xAE15D951: (  # ceo
        ("^president and ceo$", "^president$"),
    ),
    0xC3CEADC1: (  # ceo
        ("^permanent secretary$", "^second permanent secretary$"),
    ),
    0xA820CA2E: (  # ceo
        ("^managing partner$",),
    ),
    0x2FD1CC3D: (  # ceo
        ("^chair and ", "^chairman and ", "^chairperson and ", "^chairwoman and ",
         "^deputy chair and ", "^deputy chairman and ", "^deputy chairperson and ",
         "^deputy chairwoman and ", "^director and ", "^executive director and ",
         "^managing director and ", "^owner and ", "^vice chair and ", "^vice chairman and ",
         "^vice chairperson and ", "^vice chairwoman and "),
        ("ceo$", "chief executive officer$", "chief executive$"),
    ),
    0xBAFDEC14: (  # ceo
        ("^executive chair$", "^executive chairman$", "^executive chairperson$",
         "^executive chairwoman$"),
    ),
    0xF13085A2: (  # ceo
        ("^acting head teacher$", "^acting headmaster$", "^acting headmistress$",
         "^acting headteacher$", "^executive head teacher$", "^executive headmaster$",
         "^executive headmistress$", "^executive headteacher$", "^head teacher$", "^headmaster$",
         "^headmistress$", "^headteacher$", "^interim head teacher$", "^interim headmaster$",
         "^interim headmistress$", "^interim headteacher$"),
    ),
    0xAD9B724F: (  # ceo
        ("^executive principal$",),
    ),
    0xF4F86C04: (  # ceo
        ("administrator$", "executive$", "manager$"),
        ("^borough ", "^city ", "^county ", "^town ", "^village "),
    ),
    0x9A1F40E9: (  # ceo
        ("^secretary for ", "^secretary of "),
    ),
    0xBDC8737A: (  # cpo
        ("chief product and technology officer", "chief product officer",
         "chief products and technology officer", "chief products officer", "cpo"),
    ),
    0x9637E064: (  # cto
        ("chief technical officer", "chief technology officer", "cto"),
    ),
    0x0326F4DD: (  # cdo
        ("cdo", "chief design officer"),
    ),
    0x0EEB6BA8: (  # cfo
        ("cfo", "chief finance officer", "chief financial officer"),
    ),
    0x4B599C42: (  # coo
        ("chief operating officer", "chief operations officer", "coo"),
    ),
    0x18FB5864: (  # cmo
        ("chief marketing officer", "cmo"),
    ),
    0x65865C65: (  # cro
        ("chief revenue officer", "cro"),
    ),
    0xD687E922: (  # chro
        ("chief hr officer", "chief human resources officer", "chief people officer", "chro",
         "cpo people"),
    ),
    0x99EBA695: (  # ciso
        ("chief information security officer", "chief security officer", "ciso"),
    ),
    0x5902CEF8: (  # clo
        ("chief legal officer", "clo"),
    ),
    0x80059434: (  # clo
        ("^acting general counsel", "^divisional general counsel", "^general counsel",
         "^global general counsel", "^group general counsel", "^interim general counsel",
         "^joint general counsel", "^regional general counsel"),
    ),
    0x5820A731: (  # c-level
        (" officer",),
        ("^acting chief ", "^chief ", "^deputy chief ", "^divisional chief ", "^global chief ",
         "^group chief ", "^interim chief ", "^joint chief ", "^regional chief "),
    ),
    0x1B30ACE6: (  # c-level
        ("cao$", "cbo$", "cco$", "cdao$", "cgo$", "cio$", "cso$"),
    ),
    0x04AE536B: (  # c-level
        ("^deputy ceo", "^deputy chief executive", "^divisional ceo",
         "^divisional chief executive", "^regional ceo", "^regional chief executive"),
    ),
    0xB3CA8505: (  # c-level
        ("^chief nurse$", "^deputy chief nurse$"),
    ),
    0xF183E0F0: (  # c-level
        ("^deputy permanent secretary$",),
    ),
    0xA2C268A3: (  # c-level
        ("^assistant borough ", "^assistant city ", "^assistant county ", "^assistant town ",
         "^assistant village ", "^deputy borough ", "^deputy city ", "^deputy county ",
         "^deputy town ", "^deputy village "),
        ("administrator$", "manager$"),
    ),
    0x8A5D3EAB: (  # c-level
        ("^deputy secretary for", "^deputy secretary of", "^deputysecretary for",
         "^deputysecretary of", "^under secretary for", "^under secretary of",
         "^undersecretary for", "^undersecretary of"),
    ),
    0x4CF4B3C9: (  # svp-product
        (" product",),
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    0xEE89579A: (  # svp-engineering
        (" engineering", " software", " technology"),
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    0xB91DF299: (  # svp-design
        (" design", " user experience", " ux"),
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    0x315596B6: (  # svp
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    0xC1B72E2F: (  # svp
        ("evp$", "executive vice president$", "executive vp$", "senior vice president$",
         "senior vp$", "sr vice president$", "sr vp$", "svp$"),
    ),
    0xE89A4749: (  # vp-product
        (" product",),
        ("vice president", "vp"),
    ),
    0x1142DE89: (  # vp-engineering
        (" engineering", " software", " technology"),
        ("vice president", "vp"),
    ),
    0xAFE8EE85: (  # vp-design
        (" design", " user experience", " ux"),
        ("vice president", "vp"),
    ),
    0xA524016C: (  # partner
        ("^advisory partner$", "^audit partner$", "^consulting partner$", "^deal partner$",
         "^engagement partner$", "^equity partner$", "^general partner$", "^gp partner$",
         "^lead partner$", "^name partner$", "^office managing partner$", "^partner$",
         "^practice partner$", "^salaried partner$", "^senior partner$", "^tax partner$"),
    ),
    0x28592C4E: (  # avp
        ("^assistant vice president", "^assistant vp", "^associate vice president",
         "^associate vp", "^avp", "^senior assistant vice president", "^senior assistant vp",
         "^senior associate vice president", "^senior associate vp", "^senior avp",
         "^sr assistant vice president", "^sr assistant vp", "^sr associate vice president",
         "^sr associate vp", "^sr avp"),
    ),
    0xE9A654A1: (  # avp
        ("avp$",),
    ),
    0xE0C9FD63: (  # vp
        ("vice president", "vp"),
    ),
    0xD6067D62: (  # vp
        ("vice president$", "vp$"),
    ),
    0x902C74CF: (  # vp
        ("^assistant secretary for", "^assistant secretary of"),
    ),
    0xC6222A06: (  # head-of-product
        ("head of product",),
    ),
    0x4DFBA0A5: (  # head-of-product
        ("product head", "products head"),
    ),
    0x07ED656F: (  # head-of-engineering
        ("head of engineering", "head of product engineering", "head of software",
         "head of technology"),
    ),
    0x85617294: (  # head-of-design
        ("head of design", "head of product design", "head of user experience", "head of ux"),
    ),
    0x5649C0D3: (  # head
        ("head of",),
    ),
    0xFB5CE341: (  # head
        ("product head",),
    ),
    0xED182234: (  # head
        ("head$",),
    ),
    0x12F22E82: (  # head
        ("general manager",),
    ),
    0x81BF1E97: (  # head
        ("^associate partner$",),
    ),
    0xB05D0C14: (  # head
        ("^principal$",),
    ),
    0x58509C85: (  # head
        ("^dean",),
    ),
    0xCE668853: (  # head
        ("^deputy inspector general", "^inspector general",
         "^principal deputy inspector general"),
    ),
    0x6A7D3BBC: (  # head
        ("assistant secretary", "under secretary for", "under secretary of",
         "undersecretary for", "undersecretary of"),
        ("^deputy ", "^principal deputy "),
    ),
    0x6AD3A24B: (  # head
        ("^assistant superintendent", "^associate superintendent", "^deputy superintendent"),
    ),
    0x1B053463: (  # head
        ("head teacher", "headteacher"),
    ),
    0x3826DEAA: (  # head
        ("headmaster", "headmistress"),
    ),
    0xCE1F7F94: (  # director-of-product
        ("dir of product", "dir product", "director of product", "director product"),
    ),
    0x7BB20802: (  # director-of-product
        ("product director", "product management director", "products director",
         "products management director"),
    ),
    0x84BF9698: (  # director-of-engineering
        ("dir engineering", "dir of engineering", "dir of product engineering",
         "dir of software engineering", "dir of technology", "dir product engineering",
         "dir software engineering", "dir technology", "director engineering",
         "director of engineering", "director of product engineering",
         "director of software engineering", "director of technology",
         "director product engineering", "director software engineering", "director technology"),
    ),
    0x84896404: (  # director-of-engineering
        ("engineering director",),
    ),
    0x8CD9FFEF: (  # director-of-design
        ("dir design", "dir of design", "dir of product design", "dir of user experience",
         "dir of ux", "dir product design", "dir user experience", "dir ux", "director design",
         "director of design", "director of product design", "director of user experience",
         "director of ux", "director product design", "director user experience", "director ux"),
    ),
    0xF392EFA3: (  # director-of-design
        ("design director",),
    ),
    0x24D39DD3: (  # chief-of-staff
        ("chief of staff",),
    ),
    0xAAA67901: (  # chief-of-staff
        ("s chief of staff$", "s deputy chief of staff$"),
    ),
    0x1F6EC105: (  # chief-of-staff
        ("chief of staff$",),
        ("^ceo ", "^chief executive ", "^global ceo ", "^global chief executive ",
         "^global managing director ", "^global president ", "^group ceo ",
         "^group chief executive ", "^group managing director ", "^group president ",
         "^managing director ", "^president "),
    ),
    0x725B4119: (  # director
        ("^associate dir", "^dir", "^senior dir"),
    ),
    0x569BEAFD: (  # director
        ("director",),
    ),
    0x94DACA3F: (  # director
        ("^assistant general counsel", "^associate general counsel", "^deputy general counsel"),
    ),
    0x3292CA40: (  # director
        ("^assistant principal$", "^associate principal$", "^deputy principal$",
         "^vice principal$"),
    ),
    0xBD5E6E91: (  # director
        ("^assistant dean", "^associate dean", "^deputy dean", "^vice dean"),
    ),
    0xF340BC4F: (  # director
        ("^assistant inspector general",),
    ),
    0x4B1FD1D8: (  # director
        ("^assistant chief officer$", "^chief officer$", "^deputy chief officer$"),
    ),
    0x80727C8C: (  # director
        ("^chief counsel",),
    ),
    0x0A5686FA: (  # director
        ("controller$",),
    ),
    0xE7EDE399: (  # director
        ("^assistant chief ", "^chief ", "^deputy chief "),
        ("accountant$", "actuary$", "economist$", "engineer$", "nurse$", "pharmacist$",
         "scientist$", "statistician$"),
    ),
    0xE83F49C7: (  # group-pm
        ("^group product manager",),
    ),
    0x32D689BA: (  # group-pm
        ("^gpm",),
    ),
    0xBCE82A0D: (  # group-pm
        ("^head product manager", "^lead product manager"),
    ),
    0xBC75D210: (  # group-pm
        ("^product lead", "^product manager lead"),
    ),
    0xFACDB6C9: (  # group-pm
        ("^manager of product", "^manager product", "^senior manager of product",
         "^senior manager product", "^sr manager of product", "^sr manager product"),
    ),
    0x716BD4CD: (  # principal-pm
        ("^principal product manager",),
    ),
    0x07DA1CFA: (  # engineering-manager
        ("^engineering manager", "^senior engineering manager",
         "^senior software engineering manager", "^software engineering manager"),
    ),
    0x2411002F: (  # engineering-manager
        ("^engineering lead", "^tech lead", "^technical lead"),
    ),
    0x103B8042: (  # engineering-manager
        ("^manager engineering", "^manager software engineering", "^manager, engineering",
         "^manager, software engineering"),
    ),
    0x400AC0CD: (  # engineering-manager
        ("^development manager",),
    ),
    0x7F4E6151: (  # engineering-manager
        ("^manager of product engineering", "^manager product engineering",
         "^senior manager of product engineering", "^senior manager product engineering",
         "^sr manager of product engineering", "^sr manager product engineering"),
    ),
    0xC148D031: (  # design-manager
        ("^design manager", "^product design manager", "^senior design manager",
         "^senior product design manager"),
    ),
    0x6C6EE690: (  # design-manager
        ("^design lead",),
    ),
    0x92C7AD76: (  # design-manager
        ("^ux lead", "^ux manager"),
    ),
    0x73AB8EDB: (  # design-manager
        ("^manager ", "^senior manager ", "^sr manager "),
        ("design", "ux"),
    ),
    0xF45522B4: (  # senior-pm
        ("^senior product manager", "^senior technical product manager", "^sr product manager",
         "^sr technical product manager"),
    ),
    0x5074E900: (  # staff-engineer
        ("^distinguished data engineer", "^distinguished engineer", "^distinguished ml engineer",
         "^distinguished software engineer", "^principal data engineer", "^principal engineer",
         "^principal ml engineer", "^principal software engineer", "^staff data engineer",
         "^staff engineer", "^staff ml engineer", "^staff software engineer"),
    ),
    0xBB0F61DE: (  # staff-engineer
        ("^architect",),
    ),
    0x5EC1ED2A: (  # staff-engineer
        ("architect$",),
    ),
    0x027F52A0: (  # senior-engineer
        ("developer", "engineer"),
        ("^senior ", "^sr "),
    ),
    0x788FED00: (  # senior-designer
        ("designer",),
        ("^principal ", "^senior ", "^sr ", "^staff "),
    ),
    0xED57770F: (  # manager
        ("manager",),
    ),
    0xD72E2365: (  # manager
        ("^lead",),
    ),
    0x2C90B286: (  # manager
        ("lead",),
    ),
    0x93ED3EC3: (  # manager
        ("team leader",),
    ),
    0x874173B6: (  # manager
        ("^manager of product ", "^manager product ", "^senior manager of product ",
         "^senior manager product ", "^sr manager of product ", "^sr manager product "),
        ("analytics", "data", "marketing", "operations", "ops", "quality", "security", "support"),
    ),
    0xBB0C7747: (  # manager
        ("^group product marketing manager",),
    ),
    0x742BA96B: (  # manager
        ("^executive chef$", "^executive housekeeper$", "^executive producer$"),
    ),
    0x00AA3DAE: (  # manager
        ("^principal investigator",),
    ),
    0xC5B33A95: (  # manager
        ("in charge",),
    ),
    0x0E819F7A: (  # supervisor
        ("foreman", "foremen", "forewoman", "forewomen", "supervising", "supervisor"),
    ),
    0x0AF913F1: (  # senior-ic
        ("^principal", "^senior", "^sr"),
    ),
    0x2EABA124: (  # senior-ic
        ("^staff ",),
        ("analyst", "architect", "designer", "developer", "engineer", "product manager",
         "researcher", "scientist", "technical program manager"),
    ),
    0x6DED71AC: (  # senior-ic
        ("^consultant ", "^midwife consultant$", "^nurse consultant$", "^pharmacist consultant$"),
    ),
    0xF0DBAE76: (  # senior-ic
        ("^adjunct professor", "^assistant professor", "^associate professor",
         "^clinical professor", "^distinguished professor", "^full professor", "^professor",
         "^research professor", "^visiting professor"),
    ),
    0x89B30566: (  # apm
        ("^associate product manager", "^jr product manager", "^junior product manager"),
    ),
    0xBD967C1A: (  # apm
        ("^apm",),
    ),
    0xEC4D151A: (  # apm
        ("^product intern", "^product manager intern"),
    ),
    0x6427F3AB: (  # pm
        ("^product manager", "^technical product manager"),
    ),
    0x499250F5: (  # pm
        ("^product owner",),
    ),
    0x3078E917: (  # associate-engineer
        ("developer", "engineer"),
        ("^associate ", "^graduate ", "^jr ", "^junior ", "^trainee "),
    ),
    0x98E10FB7: (  # engineer
        ("developer", "devops", "engineer", "programmer", "sre"),
    ),
    0x2A184688: (  # associate-designer
        ("^associate designer", "^associate product designer", "^associate ui designer",
         "^associate ux designer", "^jr designer", "^jr product designer", "^jr ui designer",
         "^jr ux designer", "^junior designer", "^junior product designer",
         "^junior ui designer", "^junior ux designer"),
    ),
    0x8DFF396A: (  # designer
        ("designer", "user researcher", "ux researcher"),
    ),
    0x4D9C2DA6: (  # executive-assistant
        ("administrative assistant", "executive assistant", "personal assistant"),
    ),
    0xB2140ED0: (  # executive-assistant
        ("^ea", "^pa"),
    ),
    0xC38BD0A5: (  # executive-assistant
        ("^lead ea", "^lead pa", "^principal ea", "^principal pa", "^senior ea", "^senior pa",
         "^sr ea", "^sr pa"),
    ),
    0xEBD071DC: (  # executive-assistant
        (" assistant$", " ea$", " pa$"),
        (" officer", "ao", "bo", "ceo", "chair", "chief executive", "co", "do", "fo",
         "general manager", "go", "io", "lo", "mo", "oo", "po", "president", "ro", "so", "to",
         "vp"),
    ),
    0xDF70227D: (  # executive-assistant
        ("^assistant to ", "^lead assistant to ", "^principal assistant to ",
         "^senior assistant to ", "^sr assistant to "),
    ),
    0xD14AE7C6: (  # executive-assistant
        ("s ea$", "s pa$"),
    ),
    0x94B76161: (  # analyst
        ("analyst", "researcher", "scientist"),
    ),
    0x1D86A111: (  # intern
        ("apprentice", "intern", "trainee"),
    ),
    0x75BB0099: (  # associate
        ("^assistant", "^associate", "^jr", "^junior"),
    ),
    0xB681E60F: (  # associate
        ("assistant$",),
    ),
    0xD7553E6B: (  # ic
        ("account manager", "office manager", "product marketing manager", "program manager",
         "project manager", "sales manager", "success manager", "territory manager"),
    ),
    0x65DC8DAE: (  # ic
        ("accountant", "administrator", "advocate", "agent", "assembler", "associate", "auditor",
         "bookkeeper", "buyer", "cashier", "clerk", "consultant", "coordinator", "counsel",
         "custodian", "driver", "electrician", "executive", "inspector", "janitor", "lecturer",
         "machinist", "marketer", "mechanic", "nurse", "officer", "operator", "paralegal",
         "partner", "planner", "receptionist", "recruiter", "rep", "sales", "scheduler",
         "secretary", "specialist", "stocker", "support", "teacher", "technician",
         "technologist", "trainer", "writer"),
    ),
    0x3A025248: (  # ic
        ("staff$",),
    ),
}
