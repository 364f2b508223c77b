#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/input.h"
#include "eval/jsonl.h"
#include "eval/context_eval.h"
#include "eval/interview_eval.h"
#include "eval/vignettes.h"

namespace twitchcheck {

namespace {
const char kUsage[] =
    "usage: twitchcheck eval vignettes FILE | eval interview FILE | eval context FILE\n\n"
    "Scores the assessment, the interview or the context engine on a JSON-lines FILE.\n"
    "  vignettes  one case per line (SPEC.md §5: id, age, sex, text, primary, triage,\n"
    "             triage_ok; optional group): top-1, top-3, triage accuracy, under- and\n"
    "             over-triage, emergency recall, look-alikes sent to an emergency level;\n"
    "             every miss is listed, then the summary (the last three lines)\n"
    "  interview  the same cases as simulated interviews: the first sentence, the next when\n"
    "             asked to describe, then yes/no answers taken from the whole story;\n"
    "             questions asked and accuracy against the full narrative\n"
    "  context    lines {sentence, target, negation, temporality, experiencer} (the\n"
    "             NegEx/ConText corpus format): accuracy of each label and negated F1\n"
    "A file with no case in it is an error (exit 1).\n"
    "Limits: FILE a regular file of at most 64 MiB, at most 1 MiB per line, JSON nested at\n"
    "most 16 deep; a file past a limit is refused (exit 1) before any case is scored.\n";
}  // namespace

int CmdEval(const CommandArgs& a) {
  for (const std::string& arg : a.args)
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
  if (a.args.size() == 1 && (a.args[0] == "--help" || a.args[0] == "-h")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (a.args.size() != 2 || (a.args[0] != "vignettes" && a.args[0] != "context" && a.args[0] != "interview")) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string err;
  // The evaluation readers trust what they parse (a vignette's id is printed back with the
  // recursive JSON serializer): the file is checked against the limits first.
  if (!CheckJsonLinesFile(a.args[1], &err)) {
    std::fprintf(stderr, "twitchcheck eval %s: %s\n", a.args[0].c_str(), err.c_str());
    return 1;
  }
  int code = 0;
  Engine* engine = OpenEngine(a, &code);
  if (!engine) return code;
  if (a.args[0] == "context") {
    if (!EvalContextFile(*engine, a.args[1], std::cout, &err)) {
      std::fprintf(stderr, "twitchcheck eval context: %s\n", err.c_str());
      return 1;
    }
    return 0;
  }
  if (a.args[0] == "interview") {
    InterviewScores scores;
    if (!EvalInterviewFile(*engine, a.args[1], std::cout, &scores, &err)) {
      std::fprintf(stderr, "twitchcheck eval interview: %s\n", err.c_str());
      return 1;
    }
    return 0;
  }
  VignetteScores scores;
  if (!EvalVignettesFile(*engine, a.args[1], std::cout, &scores, &err)) {
    std::fprintf(stderr, "twitchcheck eval vignettes: %s\n", err.c_str());
    return 1;
  }
  return 0;
}

}  // namespace twitchcheck
