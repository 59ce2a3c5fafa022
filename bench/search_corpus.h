// A deterministic generator of a news-like bilingual corpus for the search
// benchmark: documents of realistic length (news articles, interview
// transcripts with speaker turns, official reports), words drawn with a Zipf
// distribution from real word lists — Indonesian roots from hunspell-id
// (with affixed forms made by the ordinary morphology rules) and English
// words from wamerican — plus function words, names and numbers.
// Document i is the same on every machine and in every run.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

// splitmix64: small, fast, and the same everywhere (unlike std:: distributions).
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return (next() >> 11) * (1.0 / 9007199254740992.0); }
  int range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1)); }
};

struct Vocabulary {
  std::vector<std::string> words;  // by rank
  std::vector<double> cdf;
  void finish(double s = 1.0) {
    cdf.resize(words.size());
    double sum = 0;
    for (size_t r = 0; r < words.size(); ++r) cdf[r] = (sum += 1.0 / std::pow(static_cast<double>(r + 1), s));
    for (auto& c : cdf) c /= sum;
  }
  const std::string& pick(Rng& rng) const {
    size_t i = std::lower_bound(cdf.begin(), cdf.end(), rng.unit()) - cdf.begin();
    return words[std::min(i, words.size() - 1)];
  }
};

struct GenDoc {
  std::string title, type, lang, date, author, outlet, text;
};

class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint64_t seed = 20240601) : seed_(seed) {
    Rng rng(seed);
    for (const char* w : {"yang",  "dan",   "di",    "ke",   "dari",   "ini",    "itu",   "dengan", "untuk",
                          "pada",  "dalam", "tidak", "akan", "juga",   "adalah", "oleh",  "karena", "sebagai",
                          "atau",  "telah", "sudah", "bisa", "ada",    "mereka", "kami",  "kita",   "saat",
                          "lebih", "tahun", "kata",  "para", "hingga", "antara", "serta", "namun"})
      id_.words.push_back(w);
    for (const char* w : {"the",  "of",  "and", "to",  "in",   "a",     "is",    "that", "for",  "on",
                          "with", "as",  "by",  "was", "it",   "at",    "from",  "be",   "this", "are",
                          "have", "has", "not", "but", "were", "which", "their", "they", "said"})
      en_.words.push_back(w);
    std::vector<std::string> roots = read_words("/usr/share/hunspell/id_ID.dic", true);
    std::vector<std::string> english = read_words("/usr/share/dict/words", false);
    if (roots.empty() || english.empty())
      throw std::runtime_error(
          "the benchmark needs hunspell-id and wamerican (/usr/share/hunspell/id_ID.dic, /usr/share/dict/words)");
    shuffle(roots, rng);
    shuffle(english, rng);
    for (const auto& r : roots) {  // half the Indonesian vocabulary affixed, as in real prose
      id_.words.push_back(rng.unit() < 0.5 ? r : affix(r, rng));
    }
    for (auto& w : english) en_.words.push_back(std::move(w));
    id_.finish();
    en_.finish();
  }

  const Vocabulary& vocabulary(const std::string& lang) const { return lang == "id" ? id_ : en_; }

  GenDoc make(uint64_t i) const {
    Rng rng(seed_ ^ (i * 0x9E3779B97F4A7C15ull + 1));
    GenDoc d;
    const double t = rng.unit();
    d.type = t < 0.8 ? "news" : t < 0.9 ? "interview" : "official";
    d.lang = rng.unit() < 0.6 ? "id" : "en";
    const int day = rng.range(0, 3650);
    int y = 2010 + day / 365, m = 1 + (day % 365) / 31, dd = 1 + (day % 31) % 28;
    if (m > 12) m = 12;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
    d.date = buf;
    static const char* outlets[] = {"Warta Niaga",    "Harian Ibukota", "Kabar Pesisir",
                                    "Suara Pelajar",  "Jakarta Ledger", "Seoul-Jakarta Business Review",
                                    "Berita Kota",    "Metro Bisnis",   "Asia Trade Weekly",
                                    "Nusantara Post", "Pantau Ekonomi", "Seoul Times Digest"};
    static const char* names[] = {"Rina Kusuma",   "Dimas Prakoso", "Maya Sutanto", "Daniel Hartono",
                                  "Yusuf Hamdani", "Hendra Wijaya", "Sari Lestari", "Budi Santoso",
                                  "Kim Ji-woo",    "Lee Min-ho",    "Ayu Pratiwi",  "Bima Saputra"};
    d.outlet = d.type == "news" ? outlets[rng.range(0, 11)] : "";
    d.author = names[rng.range(0, 11)];
    d.title = sentence(d.lang, rng, rng.range(5, 10), false);
    const int paras = d.type == "interview" ? rng.range(8, 20) : rng.range(5, 12);
    for (int p = 0; p < paras; ++p) {
      if (p) d.text += "\n\n";
      if (d.type == "interview") {
        d.text +=
            p % 2 ? "Informan " + std::string(1, static_cast<char>('A' + rng.range(0, 5))) + ": " : "Pewawancara: ";
        d.text += paragraph(d.lang, rng, rng.range(10, 60));
      } else {
        d.text += paragraph(d.lang, rng, rng.range(25, 70));
      }
    }
    return d;
  }

 private:
  static std::vector<std::string> read_words(const char* path, bool hunspell) {
    std::ifstream in(path);
    std::vector<std::string> out;
    std::string line;
    bool first = hunspell;
    while (std::getline(in, line)) {
      if (first) {
        first = false;
        continue;
      }
      std::string w = line.substr(0, line.find('/'));
      while (!w.empty() && (w.back() == ' ' || w.back() == '\r')) w.pop_back();
      if (w.size() < 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
      out.push_back(w);
    }
    return out;
  }
  static void shuffle(std::vector<std::string>& v, Rng& rng) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.next() % i]);
  }
  // Indonesian derivation, with the nasal assimilation of me-/pe-.
  static std::string nasal(const std::string& base, const std::string& r) {
    const char c = r[0];
    auto vowel = [](char x) { return x == 'a' || x == 'e' || x == 'i' || x == 'o' || x == 'u'; };
    if (c == 'b' || c == 'f' || c == 'v') return base + "m" + r;
    if (c == 'p') return base + "m" + r.substr(1);
    if (c == 't') return base + "n" + r.substr(1);
    if (c == 's') return base + "ny" + r.substr(1);
    if (c == 'k') return base + "ng" + r.substr(1);
    if (vowel(c) || c == 'g' || c == 'h') return base + "ng" + r;
    if (c == 'c' || c == 'd' || c == 'j' || c == 'z') return base + "n" + r;
    return base + r;
  }
  static std::string affix(const std::string& r, Rng& rng) {
    switch (rng.range(0, 9)) {
      case 0:
        return nasal("me", r);
      case 1:
        return "di" + r;
      case 2:
        return "ber" + r;
      case 3:
        return nasal("pe", r) + "an";
      case 4:
        return "ke" + r + "an";
      case 5:
        return nasal("me", r) + "kan";
      case 6:
        return r + "an";
      case 7:
        return r + "nya";
      case 8:
        return "ter" + r;
      default:
        return "di" + r + "kan";
    }
  }
  std::string sentence(const std::string& lang, Rng& rng, int words, bool period) const {
    static const char* names[] = {"Jakarta", "Seoul", "Korea", "Indonesia", "Busan", "Gangnam", "Jawa", "Asia"};
    const Vocabulary& v = vocabulary(lang);
    const Vocabulary& other = vocabulary(lang == "id" ? "en" : "id");
    std::string s;
    for (int k = 0; k < words; ++k) {
      const double u = rng.unit();
      std::string w = u < 0.03    ? names[rng.range(0, 7)]
                      : u < 0.045 ? std::to_string(rng.range(1, 2020))
                      : u < 0.06  ? other.pick(rng)
                                  : v.pick(rng);
      if (k == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
      s += (k ? " " : "") + w;
    }
    return period ? s + "." : s;
  }
  std::string paragraph(const std::string& lang, Rng& rng, int words) const {
    std::string p;
    while (words > 0) {
      int n = std::min(words, rng.range(8, 20));
      p += (p.empty() ? "" : " ") + sentence(lang, rng, n, true);
      words -= n;
    }
    return p;
  }

  uint64_t seed_;
  Vocabulary id_, en_;
};

}  // namespace bench
