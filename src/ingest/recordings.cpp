// import_recordings: probe, hash and read every recording and transcript,
// then copy the recordings into "<project>.media/" and add them in one action.
#include "ingest/recordings.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>

#include "ingest/transcript.h"
#include "store/media.h"
#include "text/utf8.h"

namespace telaah::ingest {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool is_transcript_ext(const fs::path& f) {
  const std::string e = lower(f.extension().string());
  return e == ".srt" || e == ".vtt" || e == ".txt" || e == ".md" || e == ".docx" || e == ".odt";
}

std::vector<fs::path> expand_paths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> in;
      for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) in.push_back(it->path());
      }
      std::sort(in.begin(), in.end());
      out.insert(out.end(), in.begin(), in.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::string read_bounded(const fs::path& f, uint64_t max, const std::string& shown) {
  std::error_code ec;
  const auto size = fs::file_size(f, ec);
  if (ec) throw ImportError(shown + ": cannot be read (" + ec.message() + ")");
  if (size > max)
    throw ImportError(shown + ": larger than the " + std::to_string(max >> 20) + " MB a transcript may have");
  std::ifstream in(f, std::ios::binary);
  std::string s(size, '\0');
  if (!in.read(s.data(), static_cast<std::streamsize>(size))) throw ImportError(shown + ": cannot be read");
  return s;
}

// A free name in the media folder: the file's own, else "stem (2).ext", ...
fs::path free_name(const fs::path& folder, const fs::path& name, const std::vector<fs::path>& taken) {
  for (int i = 1; i < 10000; ++i) {
    fs::path c = folder / (i == 1 ? name.string()
                                  : name.stem().string() + " (" + std::to_string(i) + ")" + name.extension().string());
    std::error_code ec;
    if (!fs::exists(c, ec) && std::find(taken.begin(), taken.end(), c) == taken.end()) return c;
  }
  throw ImportError("no free file name for " + name.string() + " in " + folder.string());
}

}  // namespace

std::string sha256_file(const fs::path& f) {
  std::ifstream in(f, std::ios::binary);
  if (!in) throw ImportError(f.string() + ": cannot be read");
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || !EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr)) throw InternalError("SHA-256 failed");
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(in.gcount()));
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

bool has_recordings(const std::vector<fs::path>& paths) {
  for (const auto& f : expand_paths(paths))
    if (is_media_name(f.string())) return true;
  return false;
}

std::vector<RecordingSpec> pair_recordings(const std::vector<fs::path>& paths, std::vector<fs::path>& others) {
  const auto files = expand_paths(paths);
  std::vector<RecordingSpec> specs;
  std::map<fs::path, size_t> by_stem;  // folder/stem -> spec
  for (const auto& f : files)
    if (is_media_name(f.string())) {
      const fs::path key = f.parent_path() / f.stem();
      if (by_stem.count(key))
        throw ImportError(f.string() + " and another recording share the name '" + f.stem().string() +
                          "'; their transcripts could not be told apart");
      by_stem[key] = specs.size();
      specs.push_back({f, {}, {}, {}, {}, {}, {}, {}});
    }
  for (const auto& f : files) {
    if (is_media_name(f.string())) continue;
    auto it = by_stem.find(f.parent_path() / f.stem());
    if (it != by_stem.end() && is_transcript_ext(f))
      specs[it->second].transcripts.push_back(f);
    else
      others.push_back(f);
  }
  return specs;
}

std::vector<RecordingResult> import_recordings(store::Project& p, const std::vector<RecordingSpec>& specs,
                                               const RecordingOptions& opt) {
  if (specs.empty()) throw ImportError("no recording to import");
  const fs::path folder = store::media_folder(p);
  const std::string folder_name = store::media_folder_name(p.path());
  std::vector<RecordingResult> results;
  std::vector<store::NewRecording> recs;
  std::vector<std::pair<fs::path, fs::path>> copies;  // from, to
  std::vector<fs::path> taken;
  std::map<std::string, std::string> seen;  // sha -> stored path, within this batch
  // 1. Read and check everything; nothing is written yet.
  for (const auto& s : specs) {
    const std::string shown = s.media.string();
    RecordingResult r;
    r.media = s.media;
    r.info = probe_media(s.media, shown, opt.probe);
    std::error_code ec;
    const auto size = static_cast<int64_t>(fs::file_size(s.media, ec));
    const std::string sha = sha256_file(s.media);
    store::NewRecording rec;
    rec.media.kind = r.info.kind;
    rec.media.original_name = s.media.filename().string();
    rec.media.sha256 = sha;
    rec.media.size = size;
    rec.media.duration_ms = r.info.duration_ms;
    if (auto old = store::find_media_by_sha256(p, sha)) {
      if (!opt.allow_duplicates)
        throw ImportError(shown + ": this recording is in the project already (as " + old->path +
                          "); --allow-duplicates imports it again");
      rec.media.path = old->path;  // the same bytes: one copy serves both
    } else if (seen.count(sha)) {
      rec.media.path = seen[sha];
    } else {
      const fs::path to = free_name(folder, s.media.filename(), taken);
      taken.push_back(to);
      copies.emplace_back(s.media, to);
      rec.media.path = folder_name + "/" + to.filename().string();
      seen[sha] = rec.media.path;
    }
    r.stored = rec.media.path;
    auto base = [&](store::NewDocument& d) {
      d.source_type = s.source_type.empty() ? opt.default_type : s.source_type;
      d.language = s.language;
      d.date = s.date;
      d.author = s.author;
      d.attributes = s.attributes;
    };
    if (s.transcripts.empty()) {
      store::NewDocument d;
      base(d);
      d.title = s.title.empty() ? s.media.stem().string() : s.title;
      d.original_name = s.media.filename().string();
      rec.transcripts.push_back(std::move(d));
      rec.sync.emplace_back();
      r.notes.push_back("no transcript: the recording is a document with empty text");
    }
    for (const auto& t : s.transcripts) {
      const std::string bytes = read_bounded(t, opt.import.limits.max_file_bytes, t.string());
      Transcript tr = extract_transcript(t.string(), bytes, opt.import);
      if (tr.doc.text.size() > opt.import.limits.max_text_bytes)
        throw ImportError(t.string() + ": its text is larger than " +
                          std::to_string(opt.import.limits.max_text_bytes >> 20) + " MB (--max-mb)");
      if (!tr.sync.empty() && tr.sync.back().time_ms > r.info.duration_ms + 1000)
        r.notes.push_back(t.filename().string() + ": times run to " + text::format_clock(tr.sync.back().time_ms) +
                          ", after the recording's end at " + text::format_clock(r.info.duration_ms));
      for (const auto& n : tr.doc.notes) r.notes.push_back(t.filename().string() + ": " + n);
      store::NewDocument d;
      base(d);
      d.title = !s.title.empty() && s.transcripts.size() == 1 ? s.title
                : tr.doc.title.empty()                        ? t.stem().string()
                                                              : tr.doc.title;
      if (d.language.empty()) d.language = tr.doc.language;
      if (d.date.empty()) d.date = tr.doc.date;
      if (d.author.empty()) d.author = tr.doc.author;
      d.original_name = t.filename().string();
      d.original_bytes = bytes;
      d.text = tr.doc.text;
      d.blocks = tr.doc.blocks;
      rec.transcripts.push_back(std::move(d));
      rec.sync.push_back(std::move(tr.sync));
      r.transcripts.push_back(t);
    }
    recs.push_back(std::move(rec));
    results.push_back(std::move(r));
  }
  // 2. Copy (to a temporary name, then renamed), 3. add in one action; on failure the copies go.
  std::vector<fs::path> made;
  const bool had_folder = fs::exists(folder);
  auto undo_copies = [&] {
    std::error_code ec;
    for (const auto& f : made) fs::remove(f, ec);
    if (!had_folder) fs::remove(folder, ec);  // only when empty
  };
  try {
    std::error_code ec;
    if (!copies.empty()) fs::create_directories(folder, ec);
    if (ec) throw ImportError("cannot make the media folder " + folder.string() + ": " + ec.message());
    for (const auto& [from, to] : copies) {
      fs::path part = to;
      part += ".part";
      fs::copy_file(from, part, fs::copy_options::overwrite_existing, ec);
      if (!ec) fs::rename(part, to, ec);
      if (ec) {
        fs::remove(part, ec);
        throw ImportError("cannot copy " + from.string() + " into " + folder.string() + ": " + ec.message());
      }
      made.push_back(to);
    }
    const std::string label = specs.size() == 1 ? "Import recording " + specs[0].media.filename().string()
                                                : "Import " + std::to_string(specs.size()) + " recordings";
    const auto ids = store::add_recordings(p, recs, label);
    size_t k = 0;
    for (size_t i = 0; i < results.size(); ++i)
      for (size_t j = 0; j < recs[i].transcripts.size(); ++j) results[i].docs.push_back(ids.at(k++));
  } catch (...) {
    undo_copies();
    throw;
  }
  return results;
}

}  // namespace telaah::ingest
