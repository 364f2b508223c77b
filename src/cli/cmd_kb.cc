#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "kb/knowledge.h"
#include "kb/lint.h"
#include "text/reader.h"

namespace twitchcheck {

int CmdKb(const CommandArgs& a) {
  std::vector<std::string> args = a.args;
  std::string dir = a.kb_dir;
  bool strict = false;
  if (args.empty() || args[0] != "lint") {
    std::fprintf(stderr,
                 "usage: twitchcheck kb lint [--kb DIR] [--strict]\n\n"
                 "Validates the knowledge base (the built-in copy, or DIR) and reports its\n"
                 "coverage. Exit 1 on any error; with --strict, also on coverage warnings.\n");
    return args.size() == 1 && (args[0] == "--help" || args[0] == "-h") ? 0 : 2;
  }
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--kb" && i + 1 < args.size()) dir = args[++i];
    else if (args[i] == "--strict") strict = true;
    else {
      std::fprintf(stderr, "twitchcheck kb lint: unknown argument '%s'\n", args[i].c_str());
      return 2;
    }
  }
  std::vector<KbIssue> errors;
  std::unique_ptr<Knowledge> kb = LoadKnowledge(dir, &errors);
  if (!kb) {
    for (const KbIssue& e : errors) std::fprintf(stderr, "error: %s\n", e.ToString().c_str());
    std::fprintf(stderr, "%zu error(s)\n", errors.size());
    return 1;
  }
  std::string err;
  if (!TextReader::Create(*kb, &err)) {
    std::fprintf(stderr, "error: %s\n", err.c_str());
    return 1;
  }
  CoverageReport report = Coverage(*kb);
  std::cout << FormatCoverage(*kb, report);
  return strict && !report.clean() ? 1 : 0;
}

}  // namespace twitchcheck
