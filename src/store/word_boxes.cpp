// Word boxes (issue 24): where each word of an OCR'd page stands on the page,
// with Tesseract's confidence. Written with the document's rows (an import is
// undone by hiding the document, so the boxes need no change-log images).
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/project.h"

namespace telaah::store {

void Project::insert_word_boxes(Id id, const std::vector<WordBox>& boxes, int64_t len) {
  if (boxes.empty()) return;
  SQLite::Statement st(*db_,
                       "INSERT INTO word_boxes(doc_id, start, end, page, x, y, w, h, confidence) "
                       "VALUES (?,?,?,?,?,?,?,?,?)");
  for (const auto& b : boxes) {
    if (b.start < 0 || b.end <= b.start || b.end > len || b.page < 0 || b.confidence < -1 || b.confidence > 100 ||
        !(b.w >= 0) || !(b.h >= 0))
      throw InternalError("importer produced a word box outside the text or the page of document #" +
                          std::to_string(id));
    st.bind(1, id);
    st.bind(2, b.start);
    st.bind(3, b.end);
    st.bind(4, b.page);
    st.bind(5, b.x);
    st.bind(6, b.y);
    st.bind(7, b.w);
    st.bind(8, b.h);
    st.bind(9, b.confidence);
    st.exec();
    st.reset();
  }
}

std::vector<WordBox> Project::word_boxes(Id id) const {
  std::vector<WordBox> out;
  SQLite::Statement q(
      *db_, "SELECT start, end, page, x, y, w, h, confidence FROM word_boxes WHERE doc_id=? ORDER BY start, id");
  q.bind(1, id);
  while (q.executeStep()) {
    WordBox b;
    b.start = q.getColumn(0).getInt64();
    b.end = q.getColumn(1).getInt64();
    b.page = q.getColumn(2).getInt();
    b.x = q.getColumn(3).getDouble();
    b.y = q.getColumn(4).getDouble();
    b.w = q.getColumn(5).getDouble();
    b.h = q.getColumn(6).getDouble();
    b.confidence = q.getColumn(7).getInt();
    out.push_back(b);
  }
  return out;
}

}  // namespace telaah::store
