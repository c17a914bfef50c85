# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_script: the same scripts as fuzz_script_parse's."""
from fuzz_script_parse import seeds  # noqa: F401
