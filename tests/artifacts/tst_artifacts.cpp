// settings.json, input.json and network.ezkl: round trips, EZKL's reference file, and
// every rejection path with the message it must give.
#include "core/artifacts/compiled_circuit.hpp"
#include <functional>
#include "core/artifacts/input_data.hpp"
#include "core/artifacts/settings.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <nlohmann/json.hpp>

using namespace ps;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ps::Error& e) {
        return e.what();
    }
    return "";
}

#define QVERIFY_CONTAINS(text, part) \
    QVERIFY2(std::string(text).find(part) != std::string::npos, (std::string("message: ") + (text)).c_str())

Settings sample_settings() {
    Settings s;
    s.run_args.input_scale = 5;
    s.run_args.param_scale = 6;
    s.run_args.scale_rebase_multiplier = 2;
    s.run_args.lookup_range_lo = -100;
    s.run_args.lookup_range_hi = 250;
    s.run_args.logrows = 12;
    s.run_args.input_visibility = Visibility::Public;
    s.run_args.output_visibility = Visibility::Hashed;
    s.run_args.param_visibility = Visibility::Private;
    s.run_args.check_mode = CheckMode::Unsafe;
    s.num_rows = 1234;
    s.total_assignments = 2468;
    s.total_const_size = 17;
    s.model_instance_shapes = {{1, 3}, {1}};
    s.model_input_scales = {5};
    s.model_output_scales = {5};
    s.required_lookups = {{"Sigmoid", 32.0, 0.0, false}, {"Pow", 32.0, 2.5, true}};
    s.required_range_checks = {{0, 31}, {-1, 1}};
    s.timestamp = 1726429587279;
    return s;
}

model::Graph sample_graph() {
    model::Graph g;
    g.source = "tiny.onnx";
    g.opset = 17;
    g.inputs = {{"x", {1, 2}, model::DType::Float}};
    g.outputs = {{"y", {1, 2}, model::DType::Float}};
    g.initializers["W"] = model::FloatTensor({2, 2}, {1.0f, -0.5f, 0.25f, 2.0f});
    model::Node n;
    n.index = 0;
    n.name = "mm";
    n.op = "MatMul";
    n.inputs = {"x", "W"};
    n.outputs = {"y"};
    model::Attribute a;
    a.kind = model::Attribute::Kind::Ints;
    a.ints = {1, 0};
    n.attrs["perm"] = a;
    g.nodes.push_back(n);
    g.shapes = {{"x", {1, 2}}, {"W", {2, 2}}, {"y", {1, 2}}};
    g.dtypes = {{"x", model::DType::Float}, {"y", model::DType::Float}};
    return g;
}

CompiledCircuit sample_circuit() {
    CompiledCircuit c;
    c.settings = sample_settings();
    c.graph = sample_graph();
    c.value_scales = {{"x", 5}, {"y", 5}};
    c.params["W"] = QuantisedTensor{6, model::IntTensor({2, 2}, {64, -32, 16, 128})};
    return c;
}

}  // namespace

class TstArtifacts : public QObject {
    Q_OBJECT
private slots:
    void settings_round_trip() {
        const Settings s = sample_settings();
        const Settings back = settings_from_json_text(settings_to_json_text(s), "settings.json");
        QVERIFY(back == s);
        QVERIFY(settings_digest(back) == settings_digest(s));
        Settings other = s;
        other.run_args.logrows = 13;
        QVERIFY(settings_digest(other) != settings_digest(s));
        other = s;
        other.timestamp = 1;  // the timestamp does not shape the circuit
        QVERIFY(settings_digest(other) == settings_digest(s));
    }
    void settings_defaults_are_ezkls() {
        const RunArgs a;
        QCOMPARE(a.input_scale, 7);
        QCOMPARE(a.param_scale, 7);
        QCOMPARE(a.scale_rebase_multiplier, 1u);
        QVERIFY(a.input_visibility == Visibility::Private);
        QVERIFY(a.output_visibility == Visibility::Public);
        QVERIFY(a.param_visibility == Visibility::Fixed);
        QVERIFY(a.check_mode == CheckMode::Safe);
    }
    void settings_written_atomically_and_read_back() {
        namespace fs = std::filesystem;
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        const auto path = folder / "settings.json";
        Settings old_settings = sample_settings();
        old_settings.run_args.logrows = 9;
        write_settings(old_settings, path);
        const std::string old_text = read_file_text(path);
        struct stat before {};
        QCOMPARE(::stat(path.c_str(), &before), 0);
        // A reader that opened the old file keeps reading the whole old file: the new one
        // is written beside it and renamed over it, never written into it.
        std::ifstream reader(path, std::ios::binary);
        QVERIFY(reader.good());

        write_settings(sample_settings(), path);
        QVERIFY(read_settings(path) == sample_settings());
        struct stat after {};
        QCOMPARE(::stat(path.c_str(), &after), 0);
        QVERIFY2(before.st_ino != after.st_ino, "settings.json was rewritten in place, not replaced by a rename");
        const std::string seen((std::istreambuf_iterator<char>(reader)), std::istreambuf_iterator<char>());
        QCOMPARE(seen, old_text);
        size_t files = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder)) ++files;
        QCOMPARE(files, size_t(1));  // no temporary left behind

        // When the final rename cannot happen, the error names the file and no temporary remains.
        const auto blocked = folder / "blocked.json";
        fs::create_directories(blocked / "occupied");
        QVERIFY_THROWS_EXCEPTION(Error, write_settings(sample_settings(), blocked));
        files = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder)) ++files;
        QCOMPARE(files, size_t(2));  // settings.json and the blocking folder only
    }
    void reads_ezkls_reference_settings() {
        const auto path = std::filesystem::path(PROOFSCOPE_SHARED_DIR) / "ezkl-reference/1l_mlp/settings.json";
        if (!std::filesystem::exists(path)) QSKIP("../shared/ezkl-reference is absent");
        const Settings s = read_settings(path);
        QCOMPARE(s.run_args.input_scale, 0);
        QCOMPARE(s.run_args.logrows, 6u);
        QCOMPARE(s.run_args.scale_rebase_multiplier, 10u);
        QVERIFY(s.run_args.param_visibility == Visibility::Private);
        QVERIFY(s.run_args.check_mode == CheckMode::Unsafe);
        QCOMPARE(s.num_rows, uint64_t(236));
        QVERIFY((s.model_instance_shapes == std::vector<std::vector<int64_t>>{{1, 4}}));
        QVERIFY((s.required_range_checks == std::vector<std::pair<int64_t, int64_t>>{{-1, 1}, {0, 127}}));
    }
    void settings_errors_name_the_field() {
        nlohmann::json j = nlohmann::json::parse(settings_to_json_text(sample_settings()));
        j["run_args"].erase("logrows");
        std::string m = error_of([&] { settings_from_json_text(j.dump(), "settings.json"); });
        QVERIFY_CONTAINS(m, "settings.json: run_args.logrows");
        QVERIFY_CONTAINS(m, "missing");
        j["run_args"]["logrows"] = "ten";
        m = error_of([&] { settings_from_json_text(j.dump(), "settings.json"); });
        QVERIFY_CONTAINS(m, "run_args.logrows");
        QVERIFY_CONTAINS(m, "\"ten\"");
        j["run_args"]["logrows"] = 10;
        j["run_args"]["input_visibility"] = "secret";
        m = error_of([&] { settings_from_json_text(j.dump(), "settings.json"); });
        QVERIFY_CONTAINS(m, "input_visibility");
        QVERIFY_CONTAINS(m, "secret");
        j["run_args"]["input_visibility"] = "Private";
        j["run_args"]["lookup_range"] = {5, 1};
        m = error_of([&] { settings_from_json_text(j.dump(), "settings.json"); });
        QVERIFY_CONTAINS(m, "lookup_range");
        m = error_of([&] { settings_from_json_text("{not json", "settings.json"); });
        QVERIFY_CONTAINS(m, "not valid JSON");
    }
    void input_json_flat_and_nested() {
        const InputData a = parse_input_json(R"({"input_data": [[1, 2.5, -3, 4]]})", "input.json", {{1, 4}});
        QCOMPARE(a.inputs.size(), size_t(1));
        QVERIFY((a.inputs[0] == std::vector<double>{1, 2.5, -3, 4}));
        const InputData b = parse_input_json(R"({"input_data": [[[1, 2], [3, 4]], [true, false]],
                                                "output_data": [[0.5]]})", "input.json", {{2, 2}, {2}});
        QVERIFY((b.inputs[0] == std::vector<double>{1, 2, 3, 4}));
        QVERIFY((b.inputs[1] == std::vector<double>{1, 0}));
        QVERIFY((b.outputs == std::vector<std::vector<double>>{{0.5}}));
        const InputData c = parse_input_json(R"({"input_data": [1, 2, 3]})", "input.json", {{3}});  // single flat
        QCOMPARE(c.inputs[0].size(), size_t(3));
        const InputData d = parse_input_json(input_json_text(b), "input.json", {{2, 2}, {2}});
        QVERIFY(d.inputs == b.inputs && d.outputs == b.outputs);
    }
    void input_json_extra_arrays_are_refused() {
        // Arrays beyond the model's inputs were once dropped with a note; silently proving
        // over part of what the user supplied hides a wrong model or a wrong file (issue 14).
        const std::string m = error_of([] { parse_input_json(R"({"input_data": [[1, 2], [3], [4]]})", "input.json", {{2}}); });
        QVERIFY_CONTAINS(m, "input.json: input_data");
        QVERIFY_CONTAINS(m, "the model has 1 input(s), found 3 array(s)");
        QVERIFY(parse_input_json(R"({"input_data": [[1, 2], []]})", "input.json", {{2}}).inputs.size() == 1);
        const InputData b = parse_input_json(R"({"input_data": [[]]})", "input.json", {});
        QCOMPARE(b.inputs.size(), size_t(0));  // "[[]]" is how EZKL writes "no inputs"
    }
    void input_json_errors_name_input_and_counts() {
        std::string values = "[";
        for (int i = 0; i < 2350; ++i) values += (i ? ",0" : "0");
        values += "]";
        std::string m = error_of([&] { parse_input_json("{\"input_data\": [" + values + "]}", "input.json", {{1, 3, 28, 28}}); });
        QCOMPARE(QString::fromStdString(m), QStringLiteral("input.json: input_data[0]: input 0 expects 1×3×28×28 = 2352 values, found 2350 "
                                                                  "(one value per element of the model's input, row-major)"));
        m = error_of([] { parse_input_json(R"({"input_data": [[1, "x"]]})", "input.json", {{2}}); });
        QVERIFY_CONTAINS(m, "input 0, value 1");
        QVERIFY_CONTAINS(m, "expected a number");
        m = error_of([] { parse_input_json(R"({"input_data": [[1]]})", "input.json", {{1}, {1}}); });
        QVERIFY_CONTAINS(m, "2 input(s), found 1");
        m = error_of([] { parse_input_json(R"({"inputs": [[1]]})", "input.json", {{1}}); });
        QVERIFY_CONTAINS(m, "input_data");
        m = error_of([] { parse_input_json(R"({"input_data": 3})", "input.json", {{1}}); });
        QVERIFY_CONTAINS(m, "expected an array");
    }
    void compiled_circuit_round_trip() {
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "network.ezkl";
        const CompiledCircuit c = sample_circuit();
        write_compiled_circuit(c, path);
        const CompiledCircuit back = read_compiled_circuit(path);
        QVERIFY(back.settings == c.settings);
        QVERIFY(back.value_scales == c.value_scales);
        QVERIFY(back.params == c.params);
        QCOMPARE(back.graph.nodes.size(), size_t(1));
        QCOMPARE(back.graph.nodes[0].name, std::string("mm"));
        QVERIFY((back.graph.nodes[0].attrs.at("perm").ints == std::vector<int64_t>{1, 0}));
        QVERIFY(back.graph.initializers.at("W").data == c.graph.initializers.at("W").data);
        QVERIFY(back.graph.inputs[0].shape == c.graph.inputs[0].shape);
        QVERIFY(back.graph.shapes == c.graph.shapes);
        QCOMPARE(back.graph.opset, int64_t(17));
        check_settings_match(back, c.settings, "settings.json", "network.ezkl");
    }
    void compiled_circuit_rejections() {
        const std::vector<uint8_t> good = compiled_circuit_bytes(sample_circuit());
        auto reject = [](std::vector<uint8_t> b) { return error_of([&] { compiled_circuit_from_bytes(b, "network.ezkl"); }); };

        std::vector<uint8_t> b = good;
        b[0] = 'X';
        QVERIFY_CONTAINS(reject(b), "wrong magic");
        b = good;
        b[8] = 9;
        QVERIFY_CONTAINS(reject(b), "format version 9");
        b = good;
        b.resize(b.size() - 10);
        QVERIFY_CONTAINS(reject(b), "truncated");
        b = good;
        b.resize(40);
        QVERIFY_CONTAINS(reject(b), "truncated header");
        b = good;
        b[b.size() / 2] ^= 0x01;  // a payload bit
        QVERIFY_CONTAINS(reject(b), "payload digest mismatch");
        b = good;
        b[20] ^= 0x01;  // the settings digest in the header
        QVERIFY_CONTAINS(reject(b), "embedded settings do not match");
        QVERIFY(reject({}).find("wrong magic") != std::string::npos);

        Settings other = sample_settings();
        other.run_args.logrows = 15;
        const std::string m = error_of([&] { check_settings_match(sample_circuit(), other, "settings.json", "network.ezkl"); });
        QVERIFY_CONTAINS(m, "settings.json: does not belong to network.ezkl");
        QVERIFY_CONTAINS(m, "logrows 15 vs 12");
    }
    // A network.ezkl with a valid digest can still be crafted (the digest is recomputed):
    // the decoder applies the ONNX import's attribute and size rules, so the fixed-point
    // kernels and the circuit layout never divide by a zero stride or allocate 2^64.
    void compiled_circuit_crafted_attributes_and_sizes() {
        auto crafted = [](const std::function<void(CompiledCircuit&)>& edit) {
            CompiledCircuit c = sample_circuit();
            edit(c);
            const std::vector<uint8_t> bytes = compiled_circuit_bytes(c);
            return error_of([&] { compiled_circuit_from_bytes(bytes, "network.ezkl"); });
        };
        auto ints = [](std::vector<int64_t> v) {
            model::Attribute a;
            a.kind = model::Attribute::Kind::Ints;
            a.ints = std::move(v);
            return a;
        };
        auto one = [](int64_t v) {
            model::Attribute a;
            a.kind = model::Attribute::Kind::Int;
            a.i = v;
            return a;
        };
        std::string m = crafted([&](CompiledCircuit& c) { c.graph.nodes[0].op = "Conv"; c.graph.nodes[0].attrs["strides"] = ints({1, 0}); });
        QVERIFY_CONTAINS(m, "network.ezkl: node 'mm'");
        QVERIFY_CONTAINS(m, "attribute 'strides'");
        m = crafted([&](CompiledCircuit& c) { c.graph.nodes[0].attrs["group"] = one(0); });
        QVERIFY_CONTAINS(m, "attribute 'group'");
        m = crafted([&](CompiledCircuit& c) { c.graph.nodes[0].attrs["blocksize"] = one(0); });
        QVERIFY_CONTAINS(m, "attribute 'blocksize'");
        m = crafted([&](CompiledCircuit& c) { c.graph.nodes[0].attrs["perm"] = ints({0, 0}); });
        QVERIFY_CONTAINS(m, "attribute 'perm'");
        m = crafted([&](CompiledCircuit& c) { c.graph.nodes[0].attrs["pads"] = ints({-1, 0, 0, 0}); });
        QVERIFY_CONTAINS(m, "attribute 'pads'");
        m = crafted([&](CompiledCircuit& c) { c.graph.inputs[0].shape = {int64_t(1) << 40, int64_t(1) << 40}; });
        QVERIFY_CONTAINS(m, "network.ezkl: input 'x' shape");
        QVERIFY_CONTAINS(m, "2^64");
        m = crafted([&](CompiledCircuit& c) { c.graph.shapes["y"] = {1, 1000000000}; });
        QVERIFY_CONTAINS(m, "value 'y' shape");
        QVERIFY_CONTAINS(m, "PROOFSCOPE_MAX_TENSOR_ELEMENTS");
        QVERIFY(crafted([](CompiledCircuit&) {}).empty());  // the untouched circuit still reads
    }
    void unreadable_file_names_the_path() {
        const std::string m = error_of([] { read_compiled_circuit("/nonexistent/network.ezkl"); });
        QVERIFY_CONTAINS(m, "network.ezkl");
    }
};

QTEST_APPLESS_MAIN(TstArtifacts)
#include "tst_artifacts.moc"
