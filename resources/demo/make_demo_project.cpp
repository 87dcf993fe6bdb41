// make_demo_project <folder>: writes the demo project's network.onnx and input.json
// (a digit "3") into <folder>, ready for the CLI pipeline or the GUI.
#include "demo_model.hpp"

#include "core/util/error.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2 || std::string(argv[1]) == "--help") {
        std::fprintf(stderr, "usage: make_demo_project <folder>\n"
                             "Writes network.onnx (tiny 8x8 digit classifier) and input.json into <folder>.\n");
        return argc == 2 ? 0 : 2;
    }
    try {
        ps::demo::write_demo_project(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_demo_project: %s\n", e.what());
        return 1;
    }
    std::printf("%s/network.onnx\n%s/input.json\n", argv[1], argv[1]);
    return 0;
}
