// twitchcheck: one program, one static table of subcommands (as in ninja's tool table).
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "cli/commands.h"
#include "cli/input.h"

namespace twitchcheck {
namespace {

struct Subcommand {
  const char* name;
  const char* description;
  int (*run)(const CommandArgs&);
};

constexpr Subcommand kSubcommands[] = {
    {"assess", "what is most likely behind the twitching, how urgent, what to do", CmdAssess},
    {"parse", "show the evidence read from a person's own words", CmdParse},
    {"interview", "ask the few questions that matter (terminal, or --json for one step)", CmdInterview},
    {"context", "negation / temporality / experiencer of target phrases (--jsonl)", CmdContext},
    {"kb", "knowledge base tools: `kb lint`, `kb list conditions|findings|red-flags|sources`", CmdKb},
    {"eval", "measure: `eval vignettes|interview|context FILE`", CmdEval},
    {"diary", "log episodes and daily factors; trigger analysis and reports", CmdDiary},
};

void Usage(FILE* f) {
  std::fprintf(f,
               "usage: twitchcheck [--kb DIR] [--today DATE] COMMAND [ARGS...]\n\n"
               "twitchcheck says what is likely behind muscle twitching or facial spasms, how\n"
               "urgently to see whom, and what to do. It does not diagnose.\n\ncommands:\n");
  for (const Subcommand& s : kSubcommands) std::fprintf(f, "  %-10s %s\n", s.name, s.description);
  std::fprintf(f,
               "\noptions (anywhere on the line):\n"
               "  --kb DIR        load the knowledge base from DIR instead of the built-in copy\n"
               "                  (every file of DIR is validated, whichever command runs)\n"
               "  --today DATE    the date (YYYY-MM-DD) that \"since Monday\" counts from;\n"
               "                  default: the local date\n"
               "  --version       print the program version\n\n"
               "limits (an input past one is refused with a message):\n%s\n"
               "`twitchcheck COMMAND --help` describes each command.\n",
               kInputLimitsHelp);
}

// --kb DIR and --today DATE may stand anywhere on the line (SPEC.md §4), as --kb=DIR and
// --today=DATE too; everything after a bare "--" is left alone.
bool TakeGlobalOptions(std::vector<std::string>* words, CommandArgs* args) {
  std::vector<std::string> rest;
  for (size_t i = 0; i < words->size(); ++i) {
    const std::string& w = (*words)[i];
    if (w == "--") {
      rest.insert(rest.end(), words->begin() + static_cast<std::ptrdiff_t>(i), words->end());
      break;
    }
    std::string* into = nullptr;
    std::string name, value;
    for (const char* opt : {"--kb", "--today"}) {
      const std::string o = opt;
      if (w == o || w.rfind(o + "=", 0) == 0) {
        into = o == "--kb" ? &args->kb_dir : &args->today_arg;
        name = o;
      }
    }
    if (!into) {
      rest.push_back(w);
      continue;
    }
    if (w.size() > name.size()) {
      value = w.substr(name.size() + 1);
    } else if (i + 1 < words->size()) {
      value = (*words)[++i];
    } else {
      std::fprintf(stderr, "twitchcheck: %s needs a %s\n", name.c_str(), name == "--kb" ? "directory" : "date (YYYY-MM-DD)");
      return false;
    }
    if (value.empty()) {
      std::fprintf(stderr, "twitchcheck: %s needs a value\n", name.c_str());
      return false;
    }
    *into = value;
  }
  if (!args->today_arg.empty()) {
    args->today = ParseDate(args->today_arg);
    if (!args->today) {
      std::fprintf(stderr, "twitchcheck: --today must be a date YYYY-MM-DD, not '%s'\n", args->today_arg.c_str());
      return false;
    }
  }
  *words = std::move(rest);
  return true;
}

int Main(int argc, char** argv) {
  CommandArgs args;
  std::vector<std::string> words(argv + 1, argv + argc);
  if (!TakeGlobalOptions(&words, &args)) return 2;
  size_t i = 0;
  for (; i < words.size(); ++i) {
    const std::string& a = words[i];
    if (a == "-h" || a == "--help" || a == "help") {
      Usage(stdout);
      return 0;
    } else if (a == "--version") {
      std::printf("twitchcheck %s\n", TWITCHCHECK_VERSION);
      return 0;
    } else {
      break;
    }
  }
  if (i >= words.size()) {
    Usage(stderr);
    return 2;
  }
  const std::string& name = words[i];
  for (const Subcommand& s : kSubcommands) {
    if (name == s.name) {
      args.args.assign(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
      return s.run(args);
    }
  }
  std::fprintf(stderr, "twitchcheck: unknown command '%s' (try `twitchcheck --help`)\n", name.c_str());
  return 2;
}

}  // namespace
}  // namespace twitchcheck

int main(int argc, char** argv) {
  try {
    return twitchcheck::Main(argc, argv);
  } catch (const std::exception& e) {
    // Every expected failure is reported by the command itself; reaching this is a bug,
    // but it still must not look like a crash to the caller.
    std::fprintf(stderr, "twitchcheck: internal error: %s\n", e.what());
    return 70;
  }
}
