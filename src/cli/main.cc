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
    {"kb", "knowledge base tools: `kb lint`", CmdKb},
    {"eval", "measure: `eval vignettes FILE`, `eval context FILE`", CmdEval},
    {"diary", "log episodes and daily factors; trigger analysis and reports", CmdDiary},
};

void Usage(FILE* f) {
  std::fprintf(f,
               "usage: twitchcheck [--kb DIR] COMMAND [ARGS...]\n\n"
               "twitchcheck says what is likely behind muscle twitching or facial spasms, how\n"
               "urgently to see whom, and what to do. It does not diagnose.\n\ncommands:\n");
  for (const Subcommand& s : kSubcommands) std::fprintf(f, "  %-10s %s\n", s.name, s.description);
  std::fprintf(f,
               "\noptions:\n  --kb DIR   load the knowledge base from DIR instead of the built-in copy\n"
               "  --version  print the program version\n\n"
               "limits (an input past one is refused with a message):\n%s\n"
               "`twitchcheck COMMAND --help` describes each command.\n",
               kInputLimitsHelp);
}

int Main(int argc, char** argv) {
  CommandArgs args;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--kb") {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "twitchcheck: --kb needs a directory\n");
        return 2;
      }
      args.kb_dir = argv[++i];
    } else if (a == "-h" || a == "--help" || a == "help") {
      Usage(stdout);
      return 0;
    } else if (a == "--version") {
      std::printf("twitchcheck %s\n", TWITCHCHECK_VERSION);
      return 0;
    } else {
      break;
    }
  }
  if (i >= argc) {
    Usage(stderr);
    return 2;
  }
  const char* name = argv[i];
  for (const Subcommand& s : kSubcommands) {
    if (std::strcmp(s.name, name) == 0) {
      args.args.assign(argv + i + 1, argv + argc);
      return s.run(args);
    }
  }
  std::fprintf(stderr, "twitchcheck: unknown command '%s' (try `twitchcheck --help`)\n", name);
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
