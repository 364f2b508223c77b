#pragma once
// What the diary shows, as evidence for the assessment (`assess --diary`): how long the
// twitching has gone on, spreading to new body areas, becoming more frequent, weakness
// noted. Each item names a finding of the knowledge base and has origin "diary".
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchcheck/types.h"

namespace twitchcheck {

struct DiaryReport;

// Whether a finding id is one of the knowledge base's (Engine::KnowsFinding).
using KnownFinding = std::function<bool(std::string_view id)>;

// Findings the report supports, each only if `known` knows its id (a knowledge base
// without it is not an error: the item is left out). Weakness from a note is "possible"
// (a note is free text, read without the full reader); from a tag it is "present".
std::vector<Evidence> DiaryEvidence(const DiaryReport& report, const KnownFinding& known);

// All of it for `assess --diary [--db PATH]`: opens the diary at `db_path` (empty = the
// default path), reads kb/diary.yaml from `kb_dir` (empty = built in), analyses the whole
// diary and appends its evidence to *out. False with *err (for a person) when the diary
// cannot be opened or read. An empty diary is not an error: it adds nothing.
bool DiaryEvidenceFromStore(const std::string& db_path, const std::string& kb_dir, const KnownFinding& known,
                            std::vector<Evidence>* out, std::string* err);

}  // namespace twitchcheck
