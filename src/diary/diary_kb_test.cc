// kb/diary.yaml: its drinks, sites and factors are consistent with the rest of the
// knowledge base (every source exists, every site is one the text reader knows).
#include "diary/diary_kb.h"

#include <gtest/gtest.h>

#include "diary/entries.h"
#include "diary/time_util.h"
#include "kb/embedded.h"
#include "kb/knowledge.h"
#include "kb/yaml.h"
#include "testing/test_support.h"

namespace twitchcheck {
namespace {

TEST(DiaryKb, BuiltInCopyLoadsAndCitesKnownSources) {
  std::string err;
  auto kb = DiaryKb::Load("", &err);
  ASSERT_TRUE(kb) << err;
  const Knowledge& main = fixtures::BuiltinKb();
  EXPECT_EQ(kb->version(), main.version);
  EXPECT_GE(main.SourceIndex(kb->caffeine_source()), 0) << kb->caffeine_source();
  for (const DiaryFactor& f : kb->factors()) EXPECT_GE(main.SourceIndex(f.source), 0) << f.id << ": " << f.source;
  ASSERT_EQ(kb->drinks().size(), 3u);
  for (const DrinkCaffeine& d : kb->drinks()) EXPECT_GT(d.mg, 0) << d.drink;
}

TEST(DiaryKb, EverySiteIsOneTheTextReaderKnows) {
  std::string err;
  auto kb = DiaryKb::Load("", &err);
  ASSERT_TRUE(kb) << err;
  YamlNode sites = ParseYaml(fixtures::BuiltinKb().text_files.at("lexicon.yaml"))["mentions"]["site"];
  ASSERT_TRUE(sites.IsMap());
  for (const DiarySite& s : kb->sites()) EXPECT_TRUE(sites[s.id].IsDefined()) << s.id;
  for (const YamlItem& s : sites) EXPECT_TRUE(kb->FindSite(s.first.Scalar())) << "lexicon site missing from diary.yaml: " << s.first.Scalar();
}

TEST(DiaryKb, InvalidFilesAreClearErrors) {
  std::string err;
  EXPECT_FALSE(DiaryKb::Parse("caffeine: {drinks: {coffee: {mg: 90}}}\nsites: []\n", "", &err));
  EXPECT_NE(err.find("cite a source"), std::string::npos) << err;
  EXPECT_FALSE(DiaryKb::Parse("caffeine: {source: x, drinks: {beer: {mg: 90}}}\n", "", &err));
  EXPECT_NE(err.find("unknown drink 'beer'"), std::string::npos) << err;
  EXPECT_FALSE(DiaryKb::Parse("caffeine: {source: x, drinks: {coffee: {mg: 90}}}\nsites: [{id: eye}]\n"
                              "factors: [{id: f, field: mood, min: 3}]\n", "", &err));
  EXPECT_NE(err.find("unknown field 'mood'"), std::string::npos) << err;
  EXPECT_FALSE(DiaryKb::Load("/nonexistent/kb", &err));
}

TEST(DiaryTime, ParsesWhenDurationsAndDates) {
  int64_t utc;
  int off;
  std::string err;
  int64_t today = DayFromCivil(2026, 3, 10);
  ASSERT_TRUE(ParseWhen("2026-03-01T08:30:00+01:00", 0, today, &utc, &off, &err)) << err;
  EXPECT_EQ(off, 60);
  EXPECT_EQ(FormatIso(utc, off), "2026-03-01T08:30:00+01:00");
  ASSERT_TRUE(ParseWhen("2026-03-01 08:30Z", 0, today, &utc, &off, &err));
  EXPECT_EQ(FormatIso(utc, off), "2026-03-01T08:30:00+00:00");
  ASSERT_TRUE(ParseWhen("2026-03-01T08:30-0530", 0, today, &utc, &off, &err));
  EXPECT_EQ(off, -330);
  ASSERT_TRUE(ParseWhen("yesterday 21:30", 0, today, &utc, &off, &err));
  EXPECT_EQ(FormatIso(utc, off).substr(0, 16), "2026-03-09T21:30");
  for (const char* bad : {"2026-02-29T10:00", "2026-03-01T25:00", "tomorrow", "2026-03-01T08:30+15:00", "yesterday"})
    EXPECT_FALSE(ParseWhen(bad, 0, today, &utc, &off, &err)) << bad;
  double s;
  ASSERT_TRUE(ParseDuration("1m30s", &s, &err));
  EXPECT_EQ(s, 90);
  ASSERT_TRUE(ParseDuration("40", &s, &err));
  EXPECT_EQ(s, 40);
  for (const char* bad : {"", "0s", "-5m", "5x", "25h", "1m30"}) EXPECT_FALSE(ParseDuration(bad, &s, &err)) << bad;
  int64_t d;
  EXPECT_TRUE(ParseDate("2024-02-29", &d, &err));
  EXPECT_FALSE(ParseDate("2023-02-29", &d, &err));
  EXPECT_EQ(FormatDate(DayFromCivil(2026, 12, 31)), "2026-12-31");
  EXPECT_EQ(Weekday(DayFromCivil(2026, 3, 2)), 0);  // a Monday
}

}  // namespace
}  // namespace twitchcheck
