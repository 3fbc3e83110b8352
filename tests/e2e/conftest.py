"""What the browser tests share: one Chromium per test module."""
import pytest


@pytest.fixture(scope="module")
def browser():
    from chromium import ARGS, CHROMIUM, playwright_api  # skips the test, not the folder, without Playwright

    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()
