"""layers() is witness.json's per-layer trace as NumPy arrays: the same numbers, exactly."""
import json
import math

import numpy as np

import proofscope as ps


def test_layers_match_witness_json_exactly(project):
    with open(project / "witness.json") as f:
        expected = json.load(f)["layers"]
    layers = ps.layers("witness.json")
    assert len(layers) == len(expected) > 1
    for got, want in zip(layers, expected):
        for key in ("index", "name", "op", "kind", "inputs", "output", "scale", "min", "max", "saturated",
                    "max_abs_error", "mean_abs_error"):
            assert got[key] == want[key], (want["name"], key)
        assert got["shape"] == tuple(want["shape"])
        assert got["bounds"] == (tuple(want["bounds"]) if want["bounds"] is not None else None)
        assert got["quantised"].dtype == np.int64 and got["quantised"].shape == tuple(want["shape"])
        assert got["quantised"].ravel().tolist() == want["quantised"]
        assert got["dequantised"].dtype == np.float64
        assert got["dequantised"].ravel().tolist() == want["dequantised"]
        reference = [math.nan if x is None else x for x in want["float_reference"]]
        if reference:
            assert np.array_equal(got["float_reference"].ravel(), np.array(reference), equal_nan=True)
        else:
            assert got["float_reference"] is None


def test_layers_of_a_folder_is_its_witness_json(project):
    assert [l["name"] for l in ps.layers(str(project))] == [l["name"] for l in ps.layers()]


def test_layers_of_a_witness_without_float_reference(project):
    ps.gen_witness(output="plain.json", float_reference=False)
    assert all(l["float_reference"] is None for l in ps.layers("plain.json"))
