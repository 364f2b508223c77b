#pragma once
// twitchcheck's engine: the one entry point every face (the command line, the HTTP
// server, an app that embeds it) goes through. Open it once; then it reads a person's
// words, assesses, runs the interview one stateless step at a time and lists its
// knowledge, from any number of threads at once.
//
//   twitchcheck::Options options;                 // built-in knowledge base, posix Env
//   std::unique_ptr<twitchcheck::Engine> engine;
//   twitchcheck::Status s = twitchcheck::Engine::Open(options, &engine);
//   if (!s.ok()) ... s.ToString() ...
//   twitchcheck::AssessRequest req;
//   req.text = "my left eyelid has twitched for a week";
//   twitchcheck::AssessReport report;
//   s = engine->Assess(req, &report);
//
// Reports are plain data (report.h): they do not point into the engine and outlive it.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twitchcheck/env.h"
#include "twitchcheck/report.h"
#include "twitchcheck/status.h"
#include "twitchcheck/types.h"

namespace twitchcheck {

struct Options {
  // The knowledge base: a directory of *.yaml files (every file is validated on open),
  // or, when empty (the default), the copy compiled into the library.
  std::string kb_dir;
  // Files and the date. Default (null): Env::Default(), the real file system and the
  // local date. Not owned: it must outlive the engine.
  Env* env = nullptr;
  // The date that relative expressions ("since Monday") count from. Default (nullopt):
  // env->Today() at each call.
  std::optional<Date> today;
};

// What a person said and what is known about them.
struct AssessRequest {
  Patient patient;  // as given; what is missing is filled from the text when it says so
  // Structured evidence (answers, --evidence, the diary): it wins over what the text says
  // about the same finding. Every id must be a finding of the knowledge base.
  std::vector<Evidence> evidence;
  std::optional<std::string> text;  // the person's own words (any bytes)
};

// One step of the stateless interview: everything known so far.
struct InterviewRequest {
  Patient patient;
  std::vector<Evidence> answers;  // every answer so far, ids of the knowledge base
  std::string text;               // the person's words so far (may be empty)
  // How many times the person has already been asked to describe it in their own words
  // (0, 1 or 2): the describe question is asked at most twice.
  int described = 0;
};

// The knowledge catalogue: what the knowledge base knows, for lists and for checking ids.
struct CatalogueFinding {
  std::string id, name, category, question;  // category: symptom, sign, exposure, ...
};
struct CatalogueCondition {
  std::string id, name, seriousness, specialist;
  TriageLevel urgency = TriageLevel::kSelfCare;
};
struct CatalogueRedFlag {
  std::string id, reason;
  TriageLevel level = TriageLevel::kSelfCare;
};
struct Catalogue {
  std::string version;
  std::vector<CatalogueFinding> findings;
  std::vector<CatalogueCondition> conditions;
  std::vector<CatalogueRedFlag> red_flags;
  std::vector<SourceInfo> sources;
};

// The words of the interactive interview (meta.yaml `interview`; docs/interview.md lists
// the keys), for every face that runs one: prompts, the labels of the yes/no/don't-know
// choices and the words a person may type for each. A knowledge base without an
// `interview` section leaves these empty.
struct InterviewWording {
  // intro, how_to_answer, describe_prompt, emergency_found, age_prompt, ... (meta.yaml
  // interview.texts); {subject}, {object}, {relation}, {causes}, {signs} are placeholders.
  std::map<std::string, std::string> texts;
  // "yes", "no", "unknown" -> "Yes", "No", "Don't know" (meta.yaml interview.answer_labels).
  std::map<std::string, std::string> answer_labels;
  // "yes", "no", "unknown", "back", "why", "female", "male" -> what a person may type for
  // it, lower case (meta.yaml interview.answer_words). An empty line is "don't know".
  std::map<std::string, std::vector<std::string>> answer_words;

  // The text for `key`, or an empty string when there is none.
  const std::string& Text(const std::string& key) const;
  // Which answer_words entry `typed` is (compared without case and surrounding spaces),
  // among `keys`; nullopt when none.
  std::optional<std::string> Meaning(std::string_view typed, std::initializer_list<const char*> keys) const;
};

// Whom a person's words are about, so that questions can address them ("How old is your
// husband?"): the writer, or someone else the text names.
struct Subject {
  bool other = false;     // the text is about someone other than the writer
  std::string relation;   // as the lexicon names it ("husband", "son"); empty for the writer
  std::optional<Sex> sex; // of the person the text is about, when it says
  // How the interview's texts address them, by placeholder: "subject" ("your husband"),
  // "object" ("him"), "their" ("his"), from meta.yaml interview.texts. Empty for the writer.
  std::map<std::string, std::string> address;
};

// The context engine's answer for one target phrase in one sentence (`context --jsonl`).
struct ContextAnswer {
  bool found = false;        // the target occurs in the sentence (else the whole is judged)
  std::string negation;      // "negated" | "affirmed"
  std::string temporality;   // "recent" | "historical" | "hypothetical"
  std::string experiencer;   // "patient" | "other"
  std::vector<std::string> cues;  // the cues that decided it: "negated='no'", ...
};

class Engine {
 public:
  // Opens an engine on `options`. On success *out holds it and the status is OK; on
  // failure *out is reset and the status says what is wrong (Corruption: the knowledge
  // base's problems, one per line with file and line; NotFound / IOError: its directory).
  static Status Open(const Options& options, std::unique_ptr<Engine>* out);

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Reads a person's words. Never fails: any bytes are accepted; text with nothing
  // recognisable gives no evidence. Thread-safe.
  ReadingReport Read(std::string_view text) const;

  // Assesses. InvalidArgument when an evidence id is unknown or the patient's age is
  // outside 0..kMaxAgeYears. Thread-safe.
  Status Assess(const AssessRequest& request, AssessReport* out) const;

  // The next interview step. The same errors as Assess. Thread-safe.
  Status NextStep(const InterviewRequest& request, InterviewStepReport* out) const;

  // The interview's words (meta.yaml interview); valid for the engine's lifetime.
  const InterviewWording& interview_wording() const;

  // Whom `text` is about ("my husband's face ..." -> other, "husband", male). NextStep words
  // its questions for that person where the knowledge base has a `question_other`.
  // Thread-safe.
  Subject WhoIsItAbout(std::string_view text) const;

  // The context engine on any target phrase (NegEx/ConText). Thread-safe.
  ContextAnswer Context(std::string_view sentence, std::string_view target) const;

  // What the knowledge base holds; valid for the engine's lifetime.
  const Catalogue& catalogue() const;
  // True when `id` is a finding of the knowledge base.
  bool KnowsFinding(std::string_view id) const;
  // The knowledge base's version (meta.yaml).
  const std::string& version() const;

  // The knowledge base's coverage for its authors (`kb lint`): counts, and warnings about
  // what is thin (a cause with few findings, a finding no question asks about, ...).
  // *clean is set false when there is any warning.
  std::string Coverage(bool* clean) const;

 private:
  struct Rep;
  explicit Engine(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace twitchcheck
