"""The functions carry EZKL's Python names, argument names, order and defaults
(zkonduit/ezkl src/bindings/python.rs), so a notebook switches by changing its import."""
import re

import pytest

import proofscope as ps

# name -> EZKL's positional arguments with their defaults (None: no default). One default
# differs on purpose (docs/PYTHON.md): calibrate_settings' scale_rebase_multiplier is None,
# since the core's calibration does not search multipliers (EZKL: [1, 2, 10]).
EZKL = {
    "gen_settings": [("model", "network.onnx"), ("output", "settings.json"), ("py_run_args", "None")],
    "calibrate_settings": [("data", "calibration.json"), ("model", "network.onnx"), ("settings", "settings.json"),
                           ("target", "resources"), ("lookup_safety_margin", "2.0"), ("scales", "None"),
                           ("scale_rebase_multiplier", "None"), ("max_logrows", "None")],
    "compile_circuit": [("model", "network.onnx"), ("compiled_circuit", "network.ezkl"),
                        ("settings_path", "settings.json")],
    "gen_srs": [("srs_path", None), ("logrows", None)],
    "gen_witness": [("data", "input.json"), ("model", "network.ezkl"), ("output", "witness.json"),
                    ("vk_path", "None"), ("srs_path", "None")],
    "mock": [("witness", "witness.json"), ("model", "network.ezkl")],
    "setup": [("model", "network.ezkl"), ("vk_path", "vk.key"), ("pk_path", "pk.key"), ("srs_path", "None"),
              ("witness_path", "None"), ("disable_selector_compression", "False")],
    "prove": [("witness", "witness.json"), ("model", "network.ezkl"), ("pk_path", "pk.key"), ("proof_path", "None"),
              ("srs_path", "None")],
    "verify": [("proof_path", "proof.json"), ("settings_path", "settings.json"), ("vk_path", "vk.key"),
               ("srs_path", "None"), ("reduced_srs", "False")],
    "table": [("model", "network.onnx"), ("py_run_args", "None")],
}


def positional_parameters(function):
    """(name, default) before the `*` of pybind11's signature line: 'f(a: T = 'x', *, progress: ...)'."""
    signature = function.__doc__.splitlines()[0]
    inside = signature[signature.index("(") + 1:signature.rindex(")")]
    params = []
    for part in re.split(r",\s*(?![^\[]*\])", inside):
        if part.strip() == "*":
            break
        name, _, rest = part.partition(":")
        default = rest.split("=", 1)[1].strip().strip("'") if "=" in rest else None
        params.append((name.strip(), default))
    return params


@pytest.mark.parametrize("name", sorted(EZKL))
def test_signature_is_ezkls(name):
    assert positional_parameters(getattr(ps, name)) == EZKL[name]


def test_run_args_defaults_are_ezkls():
    a = ps.PyRunArgs()
    assert (a.input_scale, a.param_scale, a.scale_rebase_multiplier, a.num_inner_cols) == (7, 7, 1, 2)
    assert a.lookup_range == [-32768, 32768]
    assert (a.input_visibility, a.output_visibility, a.param_visibility) == ("private", "public", "fixed")
    assert (a.check_mode, a.commitment, a.variables) == ("safe", "kzg", [("batch_size", 1)])


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", ps.__version__)
