"""What every browser test needs: Debian's Chromium (never `playwright install`), its flags, Playwright, the
``browser`` fixture (import it into the test module) and ``shoot`` for screenshots. Importing this skips the
test module when Chromium or Playwright is missing."""
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# without the background-networking flags Chromium keeps trying hosts this machine cannot reach
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium is not installed at {CHROMIUM}: run scripts/test, which installs it with apt-get",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="install the test extra: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the test module."""
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


def shoot(page, name: str, full_page: bool = True) -> None:
    """Save a screenshot of ``page`` as test-artifacts/NAME.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)
