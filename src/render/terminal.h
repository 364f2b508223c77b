#pragma once
// Human-readable renderings for a terminal: triage first, then likely causes with
// probability bars, why, what to do, and sources. Colour only when asked for.
#include <string>

#include <string_view>

#include "twitchcheck/report.h"

namespace twitchcheck {

struct TerminalStyle {
  bool color = false;  // ANSI colours
  int max_conditions = 5;
  int max_advice = 6;  // besides the items shown with every assessment
};

// True when stdout is a terminal that takes colour (and NO_COLOR is unset).
bool StdoutWantsColor();

std::string RenderAssessment(const AssessReport& report, const TerminalStyle& style);

// For a text in which nothing names a symptom: says so, with the emergency screen's signs
// and how to get emergency help (meta.yaml not_understood). No triage level.
std::string RenderNotUnderstood(const AssessReport& report, const TerminalStyle& style);

// The text with every recognised part marked, then the evidence and attributes found.
// `text` is the text that was read (the spans are offsets into it).
std::string RenderReading(std::string_view text, const ReadingReport& r, const TerminalStyle& style);

}  // namespace twitchcheck
