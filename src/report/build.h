#pragma once
// The report stage: the engine's internal results (an Assessment, a Reading, a Question)
// turned into the public report types of twitchcheck/report.h, with every id resolved to
// the text a person reads. What is listed (how many causes, which sources a report cites)
// is decided here, once, for every renderer.
#include <memory>
#include <string_view>
#include <vector>

#include "engine/assess.h"
#include "engine/interview.h"
#include "kb/knowledge.h"
#include "text/reader.h"
#include "twitchcheck/report.h"

namespace twitchcheck {

// Causes listed in a report: every one at least this likely, and at least this many.
inline constexpr double kListedProbability = 0.01;
inline constexpr size_t kListedAtLeast = 5;
// The leading causes whose sources the report as a whole cites.
inline constexpr size_t kCitedConditions = 5;

// The knowledge base's wording that reports point into; built once per engine.
std::shared_ptr<const ReportTexts> BuildReportTexts(const Knowledge& kb);

// `texts` is BuildReportTexts(kb). `reading` may be null (structured evidence only), and
// `text` is what it read (empty when none). `understood`: see AssessReport. `conflicts`:
// where structured answers and the text disagree (Engine::Assess finds them).
AssessReport BuildAssessReport(const Knowledge& kb, std::shared_ptr<const ReportTexts> texts,
                               const Assessment& a, const Patient& patient, const Reading* reading,
                               bool understood, std::string_view text = {},
                               std::vector<ConflictItem> conflicts = {});

ReadingReport BuildReadingReport(const Knowledge& kb, const Reading& r);

QuestionReport BuildQuestion(const Knowledge& kb, const Question& q);

}  // namespace twitchcheck
