#pragma once
// A proofscope-cli subcommand. Each subcommand lives in its own file and registers
// itself with a static CommandRegistration, so adding one never touches main.cpp.
#include <QStringList>
#include <functional>
#include <string>
#include <vector>

namespace ps::cli {

struct Command {
    std::string name;     // as EZKL names it: gen-srs, gen-witness, prove, ...
    std::string summary;  // one line for `proofscope-cli --help`
    // args[0] is "proofscope-cli <name>"; returns the process exit code.
    std::function<int(const QStringList& args)> run;
};

std::vector<Command>& command_registry();

struct CommandRegistration {
    explicit CommandRegistration(Command c) { command_registry().push_back(std::move(c)); }
};

}  // namespace ps::cli
