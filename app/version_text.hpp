#pragma once
// What `--version` prints for both programs, in the GNU form that help2man turns into the
// man pages' COPYRIGHT section. GPL-3.0-or-later because the GUI links QCustomPlot (GPL);
// the CLI ships in the same package under the same licence (see LICENSE).
#include <cstdio>

namespace ps::app {

inline void print_version(const char* program, const char* version) {
    std::printf("%s %s\n"
                "Copyright (C) 2026 The ProofScope developers.\n"
                "License GPL-3.0-or-later: GNU GPL version 3 or later <https://www.gnu.org/licenses/gpl-3.0.html>.\n"
                "This is free software: you are free to change and redistribute it.\n"
                "There is NO WARRANTY, to the extent permitted by law.\n",
                program, version);
}

}  // namespace ps::app
