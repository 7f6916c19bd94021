"""``ecotracker briefing --period P [--area A] [--lang zh_CN|en] -o FILE.docx|FILE.pdf``."""
from __future__ import annotations

from pathlib import Path

from ..errors import EcoError
from ..i18n import tr


def add_subcommand(sub, add_db) -> None:
    p = sub.add_parser("briefing", help="write the half-year briefing (Word or PDF) from the "
                                        "figures")
    add_db(p)
    p.add_argument("--period", required=True, metavar="P", help="e.g. 2024H1")
    p.add_argument("--area", metavar="A", help="area code or name (default: the "
                   "municipality)")
    p.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    p.add_argument("-o", "--out", required=True, metavar="FILE.docx|FILE.pdf")
    p.set_defaults(func=cmd_briefing)


def write_briefing(store, period: str, out: str | Path, *, area: str | None = None,
                   lang: str = "en") -> Path:
    """Build and write the briefing; the file's suffix says Word or PDF."""
    from .content import build
    from .document import to_pdf, write_docx

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise EcoError(tr("the briefing is written as FILE.docx or FILE.pdf, not {name}",
                          name=out.name))
    b = build(store, period, area, lang)
    return write_docx(b, out) if suffix == ".docx" else to_pdf(b, out)


def cmd_briefing(args) -> int:
    from ..store import Store

    with Store.open(getattr(args, "db", None), create=False) as store:
        path = write_briefing(store, args.period, args.out, area=args.area, lang=args.lang)
    print(tr("{path}: briefing written", path=path))
    return 0
