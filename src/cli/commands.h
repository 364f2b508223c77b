#pragma once
// Subcommands of the `twitchcheck` program. Each takes its own arguments (after the
// subcommand name) and returns the process exit code; errors go to stderr.
#include <string>
#include <vector>

namespace twitchcheck {

struct CommandArgs {
  std::vector<std::string> args;  // the arguments after the subcommand name
  std::string kb_dir;             // --kb DIR given before the subcommand; empty = built in
};

int CmdAssess(const CommandArgs& a);
int CmdParse(const CommandArgs& a);
int CmdContext(const CommandArgs& a);       // context --jsonl
int CmdInterview(const CommandArgs& a);
int CmdKb(const CommandArgs& a);            // kb lint
int CmdEval(const CommandArgs& a);          // eval vignettes FILE | eval context FILE
int CmdDiary(const CommandArgs& a);         // diary add|list|edit|delete|import|export|report

}  // namespace twitchcheck
