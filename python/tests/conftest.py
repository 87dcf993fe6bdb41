"""Fixtures for the proofscope module's tests: a demo project prepared by proofscope-cli.

CTest (python/CMakeLists.txt) sets PYTHONPATH to the built module and PROOFSCOPE_CLI /
PROOFSCOPE_MAKE_DEMO to the CLI and the demo project generator built in the same tree.
"""
import json
import os
import re
import shutil
import subprocess

import pytest

SEED = 1  # the development SRS's seed: CLI and module write the same kzg.srs from it

# The tests change directory: tool paths given relative to where pytest started stay valid.
for _name in ("PROOFSCOPE_CLI", "PROOFSCOPE_MAKE_DEMO"):
    if os.environ.get(_name):
        os.environ[_name] = os.path.abspath(os.environ[_name])


def tool(name):
    path = os.environ.get(name)
    if not path or not os.access(path, os.X_OK):
        pytest.fail(f"{name} is not set to an executable: run these tests through ctest (ctest -R python_module)")
    return path


def cli(*args, cwd, check=True):
    """Runs proofscope-cli in `cwd`; returns the completed process."""
    p = subprocess.run([tool("PROOFSCOPE_CLI"), *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    if check and p.returncode != 0:
        pytest.fail(f"proofscope-cli {' '.join(args)} exited {p.returncode}:\n{p.stdout}\n{p.stderr}")
    return p


def logrows_of(folder):
    with open(os.path.join(folder, "settings.json")) as f:
        return json.load(f)["run_args"]["logrows"]


def without_timestamp(path):
    with open(path) as f:
        return re.sub(r'"timestamp":\s*[0-9]+', '"timestamp":0', f.read())


def same_bytes(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def demo_sources(folder):
    """network.onnx and input.json of the bundled demo digit classifier, in `folder`."""
    subprocess.run([tool("PROOFSCOPE_MAKE_DEMO"), str(folder)], check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def cli_project(tmp_path_factory):
    """The demo project taken by proofscope-cli, with default names in its folder, up to proof.json."""
    folder = tmp_path_factory.mktemp("cli")
    demo_sources(folder)
    cli("gen-settings", cwd=folder)
    cli("compile-circuit", cwd=folder)
    cli("gen-witness", cwd=folder)
    cli("gen-srs", "--logrows", str(logrows_of(folder)), "--seed", str(SEED), "--srs-path", "kzg.srs", cwd=folder)
    cli("setup", cwd=folder)
    cli("prove", cwd=folder)
    return folder


@pytest.fixture
def project(cli_project, tmp_path, monkeypatch):
    """A private copy of the CLI's project, as the current directory."""
    folder = tmp_path / "project"
    shutil.copytree(cli_project, folder)
    monkeypatch.chdir(folder)
    return folder
