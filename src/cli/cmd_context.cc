// `twitchcheck context --jsonl`: the context engine over JSON lines on stdin (SPEC.md §4).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input.h"
#include "kb/bounded_read.h"
#include "kb/knowledge.h"
#include "text/context.h"

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

void AppendLabels(const ContextResult& r, std::string* out) {
  const ContextLabels l = LabelsFor(r);
  out->append("{\"negation\": \"").append(l.negation);
  out->append("\", \"temporality\": \"").append(l.temporality);
  out->append("\", \"experiencer\": \"").append(l.experiencer).append("\"}\n");
}

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
  std::unique_ptr<ContextEngine> own;
  const ContextEngine* engine = &DefaultContextEngine();
  if (!a.kb_dir.empty()) {
    std::string err;
    // Every file of DIR is validated (bounded, regular files, numbers in range) before the
    // context engine reads its rules from it (SPEC.md §4 --kb).
    if (!KnowledgeFor(a.kb_dir, &err)) {
      std::fprintf(stderr, "twitchcheck: the knowledge base is invalid:\n%s", err.c_str());
      return 1;
    }
    own = LoadContextEngine(a.kb_dir, &err);
    if (!own) {
      std::fprintf(stderr, "twitchcheck context: %s\n", err.c_str());
      return 1;
    }
    engine = own.get();
  }

  std::string line, sentence, target, err, out;
  out.reserve(1 << 16);
  size_t line_no = 0, bad = 0;
  ContextResult result;
  // Line by line, each bounded: memory stays at one line plus the output buffer however
  // much arrives.
  for (LineStatus st; (st = ReadLineBounded(stdin, kMaxContextLineBytes, &line)) != LineStatus::kEnd;) {
    ++line_no;
    if (st == LineStatus::kTooLong) {
      err = "line longer than the limit of " + FormatBytes(kMaxContextLineBytes);
      ++bad;
      std::fprintf(stderr, "twitchcheck context: stdin:%zu: %s\n", line_no, err.c_str());
      out.append("{\"error\": ").append(nlohmann::json(err).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).append("}\n");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (!ParseContextLine(line, &sentence, &target, &err)) {
      ++bad;
      std::fprintf(stderr, "twitchcheck context: stdin:%zu: %s\n", line_no, err.c_str());
      out.append("{\"error\": ").append(nlohmann::json(err).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).append("}\n");
    } else {
      ClassifyTargetInSentence(*engine, sentence, target, &result);
      AppendLabels(result, &out);
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
