#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "eval/context_eval.h"
#include "eval/interview_eval.h"
#include "eval/vignettes.h"
#include "kb/knowledge.h"

namespace twitchcheck {

int CmdEval(const CommandArgs& a) {
  if (a.args.size() != 2 || (a.args[0] != "vignettes" && a.args[0] != "context" && a.args[0] != "interview")) {
    std::fprintf(stderr,
                 "usage: twitchcheck eval vignettes FILE | eval interview FILE | eval context FILE\n");
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
  if (a.args[0] == "interview") {
    InterviewScores scores;
    if (!kb || !EvalInterviewFile(*kb, a.args[1], std::cout, &scores, &err)) {
      std::fprintf(stderr, "twitchcheck eval interview: %s\n", err.c_str());
      return 1;
    }
    return 0;
  }
  VignetteScores scores;
  if (!kb || !EvalVignettesFile(*kb, a.args[1], std::cout, &scores, &err)) {
    std::fprintf(stderr, "twitchcheck eval vignettes: %s\n", err.c_str());
    return 1;
  }
  return 0;
}

}  // namespace twitchcheck
