#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "twitchcheck/engine.h"
#include "twitchcheck/json.h"

namespace twitchcheck {

namespace {

const char kUsage[] =
    "usage: twitchcheck kb lint [--strict]\n"
    "       twitchcheck kb list conditions|findings|red-flags|sources [--json]\n\n"
    "lint: validates the knowledge base (the built-in copy, or DIR with --kb DIR) and\n"
    "reports its coverage. Exit 1 on any error; with --strict, also on coverage warnings.\n"
    "list: what the knowledge base holds, one line each (--json: a JSON array); `findings`\n"
    "lists the ids that `assess --evidence ID=STATUS` and `interview --json` take.\n";

int List(const CommandArgs& a) {
  const std::vector<std::string>& args = a.args;
  bool json = false;
  std::string what;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (what.empty()) what = args[i];
    else {
      std::fprintf(stderr, "twitchcheck kb list: unknown argument '%s'\n\n%s", args[i].c_str(), kUsage);
      return 2;
    }
  }
  CatalogueKind kind;
  if (what == "conditions") kind = CatalogueKind::kConditions;
  else if (what == "findings") kind = CatalogueKind::kFindings;
  else if (what == "red-flags") kind = CatalogueKind::kRedFlags;
  else if (what == "sources") kind = CatalogueKind::kSources;
  else {
    std::fprintf(stderr, "twitchcheck kb list: say what to list: conditions, findings, red-flags or sources\n\n%s",
                 kUsage);
    return 2;
  }
  int code = 0;
  Engine* engine = OpenEngine(a, &code);
  if (!engine) return code;
  const Catalogue& c = engine->catalogue();
  if (json) {
    std::cout << CatalogueJson(c, kind) << "\n";
    return 0;
  }
  switch (kind) {
    case CatalogueKind::kConditions:
      for (const CatalogueCondition& x : c.conditions)
        std::printf("%-32s %-16s %-20s %s\n", x.id.c_str(), x.seriousness.c_str(),
                    std::string(TriageName(x.urgency)).c_str(), x.name.c_str());
      break;
    case CatalogueKind::kFindings:
      for (const CatalogueFinding& x : c.findings)
        std::printf("%-36s %-12s %s\n", x.id.c_str(), x.category.c_str(), x.name.c_str());
      break;
    case CatalogueKind::kRedFlags:
      for (const CatalogueRedFlag& x : c.red_flags)
        std::printf("%-36s %-20s %s\n", x.id.c_str(), std::string(TriageName(x.level)).c_str(), x.reason.c_str());
      break;
    case CatalogueKind::kSources:
      for (const SourceInfo& x : c.sources)
        std::printf("%-36s %s%s%s\n", x.id.c_str(), x.title.c_str(), x.url.empty() ? "" : " <", x.url.empty() ? "" : (x.url + ">").c_str());
      break;
  }
  return 0;
}

}  // namespace

int CmdKb(const CommandArgs& a) {
  std::vector<std::string> args = a.args;
  std::string dir = a.kb_dir;
  bool strict = false;
  if (!args.empty() && args[0] == "list") return List(a);
  if (args.empty() || args[0] != "lint") {
    std::fputs(kUsage, args.size() == 1 && (args[0] == "--help" || args[0] == "-h") ? stdout : stderr);
    return args.size() == 1 && (args[0] == "--help" || args[0] == "-h") ? 0 : 2;
  }
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--kb" && i + 1 < args.size()) dir = args[++i];
    else if (args[i] == "--strict") strict = true;
    else if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else {
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
