#pragma once
// The five triage levels of SPEC.md §3, most urgent first.
#include <optional>
#include <string>
#include <string_view>

namespace twitchcheck {

enum class TriageLevel {
  kEmergencyAmbulance = 0,
  kEmergency = 1,
  kConsultation24 = 2,
  kConsultation = 3,
  kSelfCare = 4,
};

// "emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care".
std::string_view TriageName(TriageLevel level);
// Inverse of TriageName; nullopt for an unknown name.
std::optional<TriageLevel> ParseTriage(std::string_view name);
// True when `a` is more urgent than `b`.
inline bool MoreUrgent(TriageLevel a, TriageLevel b) { return static_cast<int>(a) < static_cast<int>(b); }
// Plain words for a person: what to do at this level.
std::string_view TriageAction(TriageLevel level);

}  // namespace twitchcheck
