#pragma once
// The Markdown table rows docs/CORPUS.md is made of, for both programs that write it
// (proofscope-corpus-report and proofscope-corpus-prove).
#include <string>
#include <vector>

namespace ps::corpus {

// "| a | b |\n", with '|' and newlines inside a cell turned into spaces.
inline std::string markdown_row(const std::vector<std::string>& cells) {
    std::string s = "|";
    for (std::string c : cells) {
        for (char& ch : c)
            if (ch == '|' || ch == '\n') ch = ' ';
        s += " " + c + " |";
    }
    return s + "\n";
}

}  // namespace ps::corpus
