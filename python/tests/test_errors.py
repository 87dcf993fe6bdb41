"""Bad input gives a clear exception (the core's message: which file, what was wrong) or,
for a proof that does not verify, False: never a crash."""
import json

import pytest

import proofscope as ps


def test_errors_are_runtime_errors():
    assert issubclass(ps.Error, RuntimeError)


def test_a_missing_input_names_the_file(project):
    with pytest.raises(ps.Error, match="no_such_input.json"):
        ps.gen_witness(data="no_such_input.json", output="w.json")
    assert not (project / "w.json").exists()


def test_a_missing_model_names_the_file(project):
    with pytest.raises(ps.Error, match="missing.onnx"):
        ps.gen_settings(model="missing.onnx", output="s.json")
    assert not (project / "s.json").exists()


def test_a_malformed_input_json_is_an_error_naming_it(project):
    (project / "bad.json").write_text('{"input_data": [[0.1, 0.2')
    with pytest.raises(ps.Error, match="bad.json"):
        ps.gen_witness(data="bad.json", output="w.json")
    (project / "bad.json").write_text('{"input_data": "seven"}')
    with pytest.raises(ps.Error, match="bad.json"):
        ps.gen_witness(data="bad.json", output="w.json")
    assert not (project / "w.json").exists()


def test_an_input_of_the_wrong_size_is_an_error(project):
    (project / "short.json").write_text('{"input_data": [[0.5, 0.5, 0.5]]}')
    with pytest.raises(ps.Error, match="short.json"):
        ps.gen_witness(data="short.json", output="w.json")


def tampered(project, change):
    with open(project / "proof.json") as f:
        proof = json.load(f)
    change(proof)
    with open(project / "tampered.json", "w") as f:
        json.dump(proof, f)
    return "tampered.json"


def flip_a_proof_byte(proof):
    proof["proof"][100] ^= 1
    proof["hex_proof"] = "0x" + bytes(proof["proof"]).hex()


def test_a_tampered_proof_does_not_verify(project):
    assert ps.verify() is True
    path = tampered(project, flip_a_proof_byte)
    assert ps.verify(proof_path=path) is False
    details = ps.verify_details(proof_path=path)
    assert details["valid"] is False and details["reason"] and details["check"]


def test_a_changed_public_output_does_not_verify(project):
    def claim_another_output(proof):
        first = proof["instances"][0][0]
        proof["instances"][0][0] = ("0" if first[0] != "0" else "1") + first[1:]

    path = tampered(project, claim_another_output)
    try:
        assert ps.verify(proof_path=path) is False
    except ps.Error as e:  # an instance outside the field is unusable input, said as such
        assert "tampered.json" in str(e)


def test_a_proof_that_is_not_json_is_an_error(project):
    (project / "garbage.json").write_bytes(b"\x00\x01 not a proof")
    with pytest.raises(ps.Error, match="garbage.json"):
        ps.verify(proof_path="garbage.json")


def test_a_missing_verifying_key_is_an_error(project):
    with pytest.raises(ps.Error, match="nokey.key"):
        ps.verify(vk_path="nokey.key")


def test_a_tampered_witness_fails_mock_naming_the_layer(project):
    with open(project / "witness.json") as f:
        witness = json.load(f)
    layer = witness["layers"][2]
    layer["quantised"][0] += 1
    with open(project / "forged.json", "w") as f:
        json.dump(witness, f)
    with pytest.raises(ps.Error, match="constraint"):
        ps.mock(witness="forged.json")


def test_run_args_refuse_bad_values():
    args = ps.PyRunArgs()
    with pytest.raises(ValueError, match="input_scale"):
        args.input_scale = 99
    with pytest.raises(ps.Error, match="input_visibility"):
        args.input_visibility = "sideways"
    with pytest.raises(ValueError, match="lookup_range"):
        args.lookup_range = [5, -5]
    with pytest.raises(ValueError, match="kzg"):
        args.commitment = "ipa"
    assert args.input_scale == 7 and args.input_visibility == "private"


def test_options_ezkl_has_and_proofscope_lacks_are_refused_not_ignored(project):
    with pytest.raises(ValueError, match="reduced_srs"):
        ps.verify(reduced_srs=True)
    with pytest.raises(ValueError, match="lookup_safety_margin"):
        ps.calibrate_settings("input.json", lookup_safety_margin=1.5)
