#pragma once
// `kb lint`: the load-time validation plus a coverage report of the knowledge base.
#include <string>
#include <vector>

#include "kb/knowledge.h"

namespace twitchcheck {

struct CoverageReport {
  std::vector<std::string> conditions_without_red_flags;  // non-self-care causes no flag covers
  std::vector<std::string> conditions_without_advice;
  std::vector<std::string> findings_linked_to_nothing;    // no link, flag or advice uses them
  std::vector<std::string> findings_never_read;           // no phrase, attribute or question
  std::vector<std::string> sources_cited_by_nothing;
  size_t links = 0, phrases = 0;
  bool clean() const {
    return conditions_without_red_flags.empty() && conditions_without_advice.empty() &&
           findings_linked_to_nothing.empty() && findings_never_read.empty() &&
           sources_cited_by_nothing.empty();
  }
};

// REQUIRES: kb loaded (so already valid).
CoverageReport Coverage(const Knowledge& kb);

// The report as text, one finding per line, ending with a summary line.
std::string FormatCoverage(const Knowledge& kb, const CoverageReport& r);

}  // namespace twitchcheck
