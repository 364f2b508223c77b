#pragma once
// What the diary shows, as evidence for the assessment (`assess --diary`): how long the
// twitching has gone on, spreading to new body areas, becoming more frequent, weakness
// noted. Each item names a finding of the knowledge base and has origin "diary".
#include <vector>

#include "engine/evidence.h"

namespace twitchcheck {

struct DiaryReport;
struct Knowledge;

// Findings the report supports, each only if its id exists in `kb` (a knowledge base
// without it is not an error: the item is left out). Weakness from a note is "possible"
// (a note is free text, read without the full reader); from a tag it is "present".
std::vector<Evidence> DiaryEvidence(const DiaryReport& report, const Knowledge& kb);

}  // namespace twitchcheck
