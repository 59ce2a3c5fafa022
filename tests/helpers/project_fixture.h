// Helpers for tests that work on a project through the model API: a project
// in a temporary directory, documents to add, and a dump of everything a
// user can see, to compare before and after (undo, refused commands).
// Header-only.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>

#include "store/project.h"
#include "temp_dir.h"

namespace telaah::test {

inline store::NewDocument new_doc(const std::string& title, const std::string& text,
                                  const std::string& type = "interview") {
  store::NewDocument d;
  d.title = title;
  d.text = text;
  d.source_type = type;
  d.original_name = title + ".txt";
  return d;
}

// Every row a user can see (documents that are not deleted and what hangs on
// them, the codebook, codings, memos, settings, coders, source types), in a
// stable order. Two dumps are equal when the project holds the same data.
inline std::string dump(SQLite::Database& db) {
  static const char* queries[] = {
      "SELECT * FROM settings ORDER BY id",
      "SELECT * FROM source_types ORDER BY id",
      "SELECT * FROM documents WHERE deleted=0 ORDER BY id",
      "SELECT b.* FROM blocks b JOIN documents d ON d.id=b.doc_id WHERE d.deleted=0 ORDER BY b.id",
      "SELECT p.* FROM pages p JOIN documents d ON d.id=p.doc_id WHERE d.deleted=0 ORDER BY p.id",
      "SELECT a.* FROM attributes a JOIN documents d ON d.id=a.doc_id WHERE d.deleted=0 ORDER BY a.id",
      "SELECT * FROM codes ORDER BY id",
      "SELECT * FROM coders ORDER BY id",
      "SELECT * FROM codings ORDER BY id",
      "SELECT * FROM memos ORDER BY id",
      "SELECT * FROM overrides ORDER BY id",
      "SELECT * FROM evaluations ORDER BY id",
  };
  std::string out;
  for (const char* sql : queries) {
    SQLite::Statement q(db, sql);
    out += std::string("## ") + sql + "\n";
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i) {
        auto c = q.getColumn(i);
        out += c.isNull() ? std::string("NULL") : c.getString();
        out += '|';
      }
      out += '\n';
    }
  }
  return out;
}

inline std::string dump(store::Project& p) {
  return dump(p.db());
}

}  // namespace telaah::test
