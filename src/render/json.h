#pragma once
// Machine-readable renderings (SPEC.md §4): the same structures the terminal shows.
#include <nlohmann/json.hpp>

#include "engine/assess.h"
#include "kb/knowledge.h"
#include "text/reader.h"

namespace twitchcheck {

// The `assess --json` document. `reading` may be null (structured evidence only).
nlohmann::json AssessmentJson(const Knowledge& kb, const Assessment& a, const Patient& patient,
                              const Reading* reading);
// The `parse --json` document: evidence, set-aside mentions, attributes, patient.
nlohmann::json ReadingJson(const Knowledge& kb, const Reading& r);
nlohmann::json EvidenceJson(const Knowledge& kb, const Evidence& e);
nlohmann::json TriageJson(const Knowledge& kb, const Triage& t);
// Conditions with probability >= min_probability, at least `at_least` of them.
nlohmann::json ConditionsJson(const Knowledge& kb, const std::vector<ConditionResult>& cs,
                              double min_probability = 0.01, size_t at_least = 5);
nlohmann::json SourceJson(const Knowledge& kb, int source);

// Serialises a document that may hold the person's own bytes (quoted text, spans): bytes
// that are not valid UTF-8 are written as U+FFFD, so writing never fails. indent < 0: one line.
std::string WriteJson(const nlohmann::json& doc, int indent = -1);

}  // namespace twitchcheck
