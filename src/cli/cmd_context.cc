// `twitchcheck context --jsonl`: the context engine over JSON lines on stdin (SPEC.md §4).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>


#include "cli/commands.h"
#include "cli/input.h"
#include "core/bounded_read.h"
#include "twitchcheck/engine.h"
#include "twitchcheck/json.h"

namespace twitchcheck {
namespace {

constexpr const char* kHelp =
    "usage: twitchcheck [--kb DIR] context --jsonl\n\n"
    "Reads one JSON object per line on stdin, {\"sentence\": ..., \"target\": ...}, and\n"
    "writes one line per input line, in the same order:\n"
    "  {\"negation\": \"negated\"|\"affirmed\", \"temporality\": \"recent\"|\"historical\"|\n"
    "   \"hypothetical\", \"experiencer\": \"patient\"|\"other\"}\n"
    "The target is found in the sentence case-insensitively; if it is not there, the whole\n"
    "sentence is judged. A line that is not such an object gets {\"error\": \"...\"} on\n"
    "stdout and a message naming its line number on stderr; the others are still processed\n"
    "and the exit status is 1. Blank lines are skipped. The rules come from the built-in\n"
    "kb/context_rules.yaml, or from DIR/context_rules.yaml with --kb DIR (the whole of DIR\n"
    "is validated first).\n\n"
    "Limits: at most 64 KiB per line (a longer line gets an error and is skipped), JSON\n"
    "nested at most 16 deep; any number of lines, streamed.\n";

}  // namespace

int CmdContext(const CommandArgs& a) {
  bool jsonl = false;
  for (const std::string& arg : a.args) {
    if (arg == "--help" || arg == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (arg == "--jsonl") {
      jsonl = true;
    } else {
      std::fprintf(stderr, "twitchcheck context: unknown argument '%s'\n\n%s", arg.c_str(), kHelp);
      return 2;
    }
  }
  if (!jsonl) {
    std::fprintf(stderr, "twitchcheck context: --jsonl is required\n\n%s", kHelp);
    return 2;
  }
  // Every file of the knowledge base (built in, or DIR) is validated before its context
  // rules are used (SPEC.md §4 --kb).
  int code = 0;
  Engine* engine = OpenEngine(a, &code);
  if (!engine) return code;

  std::string line, sentence, target, err, out;
  out.reserve(1 << 16);
  size_t line_no = 0, bad = 0;
  // Line by line, each bounded: memory stays at one line plus the output buffer however
  // much arrives.
  for (LineStatus st; (st = ReadLineBounded(stdin, kMaxContextLineBytes, &line)) != LineStatus::kEnd;) {
    ++line_no;
    if (st == LineStatus::kTooLong) {
      err = "line longer than the limit of " + FormatBytes(kMaxContextLineBytes);
      ++bad;
      std::fprintf(stderr, "twitchcheck context: stdin:%zu: %s\n", line_no, err.c_str());
      out.append(ErrorLineJson(err)).append("\n");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (Status s = ParseContextLine(line, &sentence, &target); !s.ok()) {
      ++bad;
      std::fprintf(stderr, "twitchcheck context: stdin:%zu: %s\n", line_no, s.message().c_str());
      out.append(ErrorLineJson(s.message())).append("\n");
    } else {
      out.append(ContextAnswerJson(engine->Context(sentence, target))).append("\n");
    }
    if (out.size() > (1 << 15)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (bad > 0) {
    std::fprintf(stderr, "twitchcheck context: %zu of %zu lines were not valid input\n", bad,
                 line_no);
    return 1;
  }
  return 0;
}

}  // namespace twitchcheck
