"""The strings each built-in title pattern of `orgviz.roles` needs in a title.

Written by `python tests/test_roles_needs.py` from the patterns' parse trees (do not
edit): a pattern whose source is not here (changed since) is compiled for every title
that reaches it.
"""

#: A pattern's source (as searched) -> the strings a normalised title must hold for it to
#: match: one of each tuple ("^x": x at its start, "x$": at its end). Keyed by the
#: source itself: a file's own pattern (or one changed since) is never taken for another.
NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    '^((group|global|interim|acting|joint) )?(ceo|chief executive( officer)?)\\b': (  # ceo
        ("ceo", "chief executive"),
    ),
    '^(founder )?(and )?ceo\\b': (  # ceo
        ("^and ceo", "^ceo", "^founder and ceo", "^founder ceo"),
    ),
    '\\bco ?founder and ceo\\b': (  # ceo
        ("co founder and ceo", "cofounder and ceo"),
    ),
    '^managing director$': (  # ceo
        ("^managing director$",),
    ),
    '^president( and ceo)?$': (  # ceo
        ("^president and ceo$", "^president$"),
    ),
    '^(second )?permanent secretary$': (  # ceo
        ("^permanent secretary$", "^second permanent secretary$"),
    ),
    '^managing partner$': (  # ceo
        ("^managing partner$",),
    ),
    (  # ceo
        '^((vice |deputy )?chair(man|woman|person)?|owner|(executive |managing )?director) and (ceo'
        '|chief executive( officer)?)$'
    ): (
        ("^chair and ", "^chairman and ", "^chairperson and ", "^chairwoman and ",
         "^deputy chair and ", "^deputy chairman and ", "^deputy chairperson and ",
         "^deputy chairwoman and ", "^director and ", "^executive director and ",
         "^managing director and ", "^owner and ", "^vice chair and ", "^vice chairman and ",
         "^vice chairperson and ", "^vice chairwoman and "),
        ("ceo$", "chief executive officer$", "chief executive$"),
    ),
    '^executive chair(man|woman|person)?$': (  # ceo
        ("^executive chair$", "^executive chairman$", "^executive chairperson$",
         "^executive chairwoman$"),
    ),
    '^((executive|acting|interim) )?(head ?teacher|headmaster|headmistress)$': (  # ceo
        ("^acting head teacher$", "^acting headmaster$", "^acting headmistress$",
         "^acting headteacher$", "^executive head teacher$", "^executive headmaster$",
         "^executive headmistress$", "^executive headteacher$", "^head teacher$", "^headmaster$",
         "^headmistress$", "^headteacher$", "^interim head teacher$", "^interim headmaster$",
         "^interim headmistress$", "^interim headteacher$"),
    ),
    '^executive principal$': (  # ceo
        ("^executive principal$",),
    ),
    (  # ceo
        '^(city|county|town|borough|village) (manager|administrator|chief executive|executive)$'
    ): (
        ("administrator$", "executive$", "manager$"),
        ("^borough ", "^city ", "^county ", "^town ", "^village "),
    ),
    '^secretary (of|for) (?!the (board|company|corporation|committee)\\b)': (  # ceo
        ("^secretary for ", "^secretary of "),
    ),
    (  # cpo
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(cpo|chief products?( a'
        'nd technology)? officer)\\b'
    ): (
        ("chief product and technology officer", "chief product officer",
         "chief products and technology officer", "chief products officer", "cpo"),
    ),
    (  # cto
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(cto|chief technology o'
        'fficer|chief technical officer)\\b'
    ): (
        ("chief technical officer", "chief technology officer", "cto"),
    ),
    (  # cdo
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(chief design officer|c'
        'do)\\b'
    ): (
        ("cdo", "chief design officer"),
    ),
    (  # cfo
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(cfo|chief financial of'
        'ficer|chief finance officer)\\b'
    ): (
        ("cfo", "chief finance officer", "chief financial officer"),
    ),
    (  # coo
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(coo|chief operating of'
        'ficer|chief operations officer)\\b'
    ): (
        ("chief operating officer", "chief operations officer", "coo"),
    ),
    (  # cmo
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(cmo|chief marketing of'
        'ficer)\\b'
    ): (
        ("chief marketing officer", "cmo"),
    ),
    (  # cro
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(cro|chief revenue offi'
        'cer)\\b'
    ): (
        ("chief revenue officer", "cro"),
    ),
    (  # chro
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(chro|cpo people|chief '
        '(people|human resources|hr) officer)\\b'
    ): (
        ("chief hr officer", "chief human resources officer", "chief people officer", "chro",
         "cpo people"),
    ),
    (  # ciso
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(ciso|chief (informatio'
        'n )?security officer)\\b'
    ): (
        ("chief information security officer", "chief security officer", "ciso"),
    ),
    (  # clo
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(clo|chief legal office'
        'r)\\b'
    ): (
        ("chief legal officer", "clo"),
    ),
    '^((group|global|interim|acting|joint|divisional|regional) )?general counsel\\b': (  # clo
        ("^acting general counsel", "^divisional general counsel", "^general counsel",
         "^global general counsel", "^group general counsel", "^interim general counsel",
         "^joint general counsel", "^regional general counsel"),
    ),
    (  # c-level
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?chief (?!(petty|warrant'
        '|immigration)\\b)\\w+( \\w+)?( and \\w+( \\w+)?)? officer\\b'
    ): (
        (" officer",),
        ("^acting chief ", "^chief ", "^deputy chief ", "^divisional chief ", "^global chief ",
         "^group chief ", "^interim chief ", "^joint chief ", "^regional chief "),
    ),
    (  # c-level
        '^((group|global|interim|acting|joint|divisional|regional|deputy) )?(cio|cso|cco|cao|cbo|cg'
        'o|cdao)$'
    ): (
        ("cao$", "cbo$", "cco$", "cdao$", "cgo$", "cio$", "cso$"),
    ),
    '^(deputy|divisional|regional) (ceo|chief executive)\\b': (  # c-level
        ("^deputy ceo", "^deputy chief executive", "^divisional ceo",
         "^divisional chief executive", "^regional ceo", "^regional chief executive"),
    ),
    '^(deputy )?chief nurse$': (  # c-level
        ("^chief nurse$", "^deputy chief nurse$"),
    ),
    '^deputy permanent secretary$': (  # c-level
        ("^deputy permanent secretary$",),
    ),
    '^(deputy|assistant) (city|county|town|borough|village) (manager|administrator)$': (  # c-level
        ("^assistant borough ", "^assistant city ", "^assistant county ", "^assistant town ",
         "^assistant village ", "^deputy borough ", "^deputy city ", "^deputy county ",
         "^deputy town ", "^deputy village "),
        ("administrator$", "manager$"),
    ),
    '^(deputy|under) ?secretary (of|for)\\b': (  # c-level
        ("^deputy secretary for", "^deputy secretary of", "^deputysecretary for",
         "^deputysecretary of", "^under secretary for", "^under secretary of",
         "^undersecretary for", "^undersecretary of"),
    ),
    (  # svp-product
        '^(?!deputy )((interim|acting|deputy) )?((corporate|regional|area|divisional|global|group|s'
        'enior|sr) )?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|coordinator|anal'
        'yst|consultant|strategist|advisor|adviser|partner)\\b)|(senior|sr|executive) (executive )?'
        '(vp|vice president)|group (vp|vice president))( of)? products?(?! (marketing|operations|op'
        's|analytics|data|support|quality|security|design|engineering)\\b)\\b'
    ): (
        (" product",),
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    (  # svp-engineering
        '^(?!deputy )((interim|acting|deputy) )?((corporate|regional|area|divisional|global|group|s'
        'enior|sr) )?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|coordinator|anal'
        'yst|consultant|strategist|advisor|adviser|partner)\\b)|(senior|sr|executive) (executive )?'
        '(vp|vice president)|group (vp|vice president))( of)? (engineering|technology|software|prod'
        'uct engineering)\\b'
    ): (
        (" engineering", " software", " technology"),
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    (  # svp-design
        '^(?!deputy )((interim|acting|deputy) )?((corporate|regional|area|divisional|global|group|s'
        'enior|sr) )?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|coordinator|anal'
        'yst|consultant|strategist|advisor|adviser|partner)\\b)|(senior|sr|executive) (executive )?'
        '(vp|vice president)|group (vp|vice president))( of)? (design|ux|user experience|product de'
        'sign)\\b'
    ): (
        (" design", " user experience", " ux"),
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    (  # svp
        '^((interim|acting|deputy) )?((corporate|regional|area|divisional|global|group|senior|sr) )'
        '?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|coordinator|analyst|consult'
        'ant|strategist|advisor|adviser|partner)\\b)|(senior|sr|executive) (executive )?(vp|vice pr'
        'esident)|group (vp|vice president))\\b'
    ): (
        ("evp", "executive vice president", "executive vp", "group vice president", "group vp",
         "senior vice president", "senior vp", "sr vice president", "sr vp", "svp"),
    ),
    (  # svp
        '(?<!\\bof )(?<!\\bof the )\\b(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead'
        '|coordinator|analyst|consultant|strategist|advisor|adviser|partner)\\b)|(senior|sr|executi'
        've) (vp|vice president))$'
    ): (
        ("evp$", "executive vice president$", "executive vp$", "senior vice president$",
         "senior vp$", "sr vice president$", "sr vp$", "svp$"),
    ),
    (  # vp-product
        '^(?!deputy )((interim|acting|deputy) )?((senior|sr|executive|group|corporate|regional|area'
        '|divisional|global|first) )?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|'
        'coordinator|analyst|consultant|strategist|advisor|adviser|partner)\\b)|vp|vice president)('
        ' of)? products?(?! (marketing|operations|ops|analytics|data|support|quality|security|desig'
        'n|engineering)\\b)\\b'
    ): (
        (" product",),
        ("vice president", "vp"),
    ),
    (  # vp-engineering
        '^(?!deputy )((interim|acting|deputy) )?((senior|sr|executive|group|corporate|regional|area'
        '|divisional|global|first) )?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|'
        'coordinator|analyst|consultant|strategist|advisor|adviser|partner)\\b)|vp|vice president)('
        ' of)? (engineering|technology|software|product engineering)\\b'
    ): (
        (" engineering", " software", " technology"),
        ("vice president", "vp"),
    ),
    (  # vp-design
        '^(?!deputy )((interim|acting|deputy) )?((senior|sr|executive|group|corporate|regional|area'
        '|divisional|global|first) )?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|'
        'coordinator|analyst|consultant|strategist|advisor|adviser|partner)\\b)|vp|vice president)('
        ' of)? (design|ux|user experience|product design)\\b'
    ): (
        (" design", " user experience", " ux"),
        ("vice president", "vp"),
    ),
    (  # partner
        '^(senior |equity |salaried |name |office managing |practice |audit |tax |advisory |consult'
        'ing |deal |engagement |lead |gp |general )?partner$'
    ): (
        ("^advisory partner$", "^audit partner$", "^consulting partner$", "^deal partner$",
         "^engagement partner$", "^equity partner$", "^general partner$", "^gp partner$",
         "^lead partner$", "^name partner$", "^office managing partner$", "^partner$",
         "^practice partner$", "^salaried partner$", "^senior partner$", "^tax partner$"),
    ),
    '^((senior|sr) )?((associate|assistant) (vice president|vp)|avp)\\b': (  # avp
        ("^assistant vice president", "^assistant vp", "^associate vice president",
         "^associate vp", "^avp", "^senior assistant vice president", "^senior assistant vp",
         "^senior associate vice president", "^senior associate vp", "^senior avp",
         "^sr assistant vice president", "^sr assistant vp", "^sr associate vice president",
         "^sr associate vp", "^sr avp"),
    ),
    '\\bavp$': (  # avp
        ("avp$",),
    ),
    (  # vp
        '^((interim|acting|deputy) )?((senior|sr|executive|group|corporate|regional|area|divisional'
        '|global|first) )?(svp|evp(?!( and)?( employer brand)? (specialist|manager|lead|coordinator'
        '|analyst|consultant|strategist|advisor|adviser|partner)\\b)|vp|vice president)\\b'
    ): (
        ("vice president", "vp"),
    ),
    (  # vp
        '(?<!\\bof )(?<!\\bof the )\\b(vice president|vp|svp|evp(?!( and)?( employer brand)? (speci'
        'alist|manager|lead|coordinator|analyst|consultant|strategist|advisor|adviser|partner)\\b))'
        '$'
    ): (
        ("vice president$", "vp$"),
    ),
    '^assistant secretary (of|for)\\b': (  # vp
        ("^assistant secretary for", "^assistant secretary of"),
    ),
    (  # head-of-product
        '^((interim|acting|senior|sr|executive|group|corporate|regional|area|divisional|global) )*h'
        'ead of products?(?! (marketing|operations|ops|analytics|data|support|quality|security|desi'
        'gn|engineering)\\b)( management)?\\b'
    ): (
        ("head of product",),
    ),
    (  # head-of-product
        '^((interim|acting|senior|sr|executive|group|corporate|regional|area|divisional|global) )*p'
        'roducts? head\\b(?! office\\b)'
    ): (
        ("product head", "products head"),
    ),
    (  # head-of-engineering
        '^((interim|acting|senior|sr|executive|group|corporate|regional|area|divisional|global) )*h'
        'ead of (engineering|technology|software|product engineering)\\b'
    ): (
        ("head of engineering", "head of product engineering", "head of software",
         "head of technology"),
    ),
    (  # head-of-design
        '^((interim|acting|senior|sr|executive|group|corporate|regional|area|divisional|global) )*h'
        'ead of (design|ux|user experience|product design)\\b'
    ): (
        ("head of design", "head of product design", "head of user experience", "head of ux"),
    ),
    '\\bhead of\\b': (  # head
        ("head of",),
    ),
    (  # head
        '^((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al) )*product head\\b(?! office\\b)'
    ): (
        ("product head",),
    ),
    '\\bhead$': (  # head
        ("head$",),
    ),
    '^(?!.*\\bassistant general manager\\b).*\\bgeneral manager\\b': (  # head
        ("general manager",),
    ),
    '^associate partner$': (  # head
        ("^associate partner$",),
    ),
    '^principal$': (  # head
        ("^principal$",),
    ),
    '^dean\\b': (  # head
        ("^dean",),
    ),
    '^((principal )?deputy )?inspector general\\b': (  # head
        ("^deputy inspector general", "^inspector general",
         "^principal deputy inspector general"),
    ),
    '^(principal )?deputy (assistant secretary\\b|under ?secretary (of|for)\\b)': (  # head
        ("assistant secretary", "under secretary for", "under secretary of",
         "undersecretary for", "undersecretary of"),
        ("^deputy ", "^principal deputy "),
    ),
    '^(assistant|associate|deputy) superintendent\\b': (  # head
        ("^assistant superintendent", "^associate superintendent", "^deputy superintendent"),
    ),
    '\\bhead ?teacher\\b': (  # head
        ("head teacher", "headteacher"),
    ),
    '\\bhead(master|mistress)\\b': (  # head
        ("headmaster", "headmistress"),
    ),
    (  # director-of-product
        '^((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al) )*(director|dir)( of)? products?(?! (marketing|operations|ops|analytics|data|support|q'
        'uality|security|design|engineering)\\b)( management)?\\b'
    ): (
        ("dir of product", "dir product", "director of product", "director product"),
    ),
    (  # director-of-product
        '^((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al) )*products?( management)? director\\b'
    ): (
        ("product director", "product management director", "products director",
         "products management director"),
    ),
    (  # director-of-engineering
        '^((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al) )*(director|dir)( of)? (engineering|software engineering|technology|product engineerin'
        'g)\\b'
    ): (
        ("dir engineering", "dir of engineering", "dir of product engineering",
         "dir of software engineering", "dir of technology", "dir product engineering",
         "dir software engineering", "dir technology", "director engineering",
         "director of engineering", "director of product engineering",
         "director of software engineering", "director of technology",
         "director product engineering", "director software engineering", "director technology"),
    ),
    (  # director-of-engineering
        '^((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al) )*(product )?engineering director\\b'
    ): (
        ("engineering director",),
    ),
    (  # director-of-design
        '^((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al) )*(director|dir)( of)? (design|ux|user experience|product design)\\b'
    ): (
        ("dir design", "dir of design", "dir of product design", "dir of user experience",
         "dir of ux", "dir product design", "dir user experience", "dir ux", "director design",
         "director of design", "director of product design", "director of user experience",
         "director of ux", "director product design", "director user experience", "director ux"),
    ),
    (  # director-of-design
        '^((interim|acting|deputy|senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al) )*(product )?design director\\b'
    ): (
        ("design director",),
    ),
    (  # chief-of-staff
        '^(?!.*\\b(assistant|secretary|aide|support|adviser|advisor|pa|ea|counsel|intern|trainee|ap'
        'prentice) to\\b).*\\bchief of staff\\b'
    ): (
        ("chief of staff",),
    ),
    '\\bs (deputy )?chief of staff$': (  # chief-of-staff
        ("s chief of staff$", "s deputy chief of staff$"),
    ),
    (  # chief-of-staff
        '^((group|global) )?(ceo|chief executive( officer)?|president|managing director) (deputy )?'
        'chief of staff$'
    ): (
        ("chief of staff$",),
        ("^ceo ", "^chief executive ", "^global ceo ", "^global chief executive ",
         "^global managing director ", "^global president ", "^group ceo ",
         "^group chief executive ", "^group managing director ", "^group president ",
         "^managing director ", "^president "),
    ),
    '^(senior |associate )?(director|dir)\\b': (  # director
        ("^associate dir", "^dir", "^senior dir"),
    ),
    '\\bdirector\\b': (  # director
        ("director",),
    ),
    '^(deputy|associate|assistant) general counsel\\b': (  # director
        ("^assistant general counsel", "^associate general counsel", "^deputy general counsel"),
    ),
    '^(vice|deputy|assistant|associate) principal$': (  # director
        ("^assistant principal$", "^associate principal$", "^deputy principal$",
         "^vice principal$"),
    ),
    '^(associate|assistant|vice|deputy) dean\\b': (  # director
        ("^assistant dean", "^associate dean", "^deputy dean", "^vice dean"),
    ),
    '^assistant inspector general\\b': (  # director
        ("^assistant inspector general",),
    ),
    '^((deputy|assistant) )?chief officer$': (  # director
        ("^assistant chief officer$", "^chief officer$", "^deputy chief officer$"),
    ),
    '^chief counsel\\b': (  # director
        ("^chief counsel",),
    ),
    (  # director
        '^((assistant|deputy|group|corporate|divisional) )?(financial |finance )?controller$'
    ): (
        ("controller$",),
    ),
    (  # director
        '^((deputy|assistant) )?chief (engineer|pharmacist|actuary|economist|statistician|scientist'
        '|accountant|nurse)$'
    ): (
        ("^assistant chief ", "^chief ", "^deputy chief "),
        ("accountant$", "actuary$", "economist$", "engineer$", "nurse$", "pharmacist$",
         "scientist$", "statistician$"),
    ),
    '^group product manager\\b': (  # group-pm
        ("^group product manager",),
    ),
    '^gpm\\b': (  # group-pm
        ("^gpm",),
    ),
    '^(lead|head) product manager\\b': (  # group-pm
        ("^head product manager", "^lead product manager"),
    ),
    '^product (lead|manager lead)\\b': (  # group-pm
        ("^product lead", "^product manager lead"),
    ),
    (  # group-pm
        '^((senior|sr) )?manager (of )?product( management)?\\b(?! (marketing|operations|ops|analyt'
        'ics|data|support|quality|security|design|engineering|owner|manager|lead)\\b)'
    ): (
        ("^manager of product", "^manager product", "^senior manager of product",
         "^senior manager product", "^sr manager of product", "^sr manager product"),
    ),
    '^principal product manager\\b': (  # principal-pm
        ("^principal product manager",),
    ),
    '^(senior )?(software )?engineering manager\\b': (  # engineering-manager
        ("^engineering manager", "^senior engineering manager",
         "^senior software engineering manager", "^software engineering manager"),
    ),
    '^(tech|technical|engineering) lead\\b': (  # engineering-manager
        ("^engineering lead", "^tech lead", "^technical lead"),
    ),
    '^manager,? (software )?engineering\\b': (  # engineering-manager
        ("^manager engineering", "^manager software engineering", "^manager, engineering",
         "^manager, software engineering"),
    ),
    '^development manager\\b': (  # engineering-manager
        ("^development manager",),
    ),
    '^((senior|sr) )?manager (of )?product engineering\\b': (  # engineering-manager
        ("^manager of product engineering", "^manager product engineering",
         "^senior manager of product engineering", "^senior manager product engineering",
         "^sr manager of product engineering", "^sr manager product engineering"),
    ),
    '^(senior )?(product )?design manager\\b': (  # design-manager
        ("^design manager", "^product design manager", "^senior design manager",
         "^senior product design manager"),
    ),
    '^design lead\\b': (  # design-manager
        ("^design lead",),
    ),
    '^ux (lead|manager)\\b': (  # design-manager
        ("^ux lead", "^ux manager"),
    ),
    '^((senior|sr) )?manager (of )?(product )?(design|ux)\\b': (  # design-manager
        ("^manager ", "^senior manager ", "^sr manager "),
        ("design", "ux"),
    ),
    '^(senior|sr) (technical )?product manager\\b': (  # senior-pm
        ("^senior product manager", "^senior technical product manager", "^sr product manager",
         "^sr technical product manager"),
    ),
    '^(staff|principal|distinguished) (software |data |ml )?engineer\\b': (  # staff-engineer
        ("^distinguished data engineer", "^distinguished engineer", "^distinguished ml engineer",
         "^distinguished software engineer", "^principal data engineer", "^principal engineer",
         "^principal ml engineer", "^principal software engineer", "^staff data engineer",
         "^staff engineer", "^staff ml engineer", "^staff software engineer"),
    ),
    '^architect\\b': (  # staff-engineer
        ("^architect",),
    ),
    '\\barchitect$': (  # staff-engineer
        ("architect$",),
    ),
    (  # senior-engineer
        '^(senior|sr) (software |data |ml |backend |frontend |front end |mobile |devops |site relia'
        'bility |platform |security |qa )?(engineer|developer)\\b'
    ): (
        ("developer", "engineer"),
        ("^senior ", "^sr "),
    ),
    (  # senior-designer
        '^(senior|sr|staff|principal) (product |ux |ui |visual |interaction )?designer\\b'
    ): (
        ("designer",),
        ("^principal ", "^senior ", "^sr ", "^staff "),
    ),
    (  # manager
        '^(?!.*\\b(account|project|program|success|product|office|sales|territory)\\b).*\\bmanager'
        '\\b'
    ): (
        ("manager",),
    ),
    (  # manager
        '^lead\\b(?! ((executive|personal|administrative) assistant\\b|(ea|pa)( and (ea|pa))?\\b(?!'
        '( and (ea|pa))? ((senior|sr|junior|jr|lead|principal|chief|staff|associate) )?(consultant|'
        'consultancy|architect|architecture|analyst|lead|leader|engineer|manager|developer|programm'
        'er|specialist|director|principal|strategist|practitioner|owner|head|advisor|adviser|design'
        'er|modeller|modeler|officer|expert|scientist|researcher|coordinator|administrator|intern|t'
        'rainee|apprentice|partner|associate|representative|governance|practice)\\b)|assistant to ('
        'the )?(\\w+ ){0,2}((deputy|group|interim|acting) )?(ceo|chief executive( officer)?|preside'
        'nt|(?<!\\bdepartment )(?<!\\bcommittee )chair(man|woman|person)?|managing director|general'
        ' (counsel|manager)|(cpo|cto|cdo|cfo|coo|cmo|cro|chro|ciso|clo|cio|cso|cco|cao|cbo|cgo|cdao'
        ')|chief \\w+( \\w+)?( and \\w+( \\w+)?)? officer|((senior|sr|executive|group|corporate|reg'
        'ional|area|divisional|global|first|associate|assistant) )*(vice president|vp)|svp|evp|avp)'
        '\\b|.*\\bs (pa|ea)$))'
    ): (
        ("^lead",),
    ),
    '\\blead\\b': (  # manager
        ("lead",),
    ),
    '\\bteam leader\\b': (  # manager
        ("team leader",),
    ),
    (  # manager
        '^((senior|sr) )?manager (of )?product (marketing|operations|ops|analytics|data|support|qua'
        'lity|security)\\b'
    ): (
        ("^manager of product ", "^manager product ", "^senior manager of product ",
         "^senior manager product ", "^sr manager of product ", "^sr manager product "),
        ("analytics", "data", "marketing", "operations", "ops", "quality", "security", "support"),
    ),
    '^group product marketing manager\\b': (  # manager
        ("^group product marketing manager",),
    ),
    '^executive (producer|chef|housekeeper)$': (  # manager
        ("^executive chef$", "^executive housekeeper$", "^executive producer$"),
    ),
    '^principal investigator\\b': (  # manager
        ("^principal investigator",),
    ),
    '\\bin charge\\b': (  # manager
        ("in charge",),
    ),
    (  # supervisor
        '\\b(supervisor|supervisory|supervising|foreman|forewoman|forewomen|foremen)\\b'
    ): (
        ("foreman", "foremen", "forewoman", "forewomen", "supervising", "supervisor"),
    ),
    (  # senior-ic
        '^(?!(\\w+ (and )?)?((deputy|group|interim|acting) )?(ceo|chief executive( officer)?|presid'
        'ent|(?<!\\bdepartment )(?<!\\bcommittee )chair(man|woman|person)?|managing director|genera'
        'l (counsel|manager)|(cpo|cto|cdo|cfo|coo|cmo|cro|chro|ciso|clo|cio|cso|cco|cao|cbo|cgo|cda'
        'o)|chief \\w+( \\w+)?( and \\w+( \\w+)?)? officer|((senior|sr|executive|group|corporate|re'
        'gional|area|divisional|global|first|associate|assistant) )*(vice president|vp)|svp|evp|avp'
        ')( of)?( \\w+){0,2}( s)? (assistant|pa|ea)$|(\\w+ (and )?)?((deputy|group|interim|acting) '
        ')?(ceo|chief executive( officer)?|president|(?<!\\bdepartment )(?<!\\bcommittee )chair(man'
        '|woman|person)?|managing director|general (counsel|manager)|(cpo|cto|cdo|cfo|coo|cmo|cro|c'
        'hro|ciso|clo|cio|cso|cco|cao|cbo|cgo|cdao)|chief \\w+( \\w+)?( and \\w+( \\w+)?)? officer|'
        '((senior|sr|executive|group|corporate|regional|area|divisional|global|first|associate|assi'
        'stant) )*(vice president|vp)|svp|evp|avp)( of)?( \\w+){0,2}( s)? office (manager|coordinat'
        'or|administrator|assistant)$)(senior|sr|principal)\\b(?! house officer$)(?! ((executive|pe'
        'rsonal|administrative) assistant\\b|(ea|pa)( and (ea|pa))?\\b(?!( and (ea|pa))? ((senior|s'
        'r|junior|jr|lead|principal|chief|staff|associate) )?(consultant|consultancy|architect|arch'
        'itecture|analyst|lead|leader|engineer|manager|developer|programmer|specialist|director|pri'
        'ncipal|strategist|practitioner|owner|head|advisor|adviser|designer|modeller|modeler|office'
        'r|expert|scientist|researcher|coordinator|administrator|intern|trainee|apprentice|partner|'
        'associate|representative|governance|practice)\\b)|assistant to (the )?(\\w+ ){0,2}((deputy'
        '|group|interim|acting) )?(ceo|chief executive( officer)?|president|(?<!\\bdepartment )(?<!'
        '\\bcommittee )chair(man|woman|person)?|managing director|general (counsel|manager)|(cpo|ct'
        'o|cdo|cfo|coo|cmo|cro|chro|ciso|clo|cio|cso|cco|cao|cbo|cgo|cdao)|chief \\w+( \\w+)?( and '
        '\\w+( \\w+)?)? officer|((senior|sr|executive|group|corporate|regional|area|divisional|glob'
        'al|first|associate|assistant) )*(vice president|vp)|svp|evp|avp)\\b|.*\\bs (pa|ea)$))(?! '
        '\\w.* (intern|trainee|apprentice)$)'
    ): (
        ("^principal", "^senior", "^sr"),
    ),
    (  # senior-ic
        '^staff (\\w+ )?(engineer|developer|scientist|designer|researcher|analyst|architect|product'
        ' manager|technical program manager)\\b'
    ): (
        ("^staff ",),
        ("analyst", "architect", "designer", "developer", "engineer", "product manager",
         "researcher", "scientist", "technical program manager"),
    ),
    (  # senior-ic
        '^consultant (in\\b|(\\w+ )?(physician|surgeon|anaesthetist|anesthetist|psychiatrist|radiol'
        'ogist|paediatrician|pediatrician|obstetrician|gynaecologist|cardiologist|oncologist|haemat'
        'ologist|pathologist|neurologist|dermatologist|geriatrician|microbiologist|histopathologist'
        '|psychologist|nurse|midwife|pharmacist|clinical scientist)\\b)|^(nurse|midwife|pharmacist)'
        ' consultant$'
    ): (
        ("^consultant ", "^midwife consultant$", "^nurse consultant$", "^pharmacist consultant$"),
    ),
    (  # senior-ic
        '^((assistant|associate|full|distinguished|visiting|clinical|research|adjunct) )?professor'
        '\\b'
    ): (
        ("^adjunct professor", "^assistant professor", "^associate professor",
         "^clinical professor", "^distinguished professor", "^full professor", "^professor",
         "^research professor", "^visiting professor"),
    ),
    '^(associate|junior|jr) product manager\\b': (  # apm
        ("^associate product manager", "^jr product manager", "^junior product manager"),
    ),
    '^apm\\b': (  # apm
        ("^apm",),
    ),
    '^product (manager )?intern\\b': (  # apm
        ("^product intern", "^product manager intern"),
    ),
    '^(technical )?product manager\\b': (  # pm
        ("^product manager", "^technical product manager"),
    ),
    '^product owner\\b': (  # pm
        ("^product owner",),
    ),
    (  # associate-engineer
        '^(associate|junior|jr|graduate|trainee) (software )?(engineer|developer)\\b'
    ): (
        ("developer", "engineer"),
        ("^associate ", "^graduate ", "^jr ", "^junior ", "^trainee "),
    ),
    '\\b(engineer|developer|programmer|sre|devops)\\b': (  # engineer
        ("developer", "devops", "engineer", "programmer", "sre"),
    ),
    '^(associate|junior|jr) (product |ux |ui )?designer\\b': (  # associate-designer
        ("^associate designer", "^associate product designer", "^associate ui designer",
         "^associate ux designer", "^jr designer", "^jr product designer", "^jr ui designer",
         "^jr ux designer", "^junior designer", "^junior product designer",
         "^junior ui designer", "^junior ux designer"),
    ),
    '\\b(designer|ux researcher|user researcher)\\b': (  # designer
        ("designer", "user researcher", "ux researcher"),
    ),
    '\\b(executive|personal|administrative) assistant\\b': (  # executive-assistant
        ("administrative assistant", "executive assistant", "personal assistant"),
    ),
    (  # executive-assistant
        '^(ea|pa)( and (ea|pa))?\\b(?!( and (ea|pa))? ((senior|sr|junior|jr|lead|principal|chief|st'
        'aff|associate) )?(consultant|consultancy|architect|architecture|analyst|lead|leader|engine'
        'er|manager|developer|programmer|specialist|director|principal|strategist|practitioner|owne'
        'r|head|advisor|adviser|designer|modeller|modeler|officer|expert|scientist|researcher|coord'
        'inator|administrator|intern|trainee|apprentice|partner|associate|representative|governance'
        '|practice)\\b)'
    ): (
        ("^ea", "^pa"),
    ),
    (  # executive-assistant
        '^(senior|sr|principal|lead) (ea|pa)( and (ea|pa))?\\b(?!( and (ea|pa))? ((senior|sr|junior'
        '|jr|lead|principal|chief|staff|associate) )?(consultant|consultancy|architect|architecture'
        '|analyst|lead|leader|engineer|manager|developer|programmer|specialist|director|principal|s'
        'trategist|practitioner|owner|head|advisor|adviser|designer|modeller|modeler|officer|expert'
        '|scientist|researcher|coordinator|administrator|intern|trainee|apprentice|partner|associat'
        'e|representative|governance|practice)\\b)'
    ): (
        ("^lead ea", "^lead pa", "^principal ea", "^principal pa", "^senior ea", "^senior pa",
         "^sr ea", "^sr pa"),
    ),
    (  # executive-assistant
        '^(\\w+ (and )?)?((deputy|group|interim|acting) )?(ceo|chief executive( officer)?|president'
        '|(?<!\\bdepartment )(?<!\\bcommittee )chair(man|woman|person)?|managing director|general ('
        'counsel|manager)|(cpo|cto|cdo|cfo|coo|cmo|cro|chro|ciso|clo|cio|cso|cco|cao|cbo|cgo|cdao)|'
        'chief \\w+( \\w+)?( and \\w+( \\w+)?)? officer|((senior|sr|executive|group|corporate|regio'
        'nal|area|divisional|global|first|associate|assistant) )*(vice president|vp)|svp|evp|avp)( '
        'of)?( \\w+){0,2}( s)? (assistant|pa|ea)$'
    ): (
        (" assistant$", " ea$", " pa$"),
        (" officer", "ao", "bo", "ceo", "chair", "chief executive", "co", "do", "fo",
         "general manager", "go", "io", "lo", "mo", "oo", "po", "president", "ro", "so", "to",
         "vp"),
    ),
    (  # executive-assistant
        '^((senior|sr|principal|lead) )?assistant to (the )?(\\w+ ){0,2}((deputy|group|interim|acti'
        'ng) )?(ceo|chief executive( officer)?|president|(?<!\\bdepartment )(?<!\\bcommittee )chair'
        '(man|woman|person)?|managing director|general (counsel|manager)|(cpo|cto|cdo|cfo|coo|cmo|c'
        'ro|chro|ciso|clo|cio|cso|cco|cao|cbo|cgo|cdao)|chief \\w+( \\w+)?( and \\w+( \\w+)?)? offi'
        'cer|((senior|sr|executive|group|corporate|regional|area|divisional|global|first|associate|'
        'assistant) )*(vice president|vp)|svp|evp|avp)\\b'
    ): (
        ("^assistant to ", "^lead assistant to ", "^principal assistant to ",
         "^senior assistant to ", "^sr assistant to "),
    ),
    '\\bs (pa|ea)$': (  # executive-assistant
        ("s ea$", "s pa$"),
    ),
    '\\b(analyst|scientist|researcher)\\b': (  # analyst
        ("analyst", "researcher", "scientist"),
    ),
    '\\b(intern|trainee|apprentice)\\b': (  # intern
        ("apprentice", "intern", "trainee"),
    ),
    '^(associate(?!$)|junior|jr|assistant)\\b': (  # associate
        ("^assistant", "^associate", "^jr", "^junior"),
    ),
    '\\bassistant$': (  # associate
        ("assistant$",),
    ),
    (  # ic
        '\\b(account|project|program|success|office|sales|territory|product marketing) manager\\b'
    ): (
        ("account manager", "office manager", "product marketing manager", "program manager",
         "project manager", "sales manager", "success manager", "territory manager"),
    ),
    (  # ic
        '\\b(specialist|representative|rep|coordinator|consultant|accountant|officer|executive|agen'
        't|administrator|clerk|recruiter|marketer|writer|counsel|partner|associate|support|sales|ad'
        'vocate|technician|technologist|buyer|scheduler|planner|operator|inspector|mechanic|electri'
        'cian|machinist|assembler|driver|stocker|janitor|custodian|cashier|receptionist|secretary|b'
        'ookkeeper|paralegal|nurse|teacher|trainer|auditor|lecturer)\\b'
    ): (
        ("accountant", "administrator", "advocate", "agent", "assembler", "associate", "auditor",
         "bookkeeper", "buyer", "cashier", "clerk", "consultant", "coordinator", "counsel",
         "custodian", "driver", "electrician", "executive", "inspector", "janitor", "lecturer",
         "machinist", "marketer", "mechanic", "nurse", "officer", "operator", "paralegal",
         "partner", "planner", "receptionist", "recruiter", "rep", "sales", "scheduler",
         "secretary", "specialist", "stocker", "support", "teacher", "technician",
         "technologist", "trainer", "writer"),
    ),
    '\\bstaff$': (  # ic
        ("staff$",),
    ),
}
