#pragma once
// Parsing of the arguments shared by `assess`, `parse` and `interview`.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchcheck/json.h"
#include "twitchcheck/types.h"

namespace twitchcheck {

// What the CLI reads at most (docs/limits.md). Each is checked while reading: an input
// past its limit is refused after at most the limit has been read.
// (kMaxTextBytes, kMaxRequestBytes, kMaxJsonDepth, kMaxRequestEvidence: twitchcheck/json.h)
inline constexpr size_t kMaxContextLineBytes = size_t{64} << 10;  // one context --jsonl line
// (kMaxEvalFileBytes, kMaxEvalLineBytes: eval/jsonl.h)

// The limits as --help states them: a few lines, each starting with two spaces.
extern const char kInputLimitsHelp[];

struct AssessInput {
  Patient patient;                 // from --age / --sex
  std::vector<Evidence> evidence;  // from --evidence
  std::string text;
  bool has_text = false;
  bool json = false;
  bool details = false;  // --details: the whole report (assess)
  bool help = false;
  std::optional<bool> color;       // --color / --no-color; unset = decide from the terminal
  bool diary = false;              // --diary: add what the diary shows to the evidence
  std::string diary_db;            // --db PATH (with --diary); empty = the default diary
  // Set when ParseAssessArgs failed on the data rather than the usage (a file that cannot
  // be read or is not a regular file, text past kMaxTextBytes): exit status 1, not 2.
  bool bad_data = false;
};

// Returns false with *err set on bad input: unknown flag, age not a whole number in
// 0..120, sex not female/male, malformed --evidence, unreadable --text-file, empty text,
// nothing to assess, text past kMaxTextBytes (read no further than that). --text-file
// must name a regular file. With --help, returns false and sets in->help.
bool ParseAssessArgs(const std::vector<std::string>& args, bool allow_evidence, AssessInput* in,
                     std::string* err);

// Parses "id=status,id2=status2" (status defaults to present when "=..." is left out).
bool ParseEvidenceList(const std::string& list, std::vector<Evidence>* out, std::string* err);

// A sex as a person types it: female, f, woman, male, m, man, in any case, spaces around.
std::optional<Sex> ParseSexAnswer(std::string_view s);

// Validates an age given as text or number: a whole number of years in 0..120.
bool ParseAge(const std::string& s, int* age, std::string* err);

}  // namespace twitchcheck
