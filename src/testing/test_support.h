#pragma once
// What the unit tests share: the built-in knowledge base, its model and reader, and an
// engine on it, each built once for the test program, all at one pinned date so that no
// test depends on the day it runs. Test code only: the library keeps no such globals.
#include <string>

#include "engine/model.h"
#include "kb/knowledge.h"
#include "text/reader.h"
#include "twitchcheck/engine.h"

namespace twitchcheck::fixtures {

// The date every test reads "since Monday" against.
inline constexpr Date kToday{2026, 6, 15};

const Knowledge& BuiltinKb();
const Model& BuiltinModel();
const TextReader& BuiltinReader();
const Engine& BuiltinEngine();

// A shell command's exit status (128 + the signal when it was killed) and standard output.
struct CommandRun {
  int status = -1;
  std::string out;
};
CommandRun RunCommand(const std::string& command);

}  // namespace twitchcheck::fixtures
