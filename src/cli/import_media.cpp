// telaah import of recordings: audio or video files with their transcripts
// (given with --transcript, or of the same name beside them), all or nothing.
#include <filesystem>
#include <iostream>

#include "cli/media.h"
#include "ingest/recordings.h"
#include "store/media.h"
#include "text/timecode.h"

namespace telaah::cli {

namespace fs = std::filesystem;

bool is_recording_import(const std::vector<std::string>& files, const std::vector<std::string>& transcripts) {
  if (!transcripts.empty()) return true;
  return ingest::has_recordings(std::vector<fs::path>(files.begin(), files.end()));
}

void import_recordings_cmd(const RecordingArgs& a, Context& ctx) {
  std::vector<fs::path> paths(a.files.begin(), a.files.end()), others;
  for (const auto& f : paths) {
    std::error_code ec;
    if (!fs::exists(f, ec)) throw UserError(f.string() + ": no such file or folder");
  }
  auto specs = ingest::pair_recordings(paths, others);
  if (!a.transcripts.empty()) {
    if (specs.size() != 1)
      throw UserError(
          "--transcript goes with exactly one recording; for several, put each transcript beside its "
          "recording under the same name");
    for (const auto& t : a.transcripts) {
      std::error_code ec;
      if (!fs::is_regular_file(t, ec)) throw UserError(t + ": no such file");
      specs[0].transcripts.emplace_back(t);
    }
  }
  if (specs.empty()) throw UserError("--transcript needs the recording it belongs to (an audio or video file)");
  if (!others.empty())
    throw UserError(others.front().string() +
                    ": neither a recording nor a transcript of one of the same name; import documents and "
                    "recordings separately");
  for (auto& s : specs) {
    s.source_type = a.type;
    s.language = a.lang;
    s.date = a.date;
    s.author = a.author;
    s.attributes = a.attributes;
    if (specs.size() == 1) s.title = a.title;
  }
  ingest::RecordingOptions opt;
  opt.import = a.import;
  opt.allow_duplicates = a.allow_duplicates;
  if (!a.type.empty()) opt.default_type = a.type;
  auto p = open_project(a.project);
  const auto results = ingest::import_recordings(*p, specs, opt);
  if (ctx.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : results) {
      nlohmann::json ts = nlohmann::json::array();
      for (const auto& t : r.transcripts) ts.push_back(t.string());
      list.push_back({{"file", r.media.string()},
                      {"stored", r.stored},
                      {"kind", r.info.kind},
                      {"duration_ms", r.info.duration_ms},
                      {"transcripts", ts},
                      {"documents", r.docs},
                      {"notes", r.notes}});
    }
    print_json({{"recordings", list}, {"revision", p->revision()}});
    return;
  }
  for (const auto& r : results) {
    std::cout << "imported " << r.info.kind << " " << r.media.string() << " (" << text::format_clock(r.info.duration_ms)
              << ") as " << r.stored << "\n";
    for (size_t i = 0; i < r.docs.size(); ++i)
      std::cout << "  #" << r.docs[i] << "  "
                << (i < r.transcripts.size() ? r.transcripts[i].string() : std::string("(no transcript yet)")) << " ("
                << store::sync_points(*p, r.docs[i]).size() << " sync points)\n";
    for (const auto& n : r.notes) std::cout << "           note: " << n << "\n";
  }
  std::cout << results.size() << " recording" << (results.size() == 1 ? "" : "s") << " imported\n";
}

nlohmann::json media_json(const store::Project& p, store::Id doc) {
  const auto m = store::document_media(p, doc);
  if (!m) return nullptr;
  const auto loc = store::locate_media(p, *m);
  nlohmann::json sync = nlohmann::json::array();
  for (const auto& s : store::sync_points(p, doc)) sync.push_back({{"pos", s.pos}, {"time_ms", s.time_ms}});
  nlohmann::json j = {{"kind", m->kind},
                      {"path", m->path},
                      {"original_name", m->original_name},
                      {"sha256", m->sha256},
                      {"size", m->size},
                      {"duration_ms", m->duration_ms},
                      {"duration", text::format_clock(m->duration_ms)},
                      {"file", loc.state == store::MediaLocation::missing ? nlohmann::json(nullptr)
                                                                          : nlohmann::json(loc.file.string())},
                      {"state", loc.state == store::MediaLocation::found   ? "found"
                                : loc.state == store::MediaLocation::moved ? "moved"
                                                                           : "missing"},
                      {"sync_points", sync}};
  if (!loc.message.empty()) j["message"] = loc.message;
  return j;
}

}  // namespace telaah::cli
