#pragma once
// Parsing of the arguments shared by `assess`, `parse` and `interview`.
#include <optional>
#include <string>
#include <vector>

#include "engine/assess.h"

namespace twitchcheck {

struct AssessInput {
  Patient patient;                 // from --age / --sex
  std::vector<Evidence> evidence;  // from --evidence
  std::string text;
  bool has_text = false;
  bool json = false;
  bool help = false;
  std::optional<bool> color;       // --color / --no-color; unset = decide from the terminal
};

// Returns false with *err set on bad input: unknown flag, age not a whole number in
// 0..120, sex not female/male, malformed --evidence, unreadable --text-file, empty text,
// nothing to assess. With --help, returns false and sets in->help.
bool ParseAssessArgs(const std::vector<std::string>& args, bool allow_evidence, AssessInput* in,
                     std::string* err);

// Parses "id=status,id2=status2" (status defaults to present when "=..." is left out).
bool ParseEvidenceList(const std::string& list, std::vector<Evidence>* out, std::string* err);

// Validates an age given as text or number: a whole number of years in 0..120.
bool ParseAge(const std::string& s, int* age, std::string* err);

}  // namespace twitchcheck
