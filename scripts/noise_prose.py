"""Keep the French prose of rendered man pages (`man`) or PO catalogs (`po`), one unit per line.

Reads standard input, writes standard output. A unit is kept when it reads as French prose:
at least five words, French function words present, few English ones and few code symbols.
Exact duplicates (boilerplate) are dropped.
"""
import re
import sys

FRENCH = set("le la les l de des du d un une et est sont pour que qu qui dans par sur pas ne n au aux "
             "ce cette ces il ils elle elles avec ou si se s sa son ses leur leurs plus être peut doit "
             "on y à lorsque quand comme mais cela dont été sera sans entre vous nous votre vos".split())
ENGLISH = set("the of and to is are that this with be it by for which from will not if when you can "
              "should was were has have these those".split())
CODE = set("{}[]<>=_\\|$#*/@&^~`")
WORD = re.compile(r"[^\W\d_]+")
SKIP_SECTIONS = {"NOM", "SYNOPSIS", "VOIR AUSSI", "TRADUCTION", "COLOPHON", "AUTEUR", "AUTEURS", "COPYRIGHT"}


def is_prose(unit):
    words = [w.lower() for w in WORD.findall(unit)]
    if len(words) < 5:
        return False
    french = sum(w in FRENCH for w in words)
    english = sum(w in ENGLISH for w in words)
    code = sum(c in CODE for c in unit if not c.isspace())
    return french >= 2 and french >= 0.12 * len(words) and english * 3 <= french and code <= 0.03 * len(unit)


def man_units(lines):
    skipping = False
    for line in lines:
        line = line.rstrip("\n")
        if line and not line.startswith(" ") and line.upper() == line and WORD.search(line):
            skipping = line.strip() in SKIP_SECTIONS
            continue
        if skipping:
            continue
        # Runs of two or more spaces separate table cells and option tags from prose.
        for part in re.split(r" {2,}", line.strip()):
            yield part


def po_units(lines):
    current, in_msgstr = [], False
    for line in lines:
        line = line.strip()
        if line.startswith("msgstr"):
            in_msgstr = True
            current = [line.split(" ", 1)[1] if " " in line else '""']
        elif line.startswith('"') and in_msgstr:
            current.append(line)
        else:
            if in_msgstr and current:
                text = "".join(s[1:-1] for s in current if len(s) >= 2)
                text = text.replace("\\n", " ").replace('\\"', '"').replace("\\t", " ").replace("\\\\", "\\")
                if text.strip():
                    yield text.strip()
            in_msgstr, current = False, []


def main():
    mode = sys.argv[1]
    units = man_units(sys.stdin) if mode == "man" else po_units(sys.stdin)
    seen = set()
    for unit in units:
        unit = " ".join(unit.split(" ")).strip()
        if unit and unit not in seen and is_prose(unit):
            seen.add(unit)
            print(unit)
            print()


main()
