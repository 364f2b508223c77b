#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "eval/context_eval.h"
#include "eval/vignettes.h"
#include "kb/knowledge.h"

namespace twitchcheck {

int CmdEval(const CommandArgs& a) {
  if (a.args.size() != 2 || (a.args[0] != "vignettes" && a.args[0] != "context")) {
    std::fprintf(stderr, "usage: twitchcheck eval vignettes FILE | twitchcheck eval context FILE\n");
    return 2;
  }
  std::string err;
  if (a.args[0] == "context") {
    if (!EvalContextFile(a.args[1], std::cout, &err)) {
      std::fprintf(stderr, "twitchcheck eval context: %s\n", err.c_str());
      return 1;
    }
    return 0;
  }
  const Knowledge* kb = KnowledgeFor(a.kb_dir, &err);
  VignetteScores scores;
  if (!kb || !EvalVignettesFile(*kb, a.args[1], std::cout, &scores, &err)) {
    std::fprintf(stderr, "twitchcheck eval vignettes: %s\n", err.c_str());
    return 1;
  }
  return 0;
}

}  // namespace twitchcheck
