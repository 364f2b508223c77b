// Placeholder while the context engine is written; replaced in the next commits.
#include <cstdio>
#include "cli/commands.h"
namespace twitchcheck {
int CmdContext(const CommandArgs&) { std::fprintf(stderr, "context: not built yet\n"); return 1; }
}  // namespace twitchcheck
