#pragma once
// Scores the context engine on an annotated corpus in the format of
// ../shared/context-corpus/dev.jsonl (SPEC.md §5).
#include <ostream>
#include <string>

#include "twitchcheck/engine.h"

namespace twitchcheck {

// Reads the JSONL corpus at `path`, runs the context engine on every (sentence, target),
// writes a report to `out` (negation accuracy, negated-class precision/recall/F1,
// temporality accuracy, experiencer accuracy, sentences per second, then the misses).
// The report's last lines are the summary figures. Returns false with *err set when the
// file cannot be read or a line is not valid.
bool EvalContextFile(const Engine& engine, const std::string& path, std::ostream& out, std::string* err);

}  // namespace twitchcheck
