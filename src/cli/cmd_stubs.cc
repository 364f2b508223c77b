// TEMPORARY during initial development: replaced command by command.
#include <cstdio>
#include "cli/commands.h"
namespace twitchcheck {
int CmdInterview(const CommandArgs&) { std::fprintf(stderr, "interview: not built yet\n"); return 1; }
}  // namespace twitchcheck
