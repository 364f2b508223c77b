#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "diary/diary_kb.h"

namespace twitchcheck {

Engine* OpenEngine(const CommandArgs& a, int* exit_code) {
  // The engine lives until the process ends and is never destroyed: freeing the knowledge
  // base's many small allocations would cost a tenth of a short command's run, for nothing.
  // It stays reachable from here, so leak checkers do not report it.
  static Engine* opened = nullptr;
  Options options;
  options.kb_dir = a.kb_dir;
  options.today = a.today;
  std::unique_ptr<Engine> engine;
  const Status s = Engine::Open(options, &engine);
  if (!s.ok()) {
    std::fprintf(stderr, "twitchcheck: the knowledge base is invalid:\n%s", s.message().c_str());
    *exit_code = 1;
    return nullptr;
  }
  std::string err;
  if (!CheckDiaryKnowledge(a.kb_dir, &err)) {
    std::fprintf(stderr, "twitchcheck: the knowledge base is invalid:\n%s\n", err.c_str());
    *exit_code = 1;
    return nullptr;
  }
  delete opened;  // a second engine in one process (tests): the first is no longer used
  opened = engine.release();
  return opened;
}

bool CheckDiaryKnowledge(const std::string& kb_dir, std::string* err) {
  if (kb_dir.empty()) return true;
  namespace fs = std::filesystem;
  std::error_code ec;
  // Optional for the engine: a copy without it is checked by the diary when it runs.
  if (fs::symlink_status(fs::path(kb_dir) / "diary.yaml", ec).type() == fs::file_type::not_found) return true;
  return DiaryKb::Load(kb_dir, err) != nullptr;
}

}  // namespace twitchcheck
