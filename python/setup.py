"""Builds Padan's C library (libPadanC) with SwiftPM and puts it inside the package.

`pip install ./python` from the repository runs `swift build -c release --product PadanC` at the
repository's root. With PADAN_LIBRARY set to an already built libPadanC, that file is used instead
(the tests use the debug build `scripts/test` made).
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent
NAME = "libPadanC.dylib" if sys.platform == "darwin" else "libPadanC.so"


class BuildWithSwift(build_py):
    def run(self):
        super().run()
        given = os.environ.get("PADAN_LIBRARY")
        if given:
            library = Path(given)
        else:
            if shutil.which("swift") is None:
                sys.exit("padan: building the package needs Swift 6 (https://swift.org/install), "
                         "or PADAN_LIBRARY set to a built libPadanC")
            subprocess.run(["swift", "build", "-c", "release", "--product", "PadanC"], cwd=ROOT, check=True)
            library = ROOT / ".build" / "release" / NAME
        if not library.is_file():
            sys.exit(f"padan: {library} was not built")
        target = Path(self.build_lib) / "padan" / NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(library, target)


setup(cmdclass={"build_py": BuildWithSwift})
