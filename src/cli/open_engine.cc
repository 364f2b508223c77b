#include <cstdio>

#include "cli/commands.h"

namespace twitchcheck {

std::unique_ptr<Engine> OpenEngine(const CommandArgs& a, int* exit_code) {
  Options options;
  options.kb_dir = a.kb_dir;
  options.today = a.today;
  std::unique_ptr<Engine> engine;
  const Status s = Engine::Open(options, &engine);
  if (!s.ok()) {
    std::fprintf(stderr, "twitchcheck: the knowledge base is invalid:\n%s", s.message().c_str());
    *exit_code = 1;
  }
  return engine;
}

}  // namespace twitchcheck
