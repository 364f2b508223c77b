// The engine: the one place the pipeline text -> evidence -> assessment -> report is wired.
#include "twitchcheck/engine.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/assess.h"
#include "engine/interview.h"
#include "engine/model.h"
#include "kb/kb_files.h"
#include "kb/knowledge.h"
#include "kb/lint.h"
#include "report/build.h"
#include "text/context.h"
#include "text/reader.h"

namespace twitchcheck {

struct Engine::Rep {
  Env* env = nullptr;
  std::optional<Date> today;
  std::unique_ptr<Knowledge> kb;
  Model model;
  std::unique_ptr<TextReader> reader;
  Catalogue catalogue;
  InterviewWording wording;
  std::shared_ptr<const ReportTexts> texts;
  // emergency_sign[f]: finding f is in a `when` list of a red flag at an emergency level.
  std::vector<char> emergency_sign;

  Date Today() const { return today ? *today : env->Today(); }

  // The ids of `evidence` are findings, and the patient is within range.
  Status Check(const std::vector<Evidence>& evidence, const Patient& patient) const {
    for (const Evidence& e : evidence)
      if (kb->FindingIndex(e.id) < 0) return Status::InvalidArgument("unknown finding id '" + e.id + "'");
    if (patient.age && (*patient.age < 0 || *patient.age > kMaxAgeYears))
      return Status::InvalidArgument(fmt::format("age must be a whole number from 0 to {}", kMaxAgeYears));
    return Status::OK();
  }
};

namespace {

// The sources are the report texts' own (one conversion of the knowledge base's sources).
Catalogue BuildCatalogue(const Knowledge& kb, const ReportTexts& texts) {
  Catalogue c;
  c.version = kb.version;
  for (const Finding& f : kb.findings) c.findings.push_back({f.id, f.name, FindingCategoryName(f.category), f.question});
  for (const Condition& x : kb.conditions) c.conditions.push_back({x.id, x.name, x.seriousness, x.specialist, x.urgency});
  for (const RedFlag& r : kb.red_flags) c.red_flags.push_back({r.id, r.reason, r.level});
  c.sources = texts.sources;
  return c;
}

void FillPatient(const Reading& r, Patient* p) {
  if (!p->age) p->age = r.patient.age;
  if (!p->sex) p->sex = r.patient.sex;
}

bool HasWords(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }

bool Reported(EvidenceStatus s) { return s == EvidenceStatus::kPresent || s == EvidenceStatus::kPossible; }

// Where a structured answer and the text disagree about a finding (one says it is there,
// the other that it is not, or the answer does not know a sign the text reports). For an
// emergency sign the text's more urgent reading is kept in *evidence (SPEC §7: never
// settled as absent); otherwise the answer stands, as CombineEvidence has it.
std::vector<ConflictItem> Reconcile(const Knowledge& kb, const std::vector<char>& emergency_sign,
                                    const std::vector<Evidence>& given, const std::vector<Evidence>& read,
                                    std::vector<Evidence>* evidence) {
  std::vector<ConflictItem> out;
  for (const Evidence& g : given) {
    for (const Evidence& t : read) {
      if (t.id != g.id || Reported(t.status) == Reported(g.status)) continue;
      if (!Reported(t.status) && g.status == EvidenceStatus::kUnknown) continue;  // denied and not known: no quarrel
      const int f = kb.FindingIndex(g.id);
      const bool urgent = f >= 0 && emergency_sign[f] && Reported(t.status);
      if (g.status == EvidenceStatus::kUnknown && !urgent) continue;
      ConflictItem c;
      c.finding = {g.id, f >= 0 ? kb.findings[f].name : g.id, ""};
      c.given = g.status;
      c.read = t.status;
      c.text = t.text;
      c.emergency_sign = urgent;
      c.used = urgent ? t.status : g.status;
      if (urgent)
        for (Evidence& e : *evidence)
          if (e.id == g.id) {
            e.status = t.status;
            e.spans = t.spans;
            e.text = t.text;
            e.origin = t.origin;
            e.cues = t.cues;
          }
      out.push_back(std::move(c));
      break;
    }
  }
  return out;
}

const std::string& TextOf(const Knowledge& kb, const std::string& key) {
  static const std::string kNone;
  auto it = kb.interview_words.texts.find(key);
  return it == kb.interview_words.texts.end() ? kNone : it->second;
}

std::string Fill(std::string s, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values)
    for (size_t at; (at = s.find("{" + name + "}")) != std::string::npos;) s.replace(at, name.size() + 2, value);
  return s;
}

// Whom the reading is about, and how the interview's texts address them.
Subject SubjectOf(const Knowledge& kb, const Reading& r) {
  Subject s;
  s.sex = r.patient.sex;
  if (!r.attributes.patient_relation) return s;
  s.other = true;
  s.relation = *r.attributes.patient_relation;
  const char* form = s.sex == Sex::kMale ? "male" : s.sex == Sex::kFemale ? "female" : "other";
  s.address["subject"] = s.relation.empty() ? TextOf(kb, "subject_other")
                                            : Fill(TextOf(kb, "subject_relation"), {{"relation", s.relation}});
  s.address["object"] = TextOf(kb, std::string("object_") + form);
  s.address["their"] = TextOf(kb, std::string("possessive_") + form);
  return s;
}

}  // namespace

Engine::Engine(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Engine::~Engine() = default;

Status Engine::Open(const Options& options, std::unique_ptr<Engine>* out) {
  out->reset();
  auto rep = std::make_unique<Rep>();
  rep->env = options.env ? options.env : Env::Default();
  rep->today = options.today;
  std::vector<KbIssue> errors;
  rep->kb = LoadKnowledge(rep->env, options.kb_dir, &errors);
  if (!rep->kb) {
    std::string msg;
    for (const KbIssue& e : errors) msg += e.ToString() + "\n";
    const bool missing_dir = errors.size() == 1 && errors[0].line == 0 && errors[0].file == options.kb_dir &&
                             errors[0].message == "not a directory";
    return missing_dir ? Status::NotFound(msg) : Status::Corruption(msg);
  }
  const std::string& dir = options.kb_dir;
  const std::string prefix = KnowledgePrefix(dir);
  std::string err;
  rep->reader = TextReader::Create(*rep->kb, prefix, &err);
  if (!rep->reader) return Status::Corruption(err + "\n");
  rep->model = CompileModel(*rep->kb);
  rep->texts = BuildReportTexts(*rep->kb);
  rep->catalogue = BuildCatalogue(*rep->kb, *rep->texts);
  const InterviewWords& words = rep->kb->interview_words;
  rep->wording = InterviewWording{words.texts, words.answer_labels, words.answer_words};
  rep->emergency_sign.assign(rep->kb->findings.size(), 0);
  for (const RedFlag& flag : rep->kb->red_flags)
    if (flag.level == TriageLevel::kEmergencyAmbulance || flag.level == TriageLevel::kEmergency)
      for (const std::vector<int>& alt : flag.when)
        for (int f : alt)
          if (f >= 0) rep->emergency_sign[f] = 1;
  out->reset(new Engine(std::move(rep)));
  return Status::OK();
}

ReadingReport Engine::Read(std::string_view text) const {
  return BuildReadingReport(*rep_->kb, rep_->reader->Read(text, rep_->Today()));
}

namespace {
// A text long enough to judge with more common words of other languages than of English
// (meta.yaml not_understood.foreign).
bool MostlyUnread(const Knowledge& kb, const Reading& r) {
  return kb.foreign_min_words > 0 && r.words >= kb.foreign_min_words && r.foreign_words > r.english_words;
}
}  // namespace

Status Engine::Assess(const AssessRequest& request, AssessReport* out) const {
  const Knowledge& kb = *rep_->kb;
  if (Status s = rep_->Check(request.evidence, request.patient); !s.ok()) return s;
  Patient patient = request.patient;
  std::vector<Evidence> evidence = request.evidence;
  Reading reading;
  std::vector<ConflictItem> conflicts;
  if (request.text) {
    reading = rep_->reader->Read(*request.text, rep_->Today());
    evidence = CombineEvidence(request.evidence, reading.evidence);
    conflicts = Reconcile(kb, rep_->emergency_sign, request.evidence, reading.evidence, &evidence);
    FillPatient(reading, &patient);
  }
  const Assessment a = twitchcheck::Assess(kb, rep_->model, evidence, patient);
  // Text with nothing readable in it (and nothing else given) gets no level: it may be an
  // emergency described in words the reader does not know (SPEC §4, §7).
  bool understood = !(request.text && request.evidence.empty() && !Understood(kb, a));
  // Text mostly in another language: the few words read cannot call it harmless, so below
  // an emergency it gets no level either (SPEC §4, §7).
  const bool foreign = request.text && request.evidence.empty() && MostlyUnread(kb, reading) &&
                       !MoreUrgent(a.triage.level, TriageLevel::kConsultation24);
  if (foreign) understood = false;
  *out = BuildAssessReport(kb, rep_->texts, a, patient, request.text ? &reading : nullptr, understood,
                           request.text ? std::string_view(*request.text) : std::string_view(), std::move(conflicts));
  if (foreign && !kb.not_understood_foreign.empty()) out->not_understood = kb.not_understood_foreign;
  return Status::OK();
}

Status Engine::NextStep(const InterviewRequest& request, InterviewStepReport* out) const {
  const Knowledge& kb = *rep_->kb;
  if (Status s = rep_->Check(request.answers, request.patient); !s.ok()) return s;
  Patient patient = request.patient;
  Reading reading;
  const bool has_text = HasWords(request.text);
  if (has_text) {
    reading = rep_->reader->Read(request.text, rep_->Today());
    FillPatient(reading, &patient);
  }
  InterviewOptions options;
  options.described = request.described >= 1;
  options.described_twice = request.described >= 2;
  options.mostly_unread = has_text && MostlyUnread(kb, reading);
  const InterviewStep step = NextInterviewStep(kb, rep_->model, CombineEvidence(request.answers, reading.evidence),
                                               patient, request.answers.size(), options);
  *out = InterviewStepReport{};
  if (step.question) out->question = BuildQuestion(kb, *step.question);
  if (step.question && step.question->reason == "where") {  // a group, like the screen, but its own
    out->question->id = "where";
    out->question->text = kb.where_question;
  }
  if (step.question && step.question->finding >= 0 && has_text) {  // about someone else: "Has your husband ..."
    const Subject subject = SubjectOf(kb, reading);
    const std::string& other = kb.findings[step.question->finding].question_other;
    if (subject.other && !other.empty()) out->question->text = Fill(other, subject.address);
  }
  out->should_stop = step.should_stop;
  out->stop_reason = step.stop_reason;
  out->assessment = BuildAssessReport(kb, rep_->texts, step.assessment, patient, has_text ? &reading : nullptr, true,
                                      has_text ? std::string_view(request.text) : std::string_view());
  return Status::OK();
}

ContextAnswer Engine::Context(std::string_view sentence, std::string_view target) const {
  ContextResult r;
  ContextAnswer a;
  a.found = ClassifyTargetInSentence(rep_->reader->context(), sentence, target, &r);
  const ContextLabels l = LabelsFor(r);
  a.negation = l.negation;
  a.temporality = l.temporality;
  a.experiencer = l.experiencer;
  for (const ContextCue& c : r.cues) a.cues.push_back(fmt::format("{}='{}'", ContextCategoryName(c.category), c.literal));
  return a;
}

const Catalogue& Engine::catalogue() const { return rep_->catalogue; }

const InterviewWording& Engine::interview_wording() const { return rep_->wording; }

Subject Engine::WhoIsItAbout(std::string_view text) const {
  return SubjectOf(*rep_->kb, rep_->reader->Read(text, rep_->Today()));
}

const std::string& InterviewWording::Text(const std::string& key) const {
  static const std::string kNone;
  auto it = texts.find(key);
  return it == texts.end() ? kNone : it->second;
}

std::optional<std::string> InterviewWording::Meaning(std::string_view typed,
                                                     std::initializer_list<const char*> keys) const {
  size_t b = 0, e = typed.size();
  while (b < e && std::isspace(static_cast<unsigned char>(typed[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(typed[e - 1]))) --e;
  std::string word(typed.substr(b, e - b));
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // Curly apostrophes as typed on phones: "don’t know".
  for (size_t at; (at = word.find("\xe2\x80\x99")) != std::string::npos;) word.replace(at, 3, "'");
  for (const char* key : keys) {
    auto it = answer_words.find(key);
    if (it != answer_words.end() && std::count(it->second.begin(), it->second.end(), word)) return std::string(key);
  }
  return std::nullopt;
}

bool Engine::KnowsFinding(std::string_view id) const { return rep_->kb->FindingIndex(std::string(id)) >= 0; }

const std::string& Engine::version() const { return rep_->kb->version; }

std::string Engine::Coverage(bool* clean) const {
  const CoverageReport report = twitchcheck::Coverage(*rep_->kb);
  *clean = report.clean();
  return FormatCoverage(*rep_->kb, report);
}

}  // namespace twitchcheck
