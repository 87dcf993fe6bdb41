#pragma once
// Errors are values with a place and a fix (STYLE.md): which file/field/node, what was
// found, what was expected, and what the user can do.
#include <stdexcept>
#include <string>

namespace ps {

class Error : public std::runtime_error {
public:
    // where: "settings.json: run_args.logrows", "kzg.srs at offset 1024", "node 3 (Conv)"
    // problem: what is wrong, with found vs expected; fix: what to do (may be empty).
    Error(std::string where, std::string problem, std::string fix = {})
        : std::runtime_error(compose(where, problem, fix)),
          where_(std::move(where)), problem_(std::move(problem)), fix_(std::move(fix)) {}

    const std::string& where() const { return where_; }
    const std::string& problem() const { return problem_; }
    const std::string& fix() const { return fix_; }

private:
    static std::string compose(const std::string& w, const std::string& p, const std::string& f) {
        std::string s = w.empty() ? p : w + ": " + p;
        if (!f.empty()) s += " (" + f + ")";
        return s;
    }
    std::string where_, problem_, fix_;
};

}  // namespace ps
