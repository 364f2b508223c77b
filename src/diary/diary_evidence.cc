#include "diary/diary_evidence.h"

#include "diary/analysis.h"
#include "diary/diary_kb.h"
#include "diary/store.h"

namespace twitchcheck {

std::vector<Evidence> DiaryEvidence(const DiaryReport& r, const KnownFinding& known) {
  std::vector<Evidence> out;
  auto add = [&](const char* id, EvidenceStatus status, const std::string& why) {
    if (!known(id)) return;
    Evidence e;
    e.id = id;
    e.status = status;
    e.origin = Origin::kDiary;
    e.text = why;
    out.push_back(std::move(e));
  };
  auto flag_text = [&](const std::string& id) {
    for (const DiaryFlag& f : r.flags)
      if (f.id == id) return "diary: " + f.text;
    return std::string();
  };
  // Duration: from the first to the last logged episode. The longer findings imply the
  // shorter ones in the knowledge base, so only the longest that holds is added.
  int span = r.episode_span_days;
  if (span >= 365) add("duration_over_one_year", EvidenceStatus::kPresent, flag_text("persisting"));
  else if (span >= 90) add("duration_over_three_months", EvidenceStatus::kPresent, flag_text("persisting"));
  else if (span >= 14) add("duration_over_two_weeks", EvidenceStatus::kPresent, flag_text("persisting"));
  if (r.HasFlag("spreading")) add("spreading", EvidenceStatus::kPresent, flag_text("spreading"));
  if (r.HasFlag("more_frequent")) add("more_frequent", EvidenceStatus::kPresent, flag_text("more_frequent"));
  if (r.HasFlag("weakness_noted"))
    add("weakness", r.weakness_tagged ? EvidenceStatus::kPresent : EvidenceStatus::kPossible,
        flag_text("weakness_noted"));
  return out;
}

bool DiaryEvidenceFromStore(const std::string& db_path, const std::string& kb_dir, const KnownFinding& known,
                            std::vector<Evidence>* out, std::string* err) {
  std::unique_ptr<DiaryKb> dkb = DiaryKb::Load(kb_dir, err);
  if (!dkb) return false;
  std::string path = db_path.empty() ? DefaultDiaryPath() : db_path;
  if (path.empty()) {
    *err = "no diary database: give --db PATH";
    return false;
  }
  std::unique_ptr<DiaryStore> store = OpenSqliteDiary(path, err);
  Diary d;
  if (!store || !store->List("", "", &d, err)) return false;
  std::vector<Evidence> ev = DiaryEvidence(AnalyzeDiary(d, *dkb, AnalysisOptions{}), known);
  out->insert(out->end(), ev.begin(), ev.end());
  return true;
}

}  // namespace twitchcheck
