"""The whole pipeline from Python on the demo model, against proofscope-cli on the same files.

Each step's artifact must be byte-identical to the CLI's, timestamps aside: settings.json
records when it was written (compared with the timestamp blanked, then the CLI's copy is
used so that network.ezkl, which embeds the settings, can be compared byte for byte).
proof.json differs by its random blinding, so its public part is compared and each side
verifies the other's proof.
"""
import json
import shutil

import pytest

import proofscope as ps
from conftest import SEED, cli, demo_sources, logrows_of, same_bytes, without_timestamp


@pytest.fixture
def py_project(tmp_path, monkeypatch):
    folder = tmp_path / "python"
    folder.mkdir()
    demo_sources(folder)
    monkeypatch.chdir(folder)
    return folder


def load(path):
    with open(path) as f:
        return json.load(f)


def test_whole_pipeline_matches_the_cli(cli_project, py_project):
    cli_dir, py_dir = cli_project, py_project

    assert ps.gen_settings() is True
    assert without_timestamp(py_dir / "settings.json") == without_timestamp(cli_dir / "settings.json")
    shutil.copy(cli_dir / "settings.json", py_dir / "settings.json")

    assert ps.compile_circuit() is True
    assert same_bytes(py_dir / "network.ezkl", cli_dir / "network.ezkl")

    witness = ps.gen_witness()
    assert same_bytes(py_dir / "witness.json", cli_dir / "witness.json")
    assert witness == load(py_dir / "witness.json")

    with pytest.warns(UserWarning, match="DEVELOPMENT-ONLY SRS"):
        assert ps.gen_srs("kzg.srs", logrows_of(py_dir), seed=SEED) is None
    assert same_bytes(py_dir / "kzg.srs", cli_dir / "kzg.srs")

    assert ps.setup() is True
    assert same_bytes(py_dir / "vk.key", cli_dir / "vk.key")
    assert same_bytes(py_dir / "pk.key", cli_dir / "pk.key")

    assert ps.mock() is True

    proof = ps.prove()
    assert proof == load(py_dir / "proof.json")
    cli_proof = load(cli_dir / "proof.json")
    assert set(proof) == set(cli_proof)
    for field in ("instances", "pretty_public_inputs", "commitment", "transcript_type", "version"):
        assert proof[field] == cli_proof[field], field
    assert len(proof["proof"]) == len(cli_proof["proof"])

    assert ps.verify() is True
    assert ps.verify(proof_path=str(cli_dir / "proof.json")) is True
    assert cli("verify", "--proof-path", str(py_dir / "proof.json"), cwd=cli_dir).returncode == 0

    details = ps.verify_details()
    assert details["valid"] is True and details["check"] == ""
    assert details["pretty_public_inputs"] == proof["pretty_public_inputs"]


def test_calibrate_settings_matches_the_cli(cli_project, py_project):
    cli("calibrate-settings", "-D", "input.json", "-O", "calibrated.json", "--scales", "5,7", cwd=cli_project)
    assert ps.calibrate_settings("input.json", "network.onnx", "calibrated.json", scales=[5, 7]) is True
    assert without_timestamp(py_project / "calibrated.json") == without_timestamp(cli_project / "calibrated.json")


def test_table_is_the_cli_table(cli_project, py_project):
    assert ps.table() == cli("table", cwd=cli_project).stdout


def test_run_args_reach_the_settings_as_the_cli_options_do(cli_project, py_project):
    cli("gen-settings", "-O", "s6.json", "--input-scale", "6", "--logrows", "14", "--output-visibility", "private",
        cwd=cli_project)
    args = ps.PyRunArgs()
    args.input_scale = 6
    args.logrows = 14
    args.output_visibility = "private"
    assert ps.gen_settings(output="s6.json", py_run_args=args) is True
    assert without_timestamp(py_project / "s6.json") == without_timestamp(cli_project / "s6.json")
    assert load(py_project / "s6.json")["run_args"]["logrows"] == 14
