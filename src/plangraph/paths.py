"""Where plangraph finds its ontology, shapes and reports, in a checkout or an installed wheel."""
from __future__ import annotations

import errno
import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parents[1]


def _resource(name: str) -> Path:
    installed = _PACKAGE / "_resources" / name
    return installed if installed.is_dir() else _CHECKOUT / name


def ontology_dir() -> Path:
    """The folder of the OWL ontology (Turtle)."""
    return _resource("ontology")


def shapes_dir() -> Path:
    """The folder of the SHACL shapes (Turtle)."""
    return _resource("shapes")


def indicator_map_file() -> Path:
    """The table of links between indicator names (data/indicator-map.csv of the checkout)."""
    installed = _PACKAGE / "_resources" / "indicator-map.csv"
    return installed if installed.exists() else _CHECKOUT / "data" / "indicator-map.csv"


def why_missing(path: Path) -> str:
    """Why a named ``path`` cannot be opened, in words: "does not exist", or the symbolic link that fails."""
    if not path.is_symlink():
        return "does not exist"
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 and 3.12 say "Symlink loop" this way
        return "is a symbolic link that leads back to itself (a loop)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link that leads back to itself (a loop)"
    return f'is a symbolic link to "{os.readlink(path)}", which does not exist'


def indicator_table_file() -> Path:
    """The indicators the reader knows by name, with aliases and units (data/indicators.csv of the checkout)."""
    installed = _PACKAGE / "_resources" / "indicators.csv"
    return installed if installed.exists() else _CHECKOUT / "data" / "indicators.csv"


def project_dir() -> Path:
    """The project folder whose data/ plangraph reads and writes: ``PLANGRAPH_HOME``, else the checkout."""
    return Path(os.environ.get("PLANGRAPH_HOME", _CHECKOUT))


def reports_dir() -> Path:
    """The default reports: data/reports/ of the project."""
    return project_dir() / "data" / "reports"


def built_dataset() -> Path:
    """The project's own built dataset, refreshed by ``plangraph build``."""
    return project_dir() / "data" / "built" / "plangraph.trig"
