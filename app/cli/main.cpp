// proofscope-cli: EZKL-style subcommands over the ProofScope core.
#include "command.hpp"
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

void print_usage() {
    auto commands = ps::cli::command_registry();
    std::sort(commands.begin(), commands.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    std::printf("Usage: proofscope-cli <command> [options]\n\n"
                "ProofScope %s: zero-knowledge proofs of quantised neural networks\n"
                "(PLONKish, KZG over BN254), with EZKL-like commands.\n\nCommands:\n",
                PROOFSCOPE_VERSION);
    for (const auto& c : commands) std::printf("  %-22s %s\n", c.name.c_str(), c.summary.c_str());
    std::printf("\nRun 'proofscope-cli <command> --help' for the options of a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("proofscope-cli");
    QCoreApplication::setApplicationVersion(PROOFSCOPE_VERSION);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args[1] == "--help" || args[1] == "-h" || args[1] == "help") {
        print_usage();
        return args.size() < 2 ? 1 : 0;
    }
    if (args[1] == "--version" || args[1] == "-V") {
        std::printf("proofscope-cli %s\n", PROOFSCOPE_VERSION);
        return 0;
    }
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
