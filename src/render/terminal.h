#pragma once
// Human-readable renderings for a terminal (docs/report.md). A short report by default:
// for an emergency, what to do now, the signs that set it, what to tell the call handler
// and what not to do; otherwise the disposition, the causes the evidence moved, what was
// understood, the advice that fits, the safety net and sources, on one 80x40 screen.
// `details` shows everything. Words are wrapped to the width, never cut; colour only when
// asked for.
#include <string>

#include <string_view>

#include "twitchcheck/report.h"

namespace twitchcheck {

struct TerminalStyle {
  bool color = false;  // ANSI colours
  int width = 0;       // columns; 0: TerminalColumns()
  bool details = false;  // everything the report holds (`assess --details`)
};

// True when stdout is a terminal that takes colour (and NO_COLOR is unset or empty).
bool StdoutWantsColor();

// The width to render to: COLUMNS when it is a number from 20 to 1000, else the terminal's
// width (TIOCGWINSZ on stdout), else 80. Never less than 20.
int TerminalColumns();

std::string RenderAssessment(const AssessReport& report, const TerminalStyle& style);

// For a text in which nothing names a symptom: says so, with the emergency screen's signs
// and how to get emergency help (meta.yaml not_understood). No triage level.
std::string RenderNotUnderstood(const AssessReport& report, const TerminalStyle& style);

// The text with every recognised part marked, then the evidence and attributes found.
// `text` is the text that was read (the spans are offsets into it).
std::string RenderReading(std::string_view text, const ReadingReport& r, const TerminalStyle& style);

// Word wrap to `width` columns (UTF-8 aware): the first line starts with `first`, the
// others with `indent` spaces; a word longer than a line is kept whole on its own line.
std::string WrapText(std::string_view text, std::string_view first, size_t indent, size_t width);

// A source as a reader would cite it: "Title. Publisher, year. URL" (what is known of it).
std::string CiteSource(const SourceInfo& s);

}  // namespace twitchcheck
