// The public engine API in-process: opening from an Env (a knowledge base in memory),
// its errors, reports that outlive the engine, threads, and the date.
#include "twitchcheck/engine.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "testing/test_support.h"
#include "twitchcheck/env.h"
#include "twitchcheck/json.h"

namespace twitchcheck {
namespace {

// The source tree's kb/*.yaml, read with std::ifstream: name -> contents.
const std::map<std::string, std::string>& KbFiles() {
  static const std::map<std::string, std::string> files = [] {
    std::map<std::string, std::string> m;
    for (const auto& e : std::filesystem::directory_iterator(std::string(TWITCHCHECK_SOURCE_DIR) + "/kb")) {
      if (e.path().extension() != ".yaml") continue;
      std::ifstream in(e.path(), std::ios::binary);
      m[e.path().filename().string()] =
          std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return m;
  }();
  return files;
}

// An InMemoryEnv with the kb files under `dir`, `drop` left out and `replace` replacing
// the file of that name.
void Fill(InMemoryEnv* env, const std::string& dir, const std::string& drop = "",
          const std::map<std::string, std::string>& replace = {}) {
  for (const auto& [name, text] : KbFiles()) {
    if (name == drop) continue;
    auto r = replace.find(name);
    env->AddFile(dir + "/" + name, r != replace.end() ? r->second : text);
  }
}

Status OpenIn(InMemoryEnv* env, const std::string& dir, std::unique_ptr<Engine>* out) {
  Options options;
  options.env = env;
  options.kb_dir = dir;
  options.today = fixtures::kToday;
  return Engine::Open(options, out);
}

const char* const kTexts[] = {
    "my left eyelid has twitched for a week, I drink 6 coffees a day",
    "For two months the right side of my face twitches, from the eye down to the corner of my mouth.",
    "twitching all over my arms and legs for 3 months, no weakness",
    "my eye twitches and now my face is drooping on one side and I can't lift my arm",
    "my calf muscles keep twitching after hard exercise since Monday",
    "hello",
};

std::string AssessJson(const Engine& engine, const std::string& text) {
  AssessRequest req;
  req.text = text;
  AssessReport report;
  const Status s = engine.Assess(req, &report);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return AssessReportJson(report);
}

TEST(EngineApiTest, InMemoryKbGivesTheSameReportsAsTheBuiltIn) {
  ASSERT_GE(KbFiles().size(), 8u);
  InMemoryEnv env(Date{2001, 1, 1});
  Fill(&env, "mem/kb");
  std::unique_ptr<Engine> engine;
  const Status s = OpenIn(&env, "mem/kb", &engine);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(engine, nullptr);
  const Engine& builtin = fixtures::BuiltinEngine();
  EXPECT_EQ(engine->version(), builtin.version());
  EXPECT_EQ(engine->catalogue().findings.size(), builtin.catalogue().findings.size());
  for (const char* text : kTexts) {
    const std::string mine = AssessJson(*engine, text);
    EXPECT_GT(mine.size(), 100u);
    EXPECT_EQ(mine, AssessJson(builtin, text)) << text;
    EXPECT_EQ(ReadingReportJson(engine->Read(text)), ReadingReportJson(builtin.Read(text))) << text;
  }
  // A trailing slash names the same directory.
  std::unique_ptr<Engine> slash;
  const Status s2 = OpenIn(&env, "mem/kb/", &slash);
  ASSERT_TRUE(s2.ok()) << s2.ToString();
  EXPECT_EQ(AssessJson(*slash, kTexts[0]), AssessJson(builtin, kTexts[0]));
}

TEST(EngineApiTest, EveryMissingFileIsCorruptionNamingIt) {
  for (const auto& [name, text] : KbFiles()) {
    if (name == "diary.yaml") continue;  // the diary's, not the engine's
    InMemoryEnv env(fixtures::kToday);
    Fill(&env, "mem/kb", name);
    std::unique_ptr<Engine> engine;
    const Status s = OpenIn(&env, "mem/kb", &engine);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << name << ": " << s.ToString();
    EXPECT_NE(s.message().find("mem/kb/" + name), std::string::npos) << s.message();
    EXPECT_EQ(engine, nullptr);
  }
}

TEST(EngineApiTest, EveryBrokenFileIsCorruptionNamingItsLine) {
  for (const auto& [name, text] : KbFiles()) {
    if (name == "diary.yaml") continue;
    InMemoryEnv env(fixtures::kToday);
    Fill(&env, "mem/kb", "", {{name, text + "\nbroken: [unclosed\n"}});
    std::unique_ptr<Engine> engine;
    const Status s = OpenIn(&env, "mem/kb", &engine);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << name << ": " << s.ToString();
    // "mem/kb/findings.yaml:3668: not valid YAML: ..."
    EXPECT_NE(s.message().find("mem/kb/" + name + ":"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("not valid YAML"), std::string::npos) << s.message();
    EXPECT_EQ(s.message().find("kb/" + name), s.message().find("mem/kb/" + name) + 4) << s.message();
    EXPECT_EQ(engine, nullptr);
  }
}

TEST(EngineApiTest, AnOpenedEngineIsReplacedOnFailure) {
  InMemoryEnv env(fixtures::kToday);
  std::unique_ptr<Engine> engine;
  Fill(&env, "good");
  ASSERT_TRUE(OpenIn(&env, "good", &engine).ok());
  ASSERT_NE(engine, nullptr);
  EXPECT_FALSE(OpenIn(&env, "nothing/here", &engine).ok());
  EXPECT_EQ(engine, nullptr);
}

TEST(EngineApiTest, MissingDirIsNotFound) {
  InMemoryEnv env(fixtures::kToday);
  Fill(&env, "mem/kb");
  std::unique_ptr<Engine> engine;
  Status s = OpenIn(&env, "mem/other", &engine);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.ToString();
  EXPECT_NE(s.message().find("mem/other"), std::string::npos) << s.message();
  // On the real file system too.
  Options options;
  options.kb_dir = "/nonexistent/kb/dir";
  s = Engine::Open(options, &engine);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.ToString();
  EXPECT_NE(s.message().find("/nonexistent/kb/dir"), std::string::npos) << s.message();
}

Evidence Answer(const std::string& id, EvidenceStatus status) {
  Evidence e;
  e.id = id;
  e.status = status;
  return e;
}

TEST(EngineApiTest, UnknownEvidenceAndBadAgeAreInvalidArgument) {
  const Engine& engine = fixtures::BuiltinEngine();
  AssessReport report;
  AssessRequest req;
  req.evidence.push_back(Answer("eyelid_twich", EvidenceStatus::kPresent));
  Status s = engine.Assess(req, &report);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("eyelid_twich"), std::string::npos) << s.message();

  for (int age : {150, 121, -1}) {
    AssessRequest aged;
    aged.text = "my eyelid twitches";
    aged.patient.age = age;
    s = engine.Assess(aged, &report);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << age;
  }
  for (int age : {0, 120}) {
    AssessRequest aged;
    aged.text = "my eyelid twitches";
    aged.patient.age = age;
    EXPECT_TRUE(engine.Assess(aged, &report).ok()) << age;
  }

  InterviewStepReport step;
  InterviewRequest ireq;
  ireq.answers.push_back(Answer("no_such_finding", EvidenceStatus::kAbsent));
  EXPECT_EQ(engine.NextStep(ireq, &step).code(), Status::Code::kInvalidArgument);
  InterviewRequest old;
  old.patient.age = 150;
  EXPECT_EQ(engine.NextStep(old, &step).code(), Status::Code::kInvalidArgument);

  // A known id works, and wins over what the text says.
  AssessRequest known;
  known.text = "my eyelid twitches";
  known.evidence.push_back(Answer("eyelid_twitch", EvidenceStatus::kAbsent));
  ASSERT_TRUE(engine.KnowsFinding("eyelid_twitch"));
  ASSERT_TRUE(engine.Assess(known, &report).ok());
  bool seen = false;
  for (const EvidenceItem& e : report.evidence)
    if (e.id == "eyelid_twitch") {
      seen = true;
      EXPECT_EQ(e.status, EvidenceStatus::kAbsent);
    }
  EXPECT_TRUE(seen);
}

TEST(EngineApiTest, ReportOutlivesItsEngine) {
  const std::string text = kTexts[1];
  AssessReport report;
  ReadingReport reading;
  InterviewStepReport step;
  {
    InMemoryEnv env(fixtures::kToday);
    Fill(&env, "mem/kb");
    std::unique_ptr<Engine> engine;
    ASSERT_TRUE(OpenIn(&env, "mem/kb", &engine).ok());
    AssessRequest req;
    req.text = text;
    ASSERT_TRUE(engine->Assess(req, &report).ok());
    reading = engine->Read(text);
    InterviewRequest ireq;
    ireq.text = text;
    ireq.described = 1;
    ASSERT_TRUE(engine->NextStep(ireq, &step).ok());
  }  // the engine and its Env are gone
  const Engine& builtin = fixtures::BuiltinEngine();
  EXPECT_EQ(AssessReportJson(report), AssessJson(builtin, text));
  EXPECT_EQ(ReadingReportJson(reading), ReadingReportJson(builtin.Read(text)));
  InterviewRequest ireq;
  ireq.text = text;
  ireq.described = 1;
  InterviewStepReport again;
  ASSERT_TRUE(builtin.NextStep(ireq, &again).ok());
  EXPECT_EQ(InterviewStepJson(step, builtin.version()), InterviewStepJson(again, builtin.version()));
}

TEST(EngineApiTest, ConcurrentCallsGiveTheSequentialAnswers) {
  InMemoryEnv env(fixtures::kToday);
  Fill(&env, "mem/kb");
  std::unique_ptr<Engine> engine;
  ASSERT_TRUE(OpenIn(&env, "mem/kb", &engine).ok());
  constexpr int kThreads = 4, kPerThread = 50;
  std::vector<std::string> texts;
  for (int i = 0; i < kThreads * kPerThread; ++i)
    texts.push_back(std::string(kTexts[i % std::size(kTexts)]) + (i % 3 ? " for " + std::to_string(i % 9 + 1) + " days" : ""));
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.push_back(AssessJson(*engine, t));
  std::vector<std::string> got(texts.size());
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      // Interleaved: every thread reads every kind of text.
      for (int k = 0; k < kPerThread; ++k) {
        const size_t i = static_cast<size_t>(k * kThreads + t);
        AssessRequest req;
        req.text = texts[i];
        AssessReport report;
        if (engine->Assess(req, &report).ok()) got[i] = AssessReportJson(report);
      }
    });
  for (std::thread& th : threads) th.join();
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(got[i], expected[i]) << texts[i];
}

std::string Duration(const ReadingReport& r) {
  for (const AttributeItem& a : r.attributes)
    if (a.kind == "duration") return a.value;
  return "";
}

TEST(EngineApiTest, ReadCountsFromOptionsTodayNotTheClock) {
  // The Env's date is Tuesday 2026-03-10; options.today Wednesday 2026-06-17; the clock
  // is neither.
  InMemoryEnv env(Date{2026, 3, 10});
  Fill(&env, "mem/kb");
  std::unique_ptr<Engine> pinned, from_env;
  Options options;
  options.env = &env;
  options.kb_dir = "mem/kb";
  options.today = Date{2026, 6, 17};
  ASSERT_TRUE(Engine::Open(options, &pinned).ok());
  options.today.reset();
  ASSERT_TRUE(Engine::Open(options, &from_env).ok());
  const char text[] = "my eyelid has twitched since Monday";
  EXPECT_EQ(Duration(pinned->Read(text)), "2 days");
  EXPECT_EQ(Duration(from_env->Read(text)), "1 day");  // from the Env's date
  // Whatever the real date is, the answers do not change.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Duration(pinned->Read(text)), "2 days");
  // And the assessment sees the same date.
  AssessRequest req;
  req.text = "my eyelid has twitched since March 1";
  AssessReport a, b;
  ASSERT_TRUE(pinned->Assess(req, &a).ok());
  ASSERT_TRUE(from_env->Assess(req, &b).ok());
  auto status_of = [](const AssessReport& r, const std::string& id) {
    for (const EvidenceItem& e : r.evidence)
      if (e.id == id) return std::string(EvidenceStatusName(e.status));
    return std::string("none");
  };
  EXPECT_EQ(Duration(pinned->Read(req.text.value())), "108 days");
  EXPECT_EQ(Duration(from_env->Read(req.text.value())), "9 days");
  EXPECT_EQ(status_of(a, "duration_over_two_weeks"), "present");  // 2026-03-01 .. 06-17
  EXPECT_EQ(status_of(b, "duration_over_two_weeks"), "absent");   // 2026-03-01 .. 03-10
  EXPECT_EQ(status_of(b, "duration_under_two_weeks"), "present");
}

TEST(EngineApiTest, ContextAndCatalogue) {
  const Engine& engine = fixtures::BuiltinEngine();
  const ContextAnswer no = engine.Context("I have no numbness in my arm", "numbness");
  EXPECT_TRUE(no.found);
  EXPECT_EQ(no.negation, "negated");
  // Someone else's symptom; a relative's history. (A proxy describing a relative's own
  // current symptoms is about the patient: see ContextTest.Experiencer.)
  EXPECT_EQ(engine.Context("my friend has twitching too", "twitching").experiencer, "other");
  const ContextAnswer family = engine.Context("My mother had a stroke", "stroke");
  EXPECT_EQ(family.experiencer, "other");
  EXPECT_EQ(family.temporality, "historical");
  EXPECT_FALSE(family.cues.empty());
  EXPECT_EQ(engine.Context("I have numbness", "numbness").negation, "affirmed");
  EXPECT_FALSE(engine.catalogue().findings.empty());
  for (const CatalogueFinding& f : engine.catalogue().findings) EXPECT_TRUE(engine.KnowsFinding(f.id)) << f.id;
  EXPECT_FALSE(engine.KnowsFinding("no_such_finding"));
  EXPECT_FALSE(engine.KnowsFinding(""));
}

}  // namespace
}  // namespace twitchcheck
