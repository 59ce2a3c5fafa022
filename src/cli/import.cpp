// telaah import: files, folders or a manifest, all-or-nothing per batch.
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"
#include "cli/media.h"
#include "ingest/batch.h"
#include "ingest/news.h"
#include "ingest/replace.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, type, lang, date, title, author, manifest, encoding, format, split, map, ocr = "auto", ocr_lang,
                                                                                                replaces;
  bool dry_run = false;
  std::vector<std::string> files, attrs, transcripts;
  bool keep_going = false, allow_duplicates = false, quiet = false;
  uint64_t max_mb = ingest::Limits{}.max_text_bytes >> 20;
};

Registrar reg(20, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("import",
                                 "Import documents (txt, md, html, docx, odt, pdf, and by OCR png, jpg, tiff; files or "
                                 "folders), or news exports split into articles (--split)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("files", a->files, "files or folders to import");
  cmd->add_option("--type", a->type, "source type: interview, news, official, or one the project defines");
  cmd->add_option("--lang", a->lang, "language code (id, en, ...)");
  cmd->add_option("--date", a->date, "date YYYY-MM-DD");
  cmd->add_option("--title", a->title, "title (single file only)");
  cmd->add_option("--author", a->author, "author or outlet");
  cmd->add_option("--attr", a->attrs, "attribute name=value (repeatable)");
  cmd->add_option("--manifest", a->manifest, "TSV manifest: file type lang date title author attributes");
  cmd->add_option("--encoding", a->encoding, "text encoding: utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1");
  cmd->add_option("--format", a->format, "force a format: txt, md, html, docx, odt, pdf");
  cmd->add_option("--max-mb", a->max_mb,
                  "largest document text in MB (default " + std::to_string(ingest::Limits{}.max_text_bytes >> 20) +
                      ": importing and indexing a text that size took under a minute of CPU time and under 512 MB "
                      "of memory, docs/performance.md; larger texts take about 2.6 s more per MB); files may be up "
                      "to 4 times that, or 128 MB");
  cmd->footer(
      "Reviewers' comments (Word comments in .docx, annotations in .odt) are kept as codings of the code "
      "'Imported comments' on the commented text (a comment without a range: its paragraph), each with the "
      "comment (author, date, text) as its memo; the import report lists them.\n\n"
      "News exports (--split): Factiva TXT/RTF/HTML (fields HD BY WC PD SN SC LA LP TD AN, code and value on one "
      "line or the code alone with the value below; an article starts at HD and ends at its 'Document' line), "
      "Nexis Uni / LexisNexis DOCX/RTF/HTML/TXT ('N of M DOCUMENTS' or 'End of Document' between articles; "
      "Byline:, Section:, Length:, Load-Date:, Body), RSS 2.0 and Atom, and tables (CSV, TSV, XLSX first sheet, "
      "JSON Lines) with --map; a column commonly named text/body/content, title/headline, date/published, "
      "outlet/source, author, url/link, lang/language, section is used when not mapped. Each article becomes a "
      "document (default type news) with outlet, author, section, url, byline and the export's other fields as "
      "attributes. Dates: ISO 8601, RFC 822, named months in English or Indonesian ('7 Desember 2026', "
      "'December 7, 2026'), and numbers read DAY FIRST ('07/12/2026' is 7 December 2026; '12/25/2026', where only "
      "month first makes a date, is 25 December). All articles of all files are imported in one action or none: a "
      "bad article or row is named by its line (and column).");
  cmd->add_option("--split", a->split,
                  "split multi-article exports into one document per article: auto (recognised by content), "
                  "factiva, nexis, feed (RSS/Atom) or table (CSV, TSV, XLSX, JSON Lines)");
  cmd->add_option("--map", a->map,
                  "columns of a table: role=column pairs, e.g. text=body,title=headline,date=published,outlet=source,"
                  "author=writer,url=link,lang=language,section=desk,byline=by (unmapped columns become attributes)");
  cmd->add_flag("--dry-run", a->dry_run, "with --split: list the articles that would be created, write nothing");
  cmd->add_option("--ocr", a->ocr,
                  "OCR of PDF pages: auto (default: pages whose text layer has fewer than 20 characters other than "
                  "spaces, i.e. scans), always (every page, ignoring the text layer), never; images are always read "
                  "by OCR")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--ocr-lang", a->ocr_lang,
                  "OCR languages as Tesseract names joined by + (installed: ind, eng); default from --lang "
                  "(id -> ind, en -> eng), else ind+eng");
  cmd->add_option("--replaces", a->replaces,
                  "the file is a new version of this document (number, title or file name): its text replaces the "
                  "document's, the old text is kept as an earlier version, and every coding is carried across by a "
                  "character diff — unchanged text moves with it, changed or vanished text is listed for review "
                  "(a coding whose text vanished is kept on the word where its text was); one undoable action");
  cmd->add_option("--transcript", a->transcripts,
                  "with one recording (mp3 m4a aac wav ogg opus flac mp4 mov webm mkv ...): its transcript (srt, vtt, "
                  "or txt/docx/odt with timestamps; repeatable); the recording is copied into the folder "
                  "PROJECT.media beside the project, timestamps become sync points (README, 'Recordings')");
  cmd->add_flag("--keep-going", a->keep_going, "import what can be imported and list the rest");
  cmd->add_flag("--allow-duplicates", a->allow_duplicates, "import files whose content is already in the project");
  cmd->add_flag("--quiet", a->quiet, "no progress lines (they are shown only on a terminal anyway)");
  cmd->callback([a, &ctx] {
    if (a->files.empty() && a->manifest.empty())
      throw UserError("nothing to import: give files, folders or --manifest FILE");
    if (!a->split.empty() || !a->map.empty() || a->dry_run) {
      if (a->split.empty())
        throw UserError("--map and --dry-run go with --split (auto, factiva, nexis, feed or table)");
      if (!a->manifest.empty()) throw UserError("--split imports files, not a --manifest");
      if (!a->title.empty() || !a->date.empty() || !a->author.empty() || !a->attrs.empty())
        throw UserError("--split takes each article's title, date, author and fields from the export");
      ingest::news::NewsOptions no;
      no.family = ingest::news::parse_family(a->split);
      no.mapping = ingest::news::parse_mapping(a->map);
      no.source_type = a->type.empty() ? "news" : a->type;
      no.language = a->lang;
      no.dry_run = a->dry_run;
      no.allow_duplicates = a->allow_duplicates;
      std::vector<std::filesystem::path> files;
      for (const auto& f : a->files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(f, ec)) throw UserError(f + ": not a file");
        files.emplace_back(f);
      }
      auto p = open_project(a->project);
      if (!ctx.json && !a->quiet && ::isatty(2))
        no.progress = [last = size_t(0)](size_t n, double frac, const std::string&) mutable {
          if (n >= last + 1000) {
            last = n;
            std::cerr << "\r" << n << " articles, " << static_cast<int>(frac * 100) << "%" << std::flush;
          }
        };
      auto r = ingest::news::import_news(*p, files, no);
      if (no.progress) std::cerr << "\r";
      if (ctx.json) {
        nlohmann::json arts = nlohmann::json::array();
        for (const auto& s : r.articles)
          arts.push_back({{"file", s.file},
                          {"line", s.line},
                          {"title", s.title},
                          {"date", s.date},
                          {"outlet", s.outlet},
                          {"length", s.length_cp},
                          {"document", s.doc}});
        print_json({{"dry_run", a->dry_run},
                    {"articles", arts},
                    {"imported", a->dry_run ? 0 : r.count()},
                    {"revision", p->revision()}});
        return;
      }
      if (a->dry_run) {
        std::cout << "date        outlet                length  title\n";
        for (const auto& s : r.articles) {
          std::string outlet = s.outlet.substr(0, 20);
          std::cout << (s.date.empty() ? std::string("-") : s.date)
                    << std::string(12 - std::min<size_t>(11, s.date.empty() ? 1 : s.date.size()), ' ') << outlet
                    << std::string(22 - std::min<size_t>(21, outlet.size()), ' ') << s.length_cp << "  " << s.title
                    << "\n";
        }
        std::cout << r.count() << " articles would be imported (dry run: nothing written)\n";
        return;
      }
      std::cout << r.count() << " articles imported as documents #" << r.articles.front().doc << "-#"
                << r.articles.back().doc << "\n";
      return;
    }
    if (a->replaces.empty() && a->manifest.empty() && is_recording_import(a->files, a->transcripts)) {
      RecordingArgs r{a->project, a->type,        a->lang, a->date, a->title,           a->author,
                      a->files,   a->transcripts, {},      {},      a->allow_duplicates};
      for (const auto& kv : a->attrs) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) throw UserError("--attr needs name=value, not '" + kv + "'");
        r.attributes.push_back({kv.substr(0, eq), "text", kv.substr(eq + 1)});
      }
      r.import.encoding = a->encoding;
      if (a->max_mb < 1 || a->max_mb > 4096) throw UserError("--max-mb must be from 1 to 4096");
      r.import.limits.max_text_bytes = a->max_mb << 20;
      return import_recordings_cmd(r, ctx);
    }
    if (!a->transcripts.empty())
      throw UserError("--transcript goes with a recording, not with --manifest or --replaces");
    auto p = open_project(a->project);
    if (!a->replaces.empty()) {
      if (a->files.size() != 1 || !a->manifest.empty())
        throw UserError("--replaces takes exactly one file (the new version), and no --manifest");
      const store::Id doc = p->resolve_document(a->replaces);
      ingest::ImportOptions io;
      io.encoding = a->encoding;
      io.format = a->format;
      io.ocr = a->ocr;
      io.ocr_lang = a->ocr_lang;
      io.doc_language = a->lang;
      const auto r = ingest::replace_document(*p, doc, a->files[0], io);
      if (ctx.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : r.codings)
          list.push_back({{"coding", c.coding},
                          {"from", {c.from.start, c.from.end}},
                          {"to", {c.to.start, c.to.end}},
                          {"carried", ingest::to_string(c.how)}});
        print_json({{"document", doc},
                    {"old_version", r.version},
                    {"codings", list},
                    {"notes", r.notes},
                    {"revision", p->revision()}});
        return;
      }
      std::cout << "replaced #" << doc << " with " << a->files[0] << " (the old text is version " << r.version << ")\n";
      for (const auto& n : r.notes) std::cout << "           note: " << n << "\n";
      std::cout << r.codings.size() << " codings carried: " << r.count(ingest::Carry::unchanged) << " unchanged, "
                << r.count(ingest::Carry::moved) << " moved with their text, " << r.count(ingest::Carry::changed)
                << " changed, " << r.count(ingest::Carry::vanished) << " vanished\n";
      for (const auto& c : r.codings)
        if (c.how == ingest::Carry::changed || c.how == ingest::Carry::vanished)
          std::cout << "  review coding #" << c.coding << " (" << ingest::to_string(c.how) << "): was " << c.from.start
                    << "-" << c.from.end << ", now " << c.to.start << "-" << c.to.end << "\n";
      return;
    }
    std::vector<ingest::FileSpec> specs;
    if (!a->manifest.empty()) specs = ingest::read_manifest(a->manifest);
    std::vector<store::Attribute> attrs;
    for (const auto& kv : a->attrs) {
      auto eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) throw UserError("--attr needs name=value, not '" + kv + "'");
      attrs.push_back({kv.substr(0, eq), "text", kv.substr(eq + 1)});
    }
    for (const auto& f : a->files) {
      ingest::FileSpec s;
      s.path = f;
      s.source_type = a->type;
      s.language = a->lang;
      s.date = a->date;
      s.author = a->author;
      s.attributes = attrs;
      if (a->files.size() == 1) s.title = a->title;
      specs.push_back(std::move(s));
    }
    ingest::BatchOptions opt;
    opt.import.encoding = a->encoding;
    opt.import.format = a->format;
    opt.import.ocr = a->ocr;
    opt.import.ocr_lang = a->ocr_lang;
    if (a->max_mb < 1 || a->max_mb > 4096) throw UserError("--max-mb must be from 1 to 4096");
    opt.import.limits.max_text_bytes = a->max_mb << 20;
    opt.import.limits.max_file_bytes = std::max<uint64_t>(ingest::Limits{}.max_file_bytes, 4 * (a->max_mb << 20));
    opt.keep_going = a->keep_going;
    opt.allow_duplicates = a->allow_duplicates;
    if (!a->type.empty()) opt.default_type = a->type;
    // Progress is for a person watching; in a script stderr carries only the error line.
    if (!ctx.json && !a->quiet && ::isatty(2))
      opt.progress = [](size_t done, size_t total, const std::string& file) {
        if (!file.empty()) std::cerr << "[" << done + 1 << "/" << total << "] " << file << "\n";
      };
    if (!ctx.json && !a->quiet && ::isatty(2))
      opt.import.page_progress = [](int done, int total) {
        if (done < total) std::cerr << "  OCR page " << done + 1 << " of " << total << "\n";
      };
    auto r = ingest::import_files(*p, specs, opt);
    if (ctx.json) {
      nlohmann::json files = nlohmann::json::array();
      for (const auto& f : r.files)
        files.push_back({{"file", f.path.string()},
                         {"imported", f.imported},
                         {"document", f.doc},
                         {"reason", f.reason},
                         {"notes", f.notes}});
      print_json({{"imported", r.imported()}, {"skipped", r.skipped()}, {"files", files}, {"revision", p->revision()}});
      return;
    }
    for (const auto& f : r.files) {
      if (f.imported)
        std::cout << "imported #" << f.doc << "  " << f.path.string() << "\n";
      else
        std::cout << "skipped    " << f.path.string() << ": " << f.reason << "\n";
      for (const auto& n : f.notes) std::cout << "           note: " << n << "\n";
    }
    std::cout << r.imported() << " imported, " << r.skipped() << " skipped\n";
  });
});

}  // namespace
}  // namespace telaah::cli
