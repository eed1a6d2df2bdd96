"""The arrows of docs/architecture.md hold: an import against them fails the suite, with lint-imports' own words."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")  # the venv's, beside the python running the tests


def test_every_import_follows_the_arrows_between_the_packages():
    run = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
