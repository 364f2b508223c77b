// The name tables of the core enums, the merging of evidence, and dates.
#include <chrono>
#include <cstdio>

#include "twitchcheck/types.h"

namespace twitchcheck {

const char* EvidenceStatusName(EvidenceStatus s) {
  switch (s) {
    case EvidenceStatus::kPresent: return "present";
    case EvidenceStatus::kPossible: return "possible";
    case EvidenceStatus::kAbsent: return "absent";
    case EvidenceStatus::kUnknown: return "unknown";
  }
  return "unknown";
}

bool ParseEvidenceStatus(std::string_view name, EvidenceStatus* out) {
  for (EvidenceStatus s : {EvidenceStatus::kPresent, EvidenceStatus::kPossible,
                           EvidenceStatus::kAbsent, EvidenceStatus::kUnknown})
    if (name == EvidenceStatusName(s)) {
      *out = s;
      return true;
    }
  return false;
}

const char* OriginName(Origin o) {
  switch (o) {
    case Origin::kText: return "text";
    case Origin::kAttribute: return "attribute";
    case Origin::kAnswer: return "answer";
    case Origin::kInput: return "input";
    case Origin::kImplied: return "implied";
    case Origin::kDiary: return "diary";
    case Origin::kAge: return "age";
  }
  return "input";
}

const char* SexName(Sex s) { return s == Sex::kFemale ? "female" : "male"; }

std::optional<Sex> ParseSex(std::string_view name) {
  if (name == "female") return Sex::kFemale;
  if (name == "male") return Sex::kMale;
  return std::nullopt;
}

int StatusRank(EvidenceStatus s) {
  switch (s) {
    case EvidenceStatus::kPresent: return 3;
    case EvidenceStatus::kPossible: return 2;
    case EvidenceStatus::kAbsent: return 1;
    case EvidenceStatus::kUnknown: return 0;
  }
  return 0;
}

void MergeReport(Evidence* have, Evidence other) {
  if (StatusRank(other.status) > StatusRank(have->status)) {
    std::vector<Span> spans = std::move(have->spans);
    *have = std::move(other);
    have->spans.insert(have->spans.end(), spans.begin(), spans.end());
  } else {
    have->spans.insert(have->spans.end(), other.spans.begin(), other.spans.end());
  }
}

std::vector<Evidence> CombineEvidence(const std::vector<Evidence>& given,
                                      const std::vector<Evidence>& read) {
  std::vector<Evidence> all = given;
  for (const Evidence& e : read) {
    bool covered = false;
    for (const Evidence& g : given) covered |= g.id == e.id;
    if (!covered) all.push_back(e);
  }
  return all;
}

std::optional<Date> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const size_t begin[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k)
    for (size_t i = begin[k]; i < begin[k] + len[k]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  using namespace std::chrono;
  const year_month_day ymd{year{v[0]}, month{static_cast<unsigned>(v[1])}, day{static_cast<unsigned>(v[2])}};
  if (v[0] < 1900 || !ymd.ok()) return std::nullopt;
  return Date{v[0], v[1], v[2]};
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  return buf;
}

}  // namespace twitchcheck
