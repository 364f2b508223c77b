#pragma once
// Evidence: what is known about one finding for one person, from their words, their
// answers or structured input. The text reader produces it; the assessment consumes it.
#include <string>
#include <vector>

namespace twitchcheck {

enum class EvidenceStatus {
  kPresent,   // reported
  kPossible,  // reported with doubt ("maybe", "I think"): counts partly, fires red flags
  kAbsent,    // denied ("no weakness")
  kUnknown,   // asked but not known: neutral, exactly like never asked
};

// "present" | "possible" | "absent" | "unknown".
const char* EvidenceStatusName(EvidenceStatus s);
bool ParseEvidenceStatus(const std::string& name, EvidenceStatus* out);

struct Span {
  size_t begin = 0;  // byte offsets into the text the evidence was read from
  size_t end = 0;
};

struct Evidence {
  std::string id;  // finding id
  EvidenceStatus status = EvidenceStatus::kPresent;
  std::vector<Span> spans;         // where in the text (empty for answers)
  std::string text;                // the words that matched, as written
  std::string origin = "input";    // "text", "attribute", "answer", "input", "implied"
  std::vector<std::string> cues;   // context cues that changed the status ("no", "maybe")
};

// Folds another report of the same finding into `have`: the stronger status wins
// (present > possible > absent > unknown: a symptom reported anywhere is never lost to a
// denial elsewhere), and the spans of both are kept.
void MergeReport(Evidence* have, Evidence other);

// `given` (answers, structured input) first, then each item of `read` (from the text)
// whose finding `given` does not already cover: what a person states outright overrides
// what was read from their words.
std::vector<Evidence> CombineEvidence(const std::vector<Evidence>& given,
                                      const std::vector<Evidence>& read);

}  // namespace twitchcheck
