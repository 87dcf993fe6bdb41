#include "demo_model.hpp"

#include "demo_weights.hpp"

#include "core/util/atomic_file.hpp"
#include "core/util/error.hpp"

#include <onnx/onnx_pb.h>
#include <span>
#include <string>

namespace ps::demo {

namespace {

void add_initializer(onnx::GraphProto& g, const std::string& name, std::initializer_list<int64_t> dims,
                     std::span<const float> values) {
    onnx::TensorProto* t = g.add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims) t->add_dims(d);
    for (float v : values) t->add_float_data(v);
}

void set_value_info(onnx::ValueInfoProto* v, const std::string& name, std::initializer_list<int64_t> dims) {
    v->set_name(name);
    onnx::TypeProto_Tensor* tensor = v->mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims) tensor->mutable_shape()->add_dim()->set_dim_value(d);
}

onnx::NodeProto* add_node(onnx::GraphProto& g, const std::string& name, const std::string& op,
                          std::initializer_list<std::string> inputs, const std::string& output) {
    onnx::NodeProto* n = g.add_node();
    n->set_name(name);
    n->set_op_type(op);
    for (const auto& i : inputs) n->add_input(i);
    n->add_output(output);
    return n;
}

void add_ints(onnx::NodeProto* n, const std::string& name, std::initializer_list<int64_t> values) {
    onnx::AttributeProto* a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t v : values) a->add_ints(v);
}

void add_int(onnx::NodeProto* n, const std::string& name, int64_t value) {
    onnx::AttributeProto* a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(value);
}

}  // namespace

void write_demo_model(const std::filesystem::path& onnx_path) {
    onnx::ModelProto model;
    model.set_ir_version(8);
    model.set_producer_name("proofscope make_demo_project");
    model.set_doc_string("Demo digit classifier: 8x8 image -> 10 logits (see resources/demo/train_demo_weights.py)");
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(13);

    onnx::GraphProto& g = *model.mutable_graph();
    g.set_name("demo_digits");
    set_value_info(g.add_input(), "image", {1, 1, 8, 8});
    set_value_info(g.add_output(), "logits", {1, 10});
    add_initializer(g, "conv1.weight", {4, 1, 3, 3}, conv_weight);
    add_initializer(g, "conv1.bias", {4}, conv_bias);
    add_initializer(g, "fc.weight", {10, 64}, fc_weight);
    add_initializer(g, "fc.bias", {10}, fc_bias);

    onnx::NodeProto* conv = add_node(g, "conv1", "Conv", {"image", "conv1.weight", "conv1.bias"}, "conv1_out");
    add_ints(conv, "kernel_shape", {3, 3});
    add_ints(conv, "pads", {1, 1, 1, 1});
    add_node(g, "relu1", "Relu", {"conv1_out"}, "relu1_out");
    onnx::NodeProto* pool = add_node(g, "pool1", "MaxPool", {"relu1_out"}, "pool1_out");
    add_ints(pool, "kernel_shape", {2, 2});
    add_ints(pool, "strides", {2, 2});
    add_int(add_node(g, "flatten", "Flatten", {"pool1_out"}, "features"), "axis", 1);
    add_int(add_node(g, "fc", "Gemm", {"features", "fc.weight", "fc.bias"}, "logits"), "transB", 1);

    std::string bytes;
    if (!model.SerializeToString(&bytes))
        throw Error(onnx_path.string(), "the ONNX model could not be serialised");
    write_file_atomically(onnx_path, std::string_view(bytes));
}

void write_demo_input(const std::filesystem::path& input_path) {
    std::string text = "{\"input_data\": [[";
    for (size_t i = 0; i < std::size(sample_input); ++i) {
        if (i) text += ", ";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", double(sample_input[i]));
        text += buf;
    }
    text += "]]}\n";
    write_file_atomically(input_path, std::string_view(text));
}

void write_demo_project(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw Error(folder.string(), "the folder cannot be created (" + ec.message() + ")",
                        "pick a writable folder");
    write_demo_model(folder / "network.onnx");
    write_demo_input(folder / "input.json");
}

}  // namespace ps::demo
