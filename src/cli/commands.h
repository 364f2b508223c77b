#pragma once
// Subcommands of the `twitchcheck` program. Each takes its own arguments (after the
// subcommand name) and returns the process exit code; errors go to stderr.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "twitchcheck/engine.h"

namespace twitchcheck {

struct CommandArgs {
  std::vector<std::string> args;  // the arguments after the subcommand name
  std::string kb_dir;             // --kb DIR (anywhere on the line); empty = built in
  std::string today_arg;          // --today YYYY-MM-DD as given (anywhere); empty = the local date
  std::optional<Date> today;      // today_arg, parsed
};

// Opens the engine the command line asked for (--kb, --today). On failure prints why to
// stderr ("twitchcheck: ...") and returns null with *exit_code set (1: bad data). The engine
// is owned here and lives until the process ends (a later call replaces it).
Engine* OpenEngine(const CommandArgs& a, int* exit_code);

// Validates DIR/diary.yaml when DIR has one: the engine does not read it (the diary does),
// yet every file of DIR is validated whichever command runs (SPEC.md §4). False with *err
// naming the file when it is invalid; true for the built-in copy (empty `kb_dir`).
bool CheckDiaryKnowledge(const std::string& kb_dir, std::string* err);

int CmdAssess(const CommandArgs& a);
int CmdParse(const CommandArgs& a);
int CmdContext(const CommandArgs& a);       // context --jsonl
int CmdInterview(const CommandArgs& a);
int CmdKb(const CommandArgs& a);            // kb lint
int CmdEval(const CommandArgs& a);          // eval vignettes FILE | eval context FILE
int CmdDiary(const CommandArgs& a);         // diary add|list|edit|delete|import|export|report

}  // namespace twitchcheck
