"""Who may see inquiries: a role-by-URL matrix, the file download, the export."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from inquiries.export import csv_cell
from inquiries.models import AccessLog
from tests.conftest import EVERY_ROLE, staff

from .samples import PATIENT_NAME

ROLES = EVERY_ROLE  # clinicians too: they see only the cases sent to them
ALLOWED = {"coordinator", "superuser"}
PAGES = ["queue", "inquiry page", "file download", "CSV export", "dashboard"]


@pytest.fixture
def inquiry(make_inquiry, checked):
    return make_inquiry(checked_uploads=checked)


def url_for(page, inquiry):
    base = "/admin/inquiries/inquiry/"
    file = inquiry.files.first()
    return {
        "queue": base,
        "inquiry page": f"{base}{inquiry.pk}/change/",
        "file download": f"{base}{inquiry.pk}/files/{file.pk}/",
        "CSV export": f"{base}export/",
        "dashboard": f"{base}dashboard/",
    }[page]


def login_as(client, role):
    if role != "anonymous":
        client.force_login(staff(get_user_model(), role))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_and_superusers_reach_inquiry_pages(
    client, inquiry, role, page
):
    login_as(client, role)
    response = client.get(url_for(page, inquiry))
    if role in ALLOWED:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    else:
        assert response.status_code == 403
    if role not in ALLOWED:
        body = b"".join(getattr(response, "streaming_content", [response.content]))
        assert PATIENT_NAME.encode() not in body
        assert b"%PDF" not in body


@pytest.mark.parametrize(
    "role", ["anonymous", "staff_without_role", "medical_editor", "medical_reviewer"]
)
def test_no_file_and_no_log_for_anyone_but_coordinators(
    client, inquiry, role, pdf_bytes
):
    login_as(client, role)
    response = client.get(url_for("file download", inquiry))
    assert response.status_code in (302, 403)
    assert not getattr(response, "streaming", False)
    assert not AccessLog.objects.filter(action="download_file").exists()


def test_a_coordinator_downloads_a_file_safely_and_the_access_is_logged(
    client, coordinator, inquiry, pdf_bytes
):
    client.force_login(coordinator)
    record = inquiry.files.get(kind="pdf")
    response = client.get(f"/admin/inquiries/inquiry/{inquiry.pk}/files/{record.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"{inquiry.reference}-1.pdf" in disposition
    assert "report" not in disposition  # the sender's name for the file stays out
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "application/pdf"
    log = AccessLog.objects.get(action="download_file")
    assert (log.user, log.inquiry, log.file_id) == (coordinator, inquiry, record.pk)
    assert log.reference == inquiry.reference and log.at


def test_a_file_of_another_inquiry_is_not_found_through_this_one(
    client, coordinator, inquiry, make_inquiry, checked
):
    other = make_inquiry(checked_uploads=[])
    client.force_login(coordinator)
    record = inquiry.files.first()
    response = client.get(f"/admin/inquiries/inquiry/{other.pk}/files/{record.pk}/")
    assert response.status_code == 404


def test_a_file_missing_from_storage_is_a_404_not_a_500(
    client, coordinator, inquiry, private_root
):
    for path in private_root.rglob("*.pdf"):
        path.unlink()
    client.force_login(coordinator)
    record = inquiry.files.get(kind="pdf")
    response = client.get(f"/admin/inquiries/inquiry/{inquiry.pk}/files/{record.pk}/")
    assert response.status_code == 404


def test_viewing_an_inquiry_is_logged(client, coordinator, inquiry):
    client.force_login(coordinator)
    response = client.get(url_for("inquiry page", inquiry))
    assert PATIENT_NAME.encode() in response.content
    log = AccessLog.objects.get(action="view_inquiry")
    assert log.user == coordinator and log.inquiry == inquiry


def test_the_access_log_is_visible_to_coordinators_and_not_editable(
    client, coordinator, inquiry
):
    client.force_login(coordinator)
    client.get(url_for("inquiry page", inquiry))
    log = AccessLog.objects.get()
    listing = client.get("/admin/inquiries/accesslog/")
    assert listing.status_code == 200 and inquiry.reference.encode() in listing.content
    page = client.get(f"/admin/inquiries/accesslog/{log.pk}/change/")
    assert page.status_code == 200
    assert b'type="submit"' not in page.content.split(b'id="content-main"')[1]
    assert (
        client.post(f"/admin/inquiries/accesslog/{log.pk}/delete/").status_code == 403
    )
    assert client.get("/admin/inquiries/accesslog/add/").status_code == 403


def test_the_csv_export_follows_the_filters_has_no_names_and_is_logged(
    client, coordinator, make_inquiry
):
    make_inquiry(data={"cancer_type_other": '=HYPERLINK("http://x")'})
    closed = make_inquiry()
    closed.status = "closed"
    closed.outcome = "spam"
    closed.save()
    client.force_login(coordinator)
    response = client.get("/admin/inquiries/inquiry/export/?status__exact=new&q=Zeb")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.streaming  # written as it is read, never whole in memory
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Reference"
    assert len(rows) == 2  # header and the one new inquiry
    assert PATIENT_NAME not in text and "patient@example.com" not in text
    log = AccessLog.objects.get(action="export_csv")
    assert "1 rows" in log.detail and "search: yes" in log.detail
    assert "Zeb" not in log.detail


def test_csv_cells_that_look_like_formulas_are_defused():
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("Liver cancer") == "Liver cancer"


def test_the_dashboard_draws_its_chart_without_scripts_or_inline_styles(
    client, coordinator, make_inquiry
):
    make_inquiry()
    make_inquiry(data={"cancer_type": None, "cancer_type_other": "Rare"})
    client.force_login(coordinator)
    html = client.get("/admin/inquiries/inquiry/dashboard/").content.decode()
    assert "<svg" in html and 'class="inquiry-chart__bar series-0"' in html
    assert "Liver cancer" in html
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert "style=" not in chart and "<script" not in chart
    assert " style=" not in html and "<style" not in html
    assert "overdue for a first response" in html
