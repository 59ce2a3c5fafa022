// Function words of Indonesian and English (see function_words.h).
#include "index/function_words.h"

#include <algorithm>
#include <array>

#include "index/schema.h"

namespace telaah::index {

namespace {

// Sorted once; both languages in one list (a word of either is a function word).
const std::vector<std::string_view>& words() {
  static const std::vector<std::string_view> list = [] {
    std::vector<std::string_view> v = {
        // Indonesian
        "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "apabila", "apakah", "atas", "atau",
        "bagaimana", "bagi", "bahwa", "banyak", "beberapa", "begitu", "belum", "beliau", "berbagai", "bila", "bisa",
        "boleh", "dalam", "dan", "dapat", "dari", "daripada", "demikian", "dengan", "di", "dia", "hal", "hanya",
        "harus", "hingga", "ia", "ialah", "ini", "itu", "jadi", "jika", "juga", "kalau", "kami", "kamu", "kapan",
        "karena", "ke", "kemudian", "kenapa", "kepada", "ketika", "kita", "lagi", "lain", "lalu", "lebih", "maka",
        "masih", "mana", "mau", "melalui", "mengapa", "menjadi", "menurut", "mereka", "merupakan", "namun", "nya",
        "oleh", "pada", "para", "perlu", "pernah", "pula", "pun", "saat", "saja", "sambil", "sampai", "sana", "sang",
        "sangat", "saya", "sebagai", "sebelum", "secara", "sedang", "sehingga", "sejak", "selama", "semua", "seperti",
        "serta", "sesudah", "setelah", "setiap", "si", "siapa", "sini", "situ", "sudah", "supaya", "tanpa", "tapi",
        "telah", "tentang", "terhadap", "tersebut", "tetapi", "tiap", "tidak", "untuk", "yaitu", "yakni", "yang",
        // English
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "down",
        "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "many", "may", "me", "might", "more",
        "most", "much", "must", "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "out", "over", "own", "said", "same", "shall", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "would", "yet", "you", "your", "yours"};
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  }();
  return list;
}

}  // namespace

bool is_function_word(std::string_view word) {
  return std::binary_search(words().begin(), words().end(), word);
}

std::set<std::string> function_word_terms(Stemmers& stemmers) {
  std::set<std::string> out;
  for (std::string_view w : words()) {
    const std::string word(w);
    out.insert(kStemPrefix + stemmers.stem(Lang::en, word));
    const std::string id = stemmers.stem(Lang::id, word);
    if (id == word || is_function_word(id)) out.insert(kStemPrefix + id);
  }
  return out;
}

}  // namespace telaah::index
