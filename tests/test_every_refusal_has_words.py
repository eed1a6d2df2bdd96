"""Every reason storage can give for refusing a task has a sentence a member can read; the project stands alone."""

import ast
import inspect
from pathlib import Path

from handlers.texts import has_text
from storage import corrections, tasks
from storage.tasks import errors, rules

ROOT = Path(__file__).parent.parent


def task_error_codes() -> set[str]:
    """The class codes of storage.tasks.errors, and every eligibility code the rules can name."""
    codes = {cls.code for cls in vars(errors).values()
             if isinstance(cls, type) and issubclass(cls, tasks.TaskError) and isinstance(cls.__dict__.get("code"), str)}
    codes |= {code for code, _ in rules.STANDING}
    tree = ast.parse(inspect.getsource(rules))
    codes |= {node.value.value for node in ast.walk(tree)
              if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}
    return codes


def test_every_task_refusal_code_has_a_sentence():
    codes = task_error_codes()
    assert {"not_found", "taken", "own_request", "uncertified", "busy"} <= codes
    assert not [code for code in codes if not has_text(f"refusal_{code}")]


def test_every_correction_refusal_code_has_a_sentence():
    assert not [code for code in corrections.CODES if not has_text(f"correction_{code}")]


def test_the_readme_and_docs_stand_without_the_steering_folder():
    pages = [ROOT / "README.md", ROOT / "Makefile", *sorted((ROOT / "docs").glob("*.md"))]
    assert not [page.name for page in pages if "../shared" in page.read_text(encoding="utf-8")]
