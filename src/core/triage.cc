#include "twitchcheck/types.h"

namespace twitchcheck {

namespace {
struct LevelInfo {
  TriageLevel level;
  std::string_view name;
  std::string_view action;
};
// Wording of what each level asks of the person; the level names are SPEC.md §3's.
constexpr LevelInfo kLevels[] = {
    {TriageLevel::kEmergencyAmbulance, "emergency_ambulance", "Call an ambulance now."},
    {TriageLevel::kEmergency, "emergency", "Go to an emergency department now."},
    {TriageLevel::kConsultation24, "consultation_24", "See a doctor within 24 hours."},
    {TriageLevel::kConsultation, "consultation", "Book an appointment with a doctor."},
    {TriageLevel::kSelfCare, "self_care", "You can look after this at home."},
};
}  // namespace

std::string_view TriageName(TriageLevel level) {
  for (const LevelInfo& l : kLevels)
    if (l.level == level) return l.name;
  return "self_care";
}

std::optional<TriageLevel> ParseTriage(std::string_view name) {
  for (const LevelInfo& l : kLevels)
    if (l.name == name) return l.level;
  return std::nullopt;
}

std::string_view TriageAction(TriageLevel level) {
  for (const LevelInfo& l : kLevels)
    if (l.level == level) return l.action;
  return "";
}

}  // namespace twitchcheck
