#pragma once
// The diary's part of the knowledge base (kb/diary.yaml): caffeine per drink with its
// source, the body sites an episode can be logged at, and the factor cut-offs of the
// trigger analysis. Immutable once loaded.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace twitchcheck {

struct DiarySite {
  std::string id, name, region;
  double x = 50, y = 50;  // place on the report's body map, 0-100
};

struct DiaryFactor {
  std::string id;     // e.g. "caffeine"
  std::string field;  // a DayField name, e.g. "caffeine_mg"
  std::optional<double> min, max;  // exposed when value >= min or value <= max
  std::string label;  // "caffeine 300 mg or more"
  std::string source;
  bool Exposed(double v) const { return (min && v >= *min) || (max && v <= *max); }
};

struct DrinkCaffeine {
  std::string drink;  // "coffee" | "tea" | "energy_drinks" (DayField names)
  double mg = 0;
  std::string serving;
};

class DiaryKb {
 public:
  // Parses the text of kb/diary.yaml. Returns nullptr and sets *err (with `file`, the path
  // to name, and the line) when it is invalid. `version` is the knowledge base version
  // entries are stamped with.
  static std::unique_ptr<DiaryKb> Parse(const std::string& text, const std::string& version,
                                        std::string* err, const std::string& file = "kb/diary.yaml");
  // kb/diary.yaml from `kb_dir`, or the built-in copy when `kb_dir` is empty.
  static std::unique_ptr<DiaryKb> Load(const std::string& kb_dir, std::string* err);

  const std::vector<DiarySite>& sites() const { return sites_; }
  const DiarySite* FindSite(const std::string& id) const;
  const std::vector<DiaryFactor>& factors() const { return factors_; }
  const std::vector<DrinkCaffeine>& drinks() const { return drinks_; }
  const std::string& caffeine_source() const { return caffeine_source_; }
  const std::string& version() const { return version_; }

 private:
  std::vector<DiarySite> sites_;
  std::map<std::string, size_t> site_index_;
  std::vector<DiaryFactor> factors_;
  std::vector<DrinkCaffeine> drinks_;
  std::string caffeine_source_, version_;
};

}  // namespace twitchcheck
