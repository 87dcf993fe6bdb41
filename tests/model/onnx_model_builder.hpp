#pragma once
// Writes small ONNX models with the real protobuf classes, for loader tests.
#include <onnx/onnx_pb.h>

#include <QTemporaryDir>

#include <fstream>
#include <string>
#include <variant>
#include <vector>

namespace ps::model::testing {

class OnnxModelBuilder {
public:
    explicit OnnxModelBuilder(int64_t opset = 13) {
        model_.set_ir_version(8);
        auto* op = model_.add_opset_import();
        op->set_domain("");
        op->set_version(opset);
        model_.mutable_graph()->set_name("test");
    }
    // dims: a number, or a string for a symbolic dim ("batch").
    using Dim = std::variant<int64_t, std::string>;
    OnnxModelBuilder& input(const std::string& name, std::vector<Dim> dims, int32_t elem = onnx::TensorProto::FLOAT) {
        fill_value(model_.mutable_graph()->add_input(), name, dims, elem);
        return *this;
    }
    OnnxModelBuilder& output(const std::string& name, std::vector<Dim> dims = {}, int32_t elem = onnx::TensorProto::FLOAT) {
        auto* v = model_.mutable_graph()->add_output();
        if (dims.empty()) {
            v->set_name(name);
            v->mutable_type()->mutable_tensor_type()->set_elem_type(elem);
        } else {
            fill_value(v, name, dims, elem);
        }
        return *this;
    }
    OnnxModelBuilder& initializer(const std::string& name, std::vector<int64_t> dims, std::vector<float> values) {
        auto* t = model_.mutable_graph()->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (int64_t d : dims) t->add_dims(d);
        for (float v : values) t->add_float_data(v);
        return *this;
    }
    OnnxModelBuilder& int_initializer(const std::string& name, std::vector<int64_t> dims, std::vector<int64_t> values) {
        auto* t = model_.mutable_graph()->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        for (int64_t d : dims) t->add_dims(d);
        for (int64_t v : values) t->add_int64_data(v);
        return *this;
    }
    onnx::NodeProto& node(const std::string& op, std::vector<std::string> in, std::vector<std::string> out, const std::string& name = {}) {
        auto* n = model_.mutable_graph()->add_node();
        n->set_op_type(op);
        if (!name.empty()) n->set_name(name);
        for (auto& s : in) n->add_input(s);
        for (auto& s : out) n->add_output(s);
        return *n;
    }
    static void attr_int(onnx::NodeProto& n, const std::string& key, int64_t v) {
        auto* a = n.add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }
    static void attr_tensor_ints(onnx::NodeProto& n, const std::string& key, std::vector<int64_t> values) {
        auto* a = n.add_attribute();
        a->set_name(key);
        a->set_type(onnx::AttributeProto::TENSOR);
        auto* t = a->mutable_t();
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(static_cast<int64_t>(values.size()));
        for (int64_t v : values) t->add_int64_data(v);
    }
    onnx::ModelProto& proto() { return model_; }

    std::string write(const QTemporaryDir& dir, const std::string& file = "network.onnx") const {
        const std::string path = dir.path().toStdString() + "/" + file;
        std::ofstream out(path, std::ios::binary);
        model_.SerializeToOstream(&out);
        return path;
    }

private:
    static void fill_value(onnx::ValueInfoProto* v, const std::string& name, const std::vector<Dim>& dims, int32_t elem) {
        v->set_name(name);
        auto* tt = v->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(elem);
        auto* shape = tt->mutable_shape();
        for (const Dim& d : dims) {
            auto* dim = shape->add_dim();
            if (std::holds_alternative<int64_t>(d)) dim->set_dim_value(std::get<int64_t>(d));
            else dim->set_dim_param(std::get<std::string>(d));
        }
    }
    onnx::ModelProto model_;
};

}  // namespace ps::model::testing
