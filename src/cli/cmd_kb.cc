#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "twitchcheck/engine.h"

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
  Options options;
  options.kb_dir = dir;
  std::unique_ptr<Engine> engine;
  const Status s = Engine::Open(options, &engine);
  std::string diary_err;
  const bool diary_ok = CheckDiaryKnowledge(dir, &diary_err);
  if (!s.ok() || !diary_ok) {
    size_t count = 0;
    for (size_t at = 0; at < s.message().size();) {
      size_t nl = s.message().find('\n', at);
      if (nl == std::string::npos) nl = s.message().size();
      if (nl > at) {
        std::fprintf(stderr, "error: %s\n", s.message().substr(at, nl - at).c_str());
        ++count;
      }
      at = nl + 1;
    }
    if (!diary_ok) {
      std::fprintf(stderr, "error: %s\n", diary_err.c_str());
      ++count;
    }
    std::fprintf(stderr, "%zu error(s)\n", count);
    return 1;
  }
  bool clean = true;
  std::cout << engine->Coverage(&clean);
  return strict && !clean ? 1 : 0;
}

}  // namespace twitchcheck
