#include "diary/diary_kb.h"

#include <filesystem>

#include "core/bounded_read.h"
#include "diary/entries.h"
#include "kb/embedded.h"
#include "kb/kb_files.h"
#include "kb/yaml.h"

namespace twitchcheck {
namespace {

std::string At(const std::string& file, const YamlNode& n) {
  return file + " line " + std::to_string(n.Mark().line + 1) + ": ";
}

// meta.yaml's version, read from the same copy of the knowledge base.
std::string VersionOf(const std::string& meta_text) {
  try {
    YamlNode v = ParseYaml(meta_text)["version"];
    return v && v.IsScalar() ? v.Scalar() : "";
  } catch (const YamlError&) {
    return "";
  }
}

}  // namespace

const DiarySite* DiaryKb::FindSite(const std::string& id) const {
  auto it = site_index_.find(id);
  return it == site_index_.end() ? nullptr : &sites_[it->second];
}

std::unique_ptr<DiaryKb> DiaryKb::Parse(const std::string& text, const std::string& version,
                                        std::string* err, const std::string& file) {
  auto kb = std::make_unique<DiaryKb>();
  kb->version_ = version;
  try {
    YamlNode root = ParseYaml(text);
    YamlNode caf = root["caffeine"];
    if (!caf || !caf["drinks"].IsMap()) {
      *err = file + ": 'caffeine.drinks' is missing";
      return nullptr;
    }
    kb->caffeine_source_ = caf["source"] ? caf["source"].as<std::string>() : "";
    if (kb->caffeine_source_.empty()) {
      *err = At(file, caf) + "the caffeine table must cite a source";
      return nullptr;
    }
    for (const YamlItem& d : caf["drinks"]) {
      DrinkCaffeine dc;
      dc.drink = d.first.as<std::string>();
      if (!FindDayField(dc.drink)) {
        *err = At(file, d.first) + "unknown drink '" + dc.drink + "' (coffee, tea or energy_drinks)";
        return nullptr;
      }
      dc.mg = d.second["mg"].as<double>();
      dc.serving = d.second["serving"] ? d.second["serving"].as<std::string>() : "";
      if (dc.mg <= 0 || dc.mg > 1000) {
        *err = At(file, d.second) + "caffeine per drink must be in 1..1000 mg";
        return nullptr;
      }
      kb->drinks_.push_back(dc);
    }
    for (const YamlNode& s : root["sites"]) {
      DiarySite site;
      site.id = s["id"].as<std::string>();
      site.name = s["name"] ? s["name"].as<std::string>() : site.id;
      site.region = s["region"] ? s["region"].as<std::string>() : site.id;
      if (s["x"]) site.x = s["x"].as<double>();
      if (s["y"]) site.y = s["y"].as<double>();
      if (kb->site_index_.count(site.id)) {
        *err = At(file, s) + "site '" + site.id + "' is listed twice";
        return nullptr;
      }
      kb->site_index_[site.id] = kb->sites_.size();
      kb->sites_.push_back(site);
    }
    for (const YamlNode& f : root["factors"]) {
      DiaryFactor fa;
      fa.id = f["id"].as<std::string>();
      fa.field = f["field"].as<std::string>();
      if (!FindDayField(fa.field)) {
        *err = At(file, f) + "factor '" + fa.id + "': unknown field '" + fa.field + "'";
        return nullptr;
      }
      if (f["min"]) fa.min = f["min"].as<double>();
      if (f["max"]) fa.max = f["max"].as<double>();
      if (!fa.min == !fa.max) {
        *err = At(file, f) + "factor '" + fa.id + "' needs exactly one of min and max";
        return nullptr;
      }
      fa.label = f["label"] ? f["label"].as<std::string>() : fa.id;
      fa.source = f["source"] ? f["source"].as<std::string>() : "";
      kb->factors_.push_back(fa);
    }
  } catch (const YamlError& e) {
    *err = file + " line " + std::to_string(e.mark.line + 1) + ": " + e.msg;
    return nullptr;
  }
  if (kb->sites_.empty() || kb->factors_.empty()) {
    *err = file + ": 'sites' and 'factors' must not be empty";
    return nullptr;
  }
  return kb;
}

std::unique_ptr<DiaryKb> DiaryKb::Load(const std::string& kb_dir, std::string* err) {
  std::string text, meta;
  if (kb_dir.empty()) {
    for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) {
      if (f.name == "diary.yaml") text = std::string(f.text);
      if (f.name == "meta.yaml") meta = std::string(f.text);
    }
    if (text.empty()) {
      *err = "the built-in knowledge base has no diary.yaml";
      return nullptr;
    }
  } else {
    // Bounded and regular files only, as every knowledge file: a FIFO or a link to
    // /dev/zero is refused, not waited on or read without end.
    const std::string path = (std::filesystem::path(kb_dir) / "diary.yaml").string();
    if (!ReadRegularFile(path, kMaxKnowledgeFileBytes, "knowledge file", &text, err)) return nullptr;
    std::string ignored;
    ReadRegularFile((std::filesystem::path(kb_dir) / "meta.yaml").string(), kMaxKnowledgeFileBytes, "knowledge file",
                    &meta, &ignored);
    return Parse(text, VersionOf(meta), err, path);
  }
  return Parse(text, VersionOf(meta), err);
}

}  // namespace twitchcheck
