"""docs/privacy.md lists every sealed column, as the models say: a new sealed column, or one no longer sealed,
fails here until the page says so."""

from pathlib import Path

from storage.models import metadata
from storage.sealed_text import sealed_columns_table

PAGE = Path(__file__).resolve().parents[1] / "docs" / "privacy.md"
BEGIN, END = "<!-- sealed-columns:begin -->\n", "<!-- sealed-columns:end -->"


def test_the_privacy_page_lists_exactly_the_sealed_columns_of_the_models():
    page = PAGE.read_text(encoding="utf-8")
    listed = page.split(BEGIN, 1)[1].split(END, 1)[0]
    assert listed == sealed_columns_table(metadata), (
        "regenerate the list: python -c 'from storage.models import metadata; "
        "from storage.sealed_text import sealed_columns_table; print(sealed_columns_table(metadata), end=\"\")'")


def test_every_free_text_column_a_member_can_fill_is_sealed():
    listed = sealed_columns_table(metadata)
    for column in ("`task_events` | `reason`", "`alerts` | `note`", "`audit_log` | `reason`",
                   "`ledger_transfers` | `reason`", "`broadcasts` | `content`", "`success_stories` | `body`",
                   "`service_requests` | `notes_enc`", "`task_ratings` | `comment_enc`"):
        assert column in listed
