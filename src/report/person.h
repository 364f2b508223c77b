#pragma once
// The report as a person reads it (docs/report.md): fills AssessReport's disposition,
// causes, understood_lines, advice_shown, safety net and sources_shown from the rest of
// the report and the knowledge base's report policy (meta.yaml).
#include <string>
#include <string_view>

#include "kb/knowledge.h"
#include "twitchcheck/report.h"

namespace twitchcheck {

// REQUIRES: `out` built by BuildAssessReport (conditions, evidence, triage, texts set).
// `text` is the text that was read (the spans are offsets into it); empty when none.
void BuildPersonView(const Knowledge& kb, std::string_view text, AssessReport* out);

// The whole words around `span` in `text`, taking a word or two more when the quote would
// end on one that needs the next ("exams all" -> "exams all week"). Empty for a bad span.
std::string QuoteOf(std::string_view text, Span span);

// "about 90 %", "over 95 %", or the policy's word for a probability too small for a
// number; *numeric says which.
std::string FormatLikelihood(const ReportPolicy& policy, double probability, bool* numeric);

// 5 -> "5 days", 21 -> "3 weeks", 100 -> "3 months", 800 -> "2 years".
std::string DurationWords(double days);

}  // namespace twitchcheck
