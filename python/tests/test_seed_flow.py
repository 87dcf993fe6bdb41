"""The seed's Python flow, verbatim apart from the import, in a folder the CLI prepared."""
import os
import subprocess
import sys

SEED_FLOW = """\
import proofscope as ezkl
ezkl.gen_witness()
ezkl.prove()
print(ezkl.verify())
"""


def test_seed_flow_gen_witness_prove_verify(project):
    os.remove(project / "witness.json")
    os.remove(project / "proof.json")
    # A fresh interpreter, as a notebook would be: only the import line differs from EZKL's docs.
    p = subprocess.run([sys.executable, "-c", SEED_FLOW], cwd=project, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "True"
    assert (project / "witness.json").is_file()
    assert (project / "proof.json").is_file()
