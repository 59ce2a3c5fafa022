// telaah docs | show | doc (rename, set fields and attributes, delete)
#include <iostream>

#include "cli/cli.h"
#include "cli/media.h"
#include "ingest/ocr.h"
#include "text/utf8.h"

namespace telaah::cli {
namespace {

struct Args {
  std::string project, doc, type;
  int64_t around = -1, context = 300;
  int64_t limit = -1, offset = 0;
  bool ocr_quality = false;
};

Registrar reg_docs(21, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("docs", "List the documents of a project");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("--type", a->type, "only this source type");
  cmd->add_option("--limit", a->limit, "at most N documents (reads only those)");
  cmd->add_option("--offset", a->offset, "skip the first N documents");
  cmd->callback([a, &ctx] {
    if (a->offset < 0) throw UserError("--offset cannot be negative");
    auto p = open_for_reading(a->project);
    if (!a->type.empty()) p->source_type_id(a->type);  // an unknown type is an error, not an empty list
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : p->documents_page(a->limit < 0 ? -1 : a->limit, a->offset, a->type)) {
      auto j = to_json(d);
      nlohmann::json attrs = nlohmann::json::object();
      for (const auto& at : p->attributes(d.id)) attrs[at.name] = at.value;
      j["attributes"] = attrs;
      if (ctx.json)
        out.push_back(j);
      else
        std::cout << "#" << d.id << "\t" << d.source_type << "\t" << (d.language.empty() ? "-" : d.language) << "\t"
                  << (d.date.empty() ? "-" : d.date) << "\t" << d.length_cp << " chars\t" << d.title << "\n";
    }
    if (ctx.json) print_json(out);
  });
});

Registrar reg_show(22, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("show", "Print a document's text, whole or around an offset");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("doc", a->doc, "document number, title or file name")->required();
  cmd->add_option("--around", a->around, "code-point offset to show the text around");
  cmd->add_option("--context", a->context, "characters of context on each side with --around (default 300)");
  cmd->add_flag("--ocr-quality", a->ocr_quality,
                "instead of the text: the words read by OCR and how many of them have a confidence under " +
                    std::to_string(ingest::ocr::kLowConfidence) + " of 100 (Tesseract's own measure)");
  cmd->callback([a, &ctx] {
    auto p = open_for_reading(a->project);
    store::Id id = p->resolve_document(a->doc);
    if (a->ocr_quality) {
      const auto q = ingest::ocr::quality(p->word_boxes(id));
      const double share = q.words ? static_cast<double>(q.low) / static_cast<double>(q.words) : 0.0;
      if (ctx.json) {
        print_json({{"document", id},
                    {"ocr_words", q.words},
                    {"low_confidence", q.low},
                    {"share", share},
                    {"threshold", ingest::ocr::kLowConfidence}});
      } else if (q.words == 0) {
        std::cout << "no words of this document were read by OCR\n";
      } else {
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.1f", 100.0 * share);
        std::cout << q.words << " words read by OCR, " << q.low << " (" << pct << " %) under confidence "
                  << ingest::ocr::kLowConfidence << "\n";
      }
      return;
    }
    std::string body = p->text(id);
    text::OffsetMap m(body);
    int64_t start = 0, end = static_cast<int64_t>(m.size_cp());
    if (a->around >= 0) {
      if (a->around > end)
        throw UserError("offset " + std::to_string(a->around) + " is outside the document (it has " +
                        std::to_string(end) + " characters)");
      start = std::max<int64_t>(0, a->around - a->context);
      end = std::min<int64_t>(end, a->around + a->context);
    }
    std::string part(text::slice_cp(body, m, start, end));
    if (ctx.json)
      print_json({{"document", id}, {"start", start}, {"end", end}, {"text", part}, {"media", media_json(*p, id)}});
    else
      std::cout << part << (part.empty() || part.back() != '\n' ? "\n" : "");
  });
});

struct DocArgs {
  std::string project, doc, rename;
  std::vector<std::string> set, attrs, remove_attrs;
  bool del = false;
};

// "name=value" or "name:type=value" (type text, number or date).
store::Attribute parse_attr(const std::string& kv) {
  auto eq = kv.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UserError("--attr needs name=value or name:type=value, not '" + kv + "'");
  store::Attribute at{kv.substr(0, eq), "text", kv.substr(eq + 1)};
  auto colon = at.name.rfind(':');
  if (colon != std::string::npos && colon > 0) {
    at.type = at.name.substr(colon + 1);
    at.name = at.name.substr(0, colon);
  }
  return at;
}

Registrar reg_doc(23, [](CLI::App& app, Context& ctx) {
  auto a = std::make_shared<DocArgs>();
  auto* cmd = app.add_subcommand(
      "doc", "Change a document: rename, set fields and attributes, or delete it (one undoable action)");
  cmd->add_option("project", a->project, "the project file")->required();
  cmd->add_option("doc", a->doc, "document number, title or file name")->required();
  cmd->add_option("--rename", a->rename, "new title");
  cmd->add_option("--set", a->set, "field=value for title, language, date, author or source_type (repeatable)");
  cmd->add_option("--attr", a->attrs,
                  "attribute name=value or name:type=value, type text, number or date (repeatable)");
  cmd->add_option("--remove-attr", a->remove_attrs, "remove this attribute (repeatable)");
  cmd->add_flag("--delete", a->del, "delete the document (undo brings it back with its codings)");
  cmd->callback([a, &ctx] {
    auto p = open_project(a->project);
    store::Id id = p->resolve_document(a->doc);
    const bool change = !a->rename.empty() || !a->set.empty() || !a->attrs.empty() || !a->remove_attrs.empty();
    if (a->del && change) throw UserError("--delete cannot be combined with other changes");
    if (a->del) {
      const std::string title = p->document(id).title;
      p->delete_document(id);
      if (ctx.json)
        print_json({{"deleted", id}, {"revision", p->revision()}});
      else
        std::cout << "deleted document #" << id << " " << title << " (telaah undo brings it back)\n";
      return;
    }
    if (change) {
      auto act = p->begin_action("Edit document #" + std::to_string(id));
      if (!a->rename.empty()) p->rename_document(id, a->rename);
      for (const auto& kv : a->set) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) throw UserError("--set needs field=value, not '" + kv + "'");
        p->set_document_field(id, kv.substr(0, eq), kv.substr(eq + 1));
      }
      for (const auto& kv : a->attrs) p->set_attribute(id, parse_attr(kv));
      for (const auto& name : a->remove_attrs) p->remove_attribute(id, name);
      act.commit();
    }
    auto j = to_json(p->document(id));
    nlohmann::json attrs = nlohmann::json::object();
    for (const auto& at : p->attributes(id)) attrs[at.name] = {{"type", at.type}, {"value", at.value}};
    j["attributes"] = attrs;
    j["revision"] = p->revision();
    if (ctx.json) return print_json(j);
    std::cout << "#" << id << "  " << j["title"].get<std::string>() << "\n  type "
              << j["source_type"].get<std::string>() << ", language " << j["language"].get<std::string>() << ", date "
              << j["date"].get<std::string>() << ", author " << j["author"].get<std::string>() << "\n";
    for (const auto& at : p->attributes(id))
      std::cout << "  " << at.name << " (" << at.type << ") = " << at.value << "\n";
  });
});

}  // namespace
}  // namespace telaah::cli
