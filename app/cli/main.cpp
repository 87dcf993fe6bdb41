// proofscope-cli: EZKL-style subcommands over the ProofScope core.
#include "command.hpp"
#include "app/version_text.hpp"
#include <QCoreApplication>
#include <algorithm>
#include <cstdio>

namespace ps::cli {
std::vector<Command>& command_registry() {
    static std::vector<Command> commands;
    return commands;
}
}  // namespace ps::cli

namespace {

void print_usage(std::FILE* out) {
    auto commands = ps::cli::command_registry();
    std::sort(commands.begin(), commands.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    std::fprintf(out, "Usage: proofscope-cli <command> [options]\n\n"
                "ProofScope %s: zero-knowledge proofs of quantised neural networks\n"
                "(PLONKish, KZG over BN254), with EZKL-like commands.\n\nCommands:\n",
                PROOFSCOPE_VERSION);
    for (const auto& c : commands) std::fprintf(out, "  %-22s %s\n", c.name.c_str(), c.summary.c_str());
    std::fprintf(out, "\nRun 'proofscope-cli <command> --help' (or 'proofscope-cli help <command>') for the\n"
                      "options of a command. Exit status: 0 on success, 2 for wrong arguments, 1 when the\n"
                      "command fails (each command's help names any other code).\n");
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("proofscope-cli");
    QCoreApplication::setApplicationVersion(PROOFSCOPE_VERSION);
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        print_usage(stderr);
        return 2;
    }
    if (args[1] == "--help" || args[1] == "-h" || args[1] == "--help-all" || (args[1] == "help" && args.size() == 2)) {
        print_usage(stdout);
        return 0;
    }
    if (args[1] == "--version" || args[1] == "-V") {
        ps::app::print_version("proofscope-cli", PROOFSCOPE_VERSION);
        return 0;
    }
    // `help <command>` is `<command> --help`, as git and EZKL's clap front end allow.
    if (args[1] == "help") args = QStringList{args[0], args[2], QStringLiteral("--help")};
    const std::string name = args[1].toStdString();
    for (const auto& c : ps::cli::command_registry()) {
        if (c.name == name) {
            QStringList sub = args.mid(1);
            sub[0] = QStringLiteral("proofscope-cli ") + args[1];
            return c.run(sub);
        }
    }
    std::fprintf(stderr, "proofscope-cli: unknown command '%s' (see proofscope-cli --help)\n",
                 name.c_str());
    return 2;
}
