#include "core/artifacts/graph_codec.hpp"
#include "core/model/tensor_limits.hpp"

namespace ps {

using namespace model;

static void check_tensor(const ByteReader& r, const Shape& shape, size_t n) {
    // Negative or overflowing dimensions would make element_count() agree with a wrong n.
    check_declared_shape(shape, r.file() + " at offset " + std::to_string(r.position()) + ": stored tensor shape");
    if (shape.empty() && n == 0) return;  // an absent tensor (default Attribute payload)
    if (element_count(shape) != n)
        throw Error(r.file() + " at offset " + std::to_string(r.position()),
                    "stored tensor of shape " + shape_to_string(shape) + " holds " + std::to_string(n) +
                        " values: the file is corrupted",
                    "regenerate it");
}

void encode_float_tensor(ByteWriter& w, const FloatTensor& t) {
    w.i64s(t.shape);
    w.f32s(t.data);
}

FloatTensor decode_float_tensor(ByteReader& r) {
    FloatTensor t;
    t.shape = r.i64s();
    t.data = r.f32s();
    check_tensor(r, t.shape, t.data.size());
    return t;
}

void encode_int_tensor(ByteWriter& w, const IntTensor& t) {
    w.i64s(t.shape);
    w.i64s(t.data);
}

IntTensor decode_int_tensor(ByteReader& r) {
    IntTensor t;
    t.shape = r.i64s();
    t.data = r.i64s();
    check_tensor(r, t.shape, t.data.size());
    return t;
}

static void encode_strings(ByteWriter& w, const std::vector<std::string>& v) {
    w.u64(v.size());
    for (const auto& s : v) w.str(s);
}

static std::vector<std::string> decode_strings(ByteReader& r) {
    std::vector<std::string> v(r.count(8));
    for (auto& s : v) s = r.str();
    return v;
}

static void encode_attribute(ByteWriter& w, const Attribute& a) {
    w.u8(uint8_t(a.kind));
    w.i64(a.i);
    w.f32(a.f);
    w.str(a.s);
    w.i64s(a.ints);
    w.f32s(a.floats);
    encode_strings(w, a.strings);
    encode_float_tensor(w, a.tensor);
    w.u32(uint32_t(a.tensor_dtype));
}

static Attribute decode_attribute(ByteReader& r) {
    Attribute a;
    const uint8_t kind = r.u8();
    if (kind > uint8_t(Attribute::Kind::Graph))
        throw Error(r.file() + " at offset " + std::to_string(r.position() - 1),
                    "unknown attribute kind " + std::to_string(kind) + ": the file is corrupted",
                    "regenerate it with compile-circuit");
    a.kind = Attribute::Kind(kind);
    a.i = r.i64();
    a.f = r.f32();
    a.s = r.str();
    a.ints = r.i64s();
    a.floats = r.f32s();
    a.strings = decode_strings(r);
    a.tensor = decode_float_tensor(r);
    a.tensor_dtype = DType(r.u32());
    return a;
}

static void encode_value_infos(ByteWriter& w, const std::vector<ValueInfo>& v) {
    w.u64(v.size());
    for (const auto& vi : v) {
        w.str(vi.name);
        w.i64s(vi.shape);
        w.u32(uint32_t(vi.dtype));
    }
}

static std::vector<ValueInfo> decode_value_infos(ByteReader& r) {
    std::vector<ValueInfo> v(r.count(8));
    for (auto& vi : v) {
        vi.name = r.str();
        vi.shape = r.i64s();
        vi.dtype = DType(r.u32());
    }
    return v;
}

void encode_graph(ByteWriter& w, const Graph& g) {
    w.str(g.source.string());
    w.i64(g.opset);
    encode_value_infos(w, g.inputs);
    encode_value_infos(w, g.outputs);
    w.u64(g.initializers.size());
    for (const auto& [name, t] : g.initializers) {
        w.str(name);
        encode_float_tensor(w, t);
    }
    w.u64(g.nodes.size());
    for (const auto& n : g.nodes) {
        w.u64(n.index);
        w.str(n.name);
        w.str(n.op);
        encode_strings(w, n.inputs);
        encode_strings(w, n.outputs);
        w.u64(n.attrs.size());
        for (const auto& [key, a] : n.attrs) {
            w.str(key);
            encode_attribute(w, a);
        }
    }
    w.u64(g.shapes.size());
    for (const auto& [name, s] : g.shapes) {
        w.str(name);
        w.i64s(s);
    }
    w.u64(g.dtypes.size());
    for (const auto& [name, t] : g.dtypes) {
        w.str(name);
        w.u32(uint32_t(t));
    }
}

Graph decode_graph(ByteReader& r) {
    Graph g;
    g.source = r.str();
    g.opset = r.i64();
    g.inputs = decode_value_infos(r);
    g.outputs = decode_value_infos(r);
    for (uint64_t n = r.count(8); n > 0; --n) {
        std::string name = r.str();
        g.initializers[name] = decode_float_tensor(r);
    }
    g.nodes.resize(r.count(8));
    for (auto& n : g.nodes) {
        n.index = r.u64();
        n.name = r.str();
        n.op = r.str();
        n.inputs = decode_strings(r);
        n.outputs = decode_strings(r);
        for (uint64_t k = r.count(8); k > 0; --k) {
            std::string key = r.str();
            n.attrs[key] = decode_attribute(r);
        }
    }
    for (uint64_t n = r.count(8); n > 0; --n) {
        std::string name = r.str();
        g.shapes[name] = r.i64s();
    }
    for (uint64_t n = r.count(8); n > 0; --n) {
        std::string name = r.str();
        g.dtypes[name] = DType(r.u32());
    }
    return g;
}

}  // namespace ps
