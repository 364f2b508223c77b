#pragma once
// The report stage: the engine's internal results (an Assessment, a Reading, a Question)
// turned into the public report types of twitchcheck/report.h, with every id resolved to
// the text a person reads. What is listed (how many causes, which sources a report cites)
// is decided here, once, for every renderer.
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

// `reading` may be null (structured evidence only). `understood`: see AssessReport.
AssessReport BuildAssessReport(const Knowledge& kb, const Assessment& a, const Patient& patient,
                               const Reading* reading, bool understood);

ReadingReport BuildReadingReport(const Knowledge& kb, const Reading& r);

QuestionReport BuildQuestion(const Knowledge& kb, const Question& q);

}  // namespace twitchcheck
