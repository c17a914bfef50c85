# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_e1000e: the rings are those of the e1000 (intel.c)."""
from fuzz_nic_e1000 import seeds  # noqa: F401
