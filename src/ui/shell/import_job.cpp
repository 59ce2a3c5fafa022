// Background import: extraction off the UI thread, one action on it (see import_job.h).
#include "ui/shell/import_job.h"

#include "ingest/comments.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "store/util.h"

namespace fs = std::filesystem;

namespace telaah::ui {

static std::string read_limited(const fs::path& p, uint64_t limit) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) throw ingest::ImportError(p.string() + ": cannot read the file (" + ec.message() + ")");
  if (size > limit)
    throw ingest::ImportError(p.string() + ": " + std::to_string(size >> 20) + " MB is over the import limit of " +
                              std::to_string(limit >> 20) + " MB per file");
  std::ifstream in(p, std::ios::binary);
  if (!in) throw ingest::ImportError(p.string() + ": cannot open the file");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

namespace {

namespace news = ingest::news;

// Thrown by a preview's sink to stop after the first articles.
struct EnoughArticles {};

news::ArticleSummary summary_of(const news::Article& a) {
  news::ArticleSummary s;
  s.title = a.title;
  s.date = news::news_date(a.date);
  s.outlet = a.outlet;
  s.line = a.line;
  s.length_cp = static_cast<int64_t>(a.text.size());
  return s;
}

news::Mapping mapping_of(const ImportPreview& pv) {
  news::Mapping m;
  for (const auto& [role, col] : pv.mapping)
    if (!col.empty()) m.role_column[role] = col;
  return m;
}

// A source type guessed from the file's name and folder.
std::string type_from_name(const fs::path& p) {
  std::string s = p.string();
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* w : {"wawancara", "interview", "transkrip", "transcript", "fgd"})
    if (s.find(w) != std::string::npos) return "interview";
  for (const char* w : {"berita", "news", "artikel", "article", "koran"})
    if (s.find(w) != std::string::npos) return "news";
  for (const char* w : {"laporan", "report", "official", "resmi", "peraturan", "kebijakan", "policy"})
    if (s.find(w) != std::string::npos) return "official";
  return "";
}

}  // namespace

std::string mapping_key(const std::vector<std::string>& header) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the header cells, stable across builds
  for (const auto& c : header) {
    for (unsigned char ch : c) {
      h ^= ch;
      h *= 1099511628211ull;
    }
    h ^= 0x1f;
    h *= 1099511628211ull;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string("import.mapping.") + buf;
}

void refresh_preview(ImportPreview& pv, size_t articles) {
  pv.first.clear();
  pv.error.clear();
  if (pv.family == news::Family::none) return;
  try {
    news::split_file(pv.path, pv.family, mapping_of(pv), [&](news::Article&& a) {
      pv.first.push_back(summary_of(a));
      if (pv.first.size() >= articles) throw EnoughArticles{};
    });
  } catch (const EnoughArticles&) {
  } catch (const UserError& e) {
    pv.error = e.what();
  }
}

std::vector<ImportPreview> preview_import(const store::Project* p, const std::vector<fs::path>& paths,
                                          size_t articles) {
  std::vector<ImportPreview> out;
  for (const auto& path : paths) {
    ImportPreview pv;
    pv.path = path;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      out.push_back(std::move(pv));  // a folder: its files are imported as documents
      continue;
    }
    try {
      const std::string ext = path.extension().string();
      const uint64_t size = fs::file_size(path, ec);
      if (ext == ".csv" || ext == ".tsv" || ext == ".jsonl" || ext == ".ndjson") {
        pv.family = news::Family::table;
      } else if (size <= (64ull << 20)) {
        pv.family = news::detect(path.string(), read_limited(path, 64ull << 20));
      }
      if (pv.family == news::Family::table) {
        pv.table = news::preview_table(path, articles);
        pv.mapping_key = mapping_key(pv.table.header);
        news::Mapping remembered;
        if (p) {
          const std::string saved = p->setting(pv.mapping_key);
          auto j = nlohmann::json::parse(saved, nullptr, false);
          if (j.is_object())
            for (auto& [role, col] : j.items())
              if (col.is_string() && std::find(pv.table.header.begin(), pv.table.header.end(),
                                               col.get<std::string>()) != pv.table.header.end())
                remembered.role_column[role] = col.get<std::string>();
        }
        const auto m = news::complete_mapping(remembered, pv.table.header);
        for (const auto& role : news::roles())
          pv.mapping[role] = m.role_column.count(role) ? m.role_column.at(role) : "";
      }
      if (pv.family != news::Family::none) {
        pv.source_type = "news";
        refresh_preview(pv, articles);
      } else if (size <= (4ull << 20) && out.size() < 20) {
        // Small enough to read while the dialog opens (larger files: metadata from the file at import).
        const std::string bytes = read_limited(path, 4ull << 20);
        ingest::Extracted e = ingest::extract(path.string(), bytes, {});
        pv.title = e.title;
        pv.date = !e.date.empty() ? e.date : news::date_in_text(e.text);
        if (pv.date.empty()) pv.date = news::date_in_text(path.stem().string());
        pv.language = !e.language.empty() ? e.language : news::detect_language(e.text);
        pv.source_type = type_from_name(path);
      }
    } catch (const UserError& e) {
      pv.error = e.what();
    }
    out.push_back(std::move(pv));
  }
  return out;
}

// The articles of previewed exports, off the UI thread: one PreparedFile per
// article; a file with a bad article is skipped whole, with the place named.
static void prepare_articles(const ImportRequest& req, const ImportPreview& pv, size_t file_index, size_t files,
                             TaskProgress& progress, std::vector<PreparedFile>& out) {
  const auto t0 = std::chrono::steady_clock::now();
  double fraction = 0;
  std::error_code ec;
  const double size = static_cast<double>(std::max<uint64_t>(1, fs::file_size(pv.path, ec)));
  std::vector<PreparedFile> mine;
  size_t done = 0;
  try {
    news::split_file(
        pv.path, pv.family, mapping_of(pv),
        [&](news::Article&& a) {
          if (progress.cancelled()) throw ingest::ImportError("import cancelled; nothing was imported");
          PreparedFile f;
          f.path = pv.path;
          f.format = news::family_name(pv.family);
          if (!a.date.empty()) {
            const std::string d = news::news_date(a.date);
            if (d.empty())
              throw ingest::ImportError(pv.path.string() + ": line " + std::to_string(a.line) + ": '" + a.date +
                                        "' is not a date Telaah reads");
            a.date = d;
          }
          f.doc = news::to_document(std::move(a), pv.path.string(), req.source_type.empty() ? "news" : req.source_type,
                                    req.language);
          f.sha256 = store::sha256_hex(f.doc.original_bytes);
          mine.push_back(std::move(f));
          ++done;
          if (pv.family != news::Family::table) fraction = std::min(0.99, fraction + (1 - fraction) * 0.01);
          if ((done & 255) == 1) {
            const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            const double whole = (static_cast<double>(file_index) + fraction) / static_cast<double>(files);
            const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
            const double left = fraction > 0.01 ? secs * (1 - fraction) / fraction : -1;
            char msg[200];
            if (left >= 0)
              std::snprintf(msg, sizeof msg, "%s: %zu articles, %.0f/s, %.0f s left", pv.path.filename().c_str(), done,
                            rate, left);
            else
              std::snprintf(msg, sizeof msg, "%s: %zu articles, %.0f/s", pv.path.filename().c_str(), done, rate);
            progress.set(whole, msg);
          }
        },
        {}, [&](uint64_t bytes) { fraction = std::min(1.0, static_cast<double>(bytes) / size); });
  } catch (const UserError& e) {
    if (progress.cancelled()) throw ingest::ImportError("import cancelled; nothing was imported");
    PreparedFile f;
    f.path = pv.path;
    f.reason = e.what();
    out.push_back(std::move(f));
    return;
  }
  for (auto& f : mine) out.push_back(std::move(f));
}

std::vector<PreparedFile> prepare_import(const ImportRequest& req, TaskProgress& progress) {
  if (!req.previews.empty()) {
    // The dialog looked at each file: exports split, single documents with their previewed metadata.
    std::vector<PreparedFile> out;
    ImportRequest singles = req;
    singles.previews.clear();
    singles.paths.clear();
    std::vector<const ImportPreview*> single_meta;
    for (size_t i = 0; i < req.previews.size(); ++i) {
      const auto& pv = req.previews[i];
      if (progress.cancelled()) throw ingest::ImportError("import cancelled; nothing was imported");
      if (pv.family != news::Family::none) {
        prepare_articles(req, pv, i, req.previews.size(), progress, out);
      } else {
        singles.paths.push_back(pv.path);
        single_meta.push_back(&pv);
      }
    }
    if (!singles.paths.empty()) {
      auto files = prepare_import(singles, progress);
      for (auto& f : files) {
        for (const auto* pv : single_meta)
          if (pv->path == f.path && f.reason.empty()) {
            if (!pv->title.empty()) f.doc.title = pv->title;
            if (!pv->date.empty()) f.doc.date = ingest::news::news_date(pv->date);
            if (!pv->language.empty() && req.language.empty()) f.doc.language = pv->language;
            if (!pv->source_type.empty()) f.doc.source_type = pv->source_type;
          }
        out.push_back(std::move(f));
      }
    }
    progress.set(1.0, "");
    return out;
  }
  std::vector<ingest::FileSpec> specs;
  for (const auto& p : req.paths) {
    ingest::FileSpec s;
    s.path = p;
    s.source_type = req.source_type;
    s.language = req.language;
    specs.push_back(std::move(s));
  }
  specs = ingest::expand(specs);
  ingest::ImportOptions opt;
  opt.cancelled = [&progress] { return progress.cancelled(); };  // a cancel kills the PDF / OCR reader at once
  std::vector<PreparedFile> out;
  for (size_t i = 0; i < specs.size(); ++i) {
    opt.doc_language = specs[i].language;  // OCR languages follow it (ingest/ocr.h)
    opt.page_progress = [&progress, i, n = specs.size(), name = specs[i].path.filename().string()](int done,
                                                                                                   int total) {
      if (total <= 0) return;
      progress.set((static_cast<double>(i) + static_cast<double>(done) / total) / static_cast<double>(n),
                   name + " \xC2\xB7 OCR " + std::to_string(std::min(done + 1, total)) + "/" + std::to_string(total));
    };
    if (progress.cancelled()) throw ingest::ImportError("import cancelled; nothing was imported");
    progress.set(static_cast<double>(i) / static_cast<double>(specs.size()), specs[i].path.filename().string());
    PreparedFile f;
    f.path = specs[i].path;
    try {
      std::string bytes = read_limited(f.path, opt.limits.max_file_bytes);
      f.sha256 = store::sha256_hex(bytes);
      ingest::Extracted e = ingest::extract(f.path.string(), bytes, opt);
      f.doc.title = e.title.empty() ? f.path.stem().string() : e.title;
      f.doc.source_type = specs[i].source_type;
      // The language the file declares, else the one its words show (stop-word counts, ingest/news.h);
      // the date the file declares, else one written in its first lines.
      f.doc.language = !specs[i].language.empty() ? specs[i].language
                       : !e.language.empty()      ? e.language
                                                  : ingest::news::detect_language(e.text);
      f.doc.date = !e.date.empty() ? e.date : ingest::news::date_in_text(e.text);
      f.doc.author = e.author;
      f.doc.original_name = f.path.filename().string();
      f.doc.original_bytes = std::move(bytes);
      f.doc.text = std::move(e.text);
      f.doc.blocks = std::move(e.blocks);
      f.doc.pages = std::move(e.pages);
      f.doc.word_boxes = std::move(e.word_boxes);
      f.notes = std::move(e.notes);
      f.format = e.format;
      f.comments = std::move(e.comments);
    } catch (const UserError& err) {
      f.reason = err.what();
    }
    out.push_back(std::move(f));
  }
  progress.set(1.0, "");
  return out;
}

ImportOutcome commit_import(store::Project& p, std::vector<PreparedFile> files,
                            const std::vector<ImportPreview>& previews) {
  ImportOutcome out;
  std::vector<store::NewDocument> docs;
  std::vector<const PreparedFile*> kept;  // the file behind each of docs
  std::map<std::string, fs::path> seen;
  for (auto& f : files) {
    if (f.reason.empty()) {
      if (auto dup = p.find_document_by_sha256(f.sha256))
        f.reason = "already in the project as document #" + std::to_string(*dup) + " (same content)";
      else if (seen.count(f.sha256))
        f.reason = "same content as " + seen[f.sha256].filename().string() + " in this import";
    }
    if (f.reason.empty()) {
      try {
        p.source_type_id(f.doc.source_type);
      } catch (const UserError& e) {
        f.reason = e.what();
      }
    }
    if (!f.reason.empty()) {
      out.skipped.emplace_back(f.path, f.reason);
      continue;
    }
    seen[f.sha256] = f.path;
    for (auto& n : f.notes) out.notes.push_back(f.path.filename().string() + ": " + n);
    docs.push_back(std::move(f.doc));
    kept.push_back(&f);
  }
  if (!docs.empty()) {
    const std::string label =
        docs.size() == 1 ? "Import " + docs[0].title : "Import " + std::to_string(docs.size()) + " documents";
    auto act = p.begin_action(label);
    // In chunks: one statement batch of a 100,000-article table is not held twice.
    for (size_t b = 0; b < docs.size(); b += 500) {
      std::vector<store::NewDocument> chunk(
          std::make_move_iterator(docs.begin() + static_cast<ptrdiff_t>(b)),
          std::make_move_iterator(docs.begin() + static_cast<ptrdiff_t>(std::min(docs.size(), b + 500))));
      auto ids = p.add_documents(chunk, label);
      for (size_t k = 0; k < ids.size(); ++k) docs[b + k].blocks = std::move(chunk[k].blocks);
      out.ids.insert(out.ids.end(), ids.begin(), ids.end());
    }
    for (size_t k = 0; k < out.ids.size(); ++k) {
      const PreparedFile& f = *kept[k];
      if (f.comments.empty()) continue;
      const size_t n =
          ingest::add_comment_codings(p, out.ids[k], docs[k].blocks, f.comments, f.format, f.path.filename().string());
      out.notes.push_back(f.path.filename().string() + ": " + std::to_string(n) + " comment(s) kept as codings of '" +
                          ingest::kCommentsCode + "'");
    }
    // The columns chosen for a table, remembered for the next table with the same header.
    for (const auto& pv : previews) {
      if (pv.family != ingest::news::Family::table || pv.mapping_key.empty()) continue;
      nlohmann::json j = nlohmann::json::object();
      for (const auto& [role, col] : pv.mapping)
        if (!col.empty()) j[role] = col;
      if (p.setting(pv.mapping_key) != j.dump()) p.set_setting(pv.mapping_key, j.dump());
    }
    act.commit();
  }
  return out;
}

}  // namespace telaah::ui
