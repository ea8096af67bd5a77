"""Every remote or data-moving PDF action is flagged wherever a reader finds it:
run on opening, on showing a page, from a link on the page, or from the outline
(bookmarks). Each file is built with pikepdf, as a real PDF writer would."""

import pikepdf
import pytest

from inquiries.scanning import pdf_findings

ACTIONS = {
    "GoToR": ({"/F": pikepdf.String(r"\\host\share\x.pdf"), "/D": [0, "/Fit"]},
              "link to another file"),
    "GoToE": ({"/T": {"/R": "/C", "/N": pikepdf.String("x.pdf")}}, "embedded file"),
    "Launch": ({"/F": pikepdf.String("cmd.exe")}, "launch action"),
    "URI": ({"/URI": pikepdf.String("https://tracker.example/")}, "web address"),
    "SubmitForm": ({"/F": {"/FS": "/URL", "/F": pikepdf.String("https://x.example/")}},
                   "form that sends data"),
    "ImportData": ({"/F": pikepdf.String("data.fdf")}, "form that imports data"),
}  # fmt: skip
PLACES = ["open", "page", "annotation", "outline"]


def pdf_with(action_type, place, path):
    extra, _ = ACTIONS[action_type]
    pdf = pikepdf.new()
    pdf.add_blank_page()
    action = pdf.make_indirect(
        pikepdf.Dictionary({"/S": pikepdf.Name(f"/{action_type}"), **extra})
    )
    page = pdf.pages[0].obj
    if place == "open":
        pdf.Root.OpenAction = action
    elif place == "page":
        page.AA = pikepdf.Dictionary({"/O": action})
    elif place == "annotation":
        page.Annots = pdf.make_indirect(
            [pdf.make_indirect(pikepdf.Dictionary({
                "/Type": "/Annot", "/Subtype": "/Link", "/Rect": [0, 0, 50, 50],
                "/A": action,
            }))]
        )  # fmt: skip
    else:
        item = pdf.make_indirect(
            pikepdf.Dictionary({"/Title": "Results", "/A": action})
        )
        outlines = pdf.make_indirect(
            pikepdf.Dictionary({"/Type": "/Outlines", "/First": item, "/Last": item})
        )
        item.Parent = outlines
        pdf.Root.Outlines = outlines
    pdf.save(path)
    return path


@pytest.mark.db_agnostic
@pytest.mark.parametrize(
    ("action_type", "place"),
    # Every action, and every place, at least once (each check is a process).
    [(action, PLACES[n % len(PLACES)]) for n, action in enumerate(ACTIONS)]
    + [("GoToR", "outline"), ("SubmitForm", "annotation")],
)
def test_the_action_is_flagged_wherever_it_sits(tmp_path, action_type, place):
    findings = pdf_findings(str(pdf_with(action_type, place, tmp_path / "a.pdf")))
    assert ACTIONS[action_type][1] in findings, findings


@pytest.mark.db_agnostic
def test_the_same_page_without_an_action_is_clean(tmp_path):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(tmp_path / "clean.pdf")
    assert pdf_findings(str(tmp_path / "clean.pdf")) == []
