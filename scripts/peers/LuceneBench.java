// LuceneBench is the Lucene side of scripts/bench-peers.sh: it indexes the
// scale corpus (BEIR JSON Lines: _id, title, text) the two ways the
// comparison needs, and times top-10 searches of a query set (BEIR JSON
// Lines: _id, text). Written for vanban; compiled at run time against
// Debian's liblucene8-java (/usr/share/java/lucene-*.jar).
//
//   java LuceneBench index-one   INDEX CORPUS [THREADS]
//       one field: title and body, standard tokenizer, lowercase, ASCII
//       folding (the "peers' field"); only the _id stored
//   java LuceneBench index-views INDEX CORPUS [THREADS]
//       vanban's views: title and body each exact (lowercase, no
//       positions), folded with positions, folded bigrams (no positions);
//       title and body stored
//   java LuceneBench search INDEX QUERIES PASSES
//       each query as a disjunction of its distinct folded terms on the one
//       field, top 10 (Lucene 8's block-max WAND), one untimed warm-up
//       pass, then PASSES timed passes
//
// Each mode prints one line "key=value ..." that the script reads.
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

public class LuceneBench {
    static final String ONE = "text";

    // analyzer: standard tokenizer, lowercase, then ASCII folding (fold),
    // then folded syllable pairs (bigrams).
    static Analyzer analyzer(boolean fold, boolean bigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(t);
                if (fold) {
                    s = new ASCIIFoldingFilter(s);
                }
                if (bigrams) {
                    ShingleFilter sh = new ShingleFilter(s, 2, 2);
                    sh.setOutputUnigrams(false);
                    s = sh;
                }
                return new TokenStreamComponents(t, s);
            }
        };
    }

    static FieldType type(IndexOptions opts, boolean stored) {
        FieldType ft = new FieldType();
        ft.setIndexOptions(opts);
        ft.setTokenized(true);
        ft.setStored(stored);
        ft.freeze();
        return ft;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LuceneBench index-one|index-views INDEX CORPUS [THREADS] | search INDEX QUERIES PASSES");
            System.exit(2);
        }
        switch (args[0]) {
            case "index-one":
            case "index-views":
                index(args[0].equals("index-views"), Paths.get(args[1]), Paths.get(args[2]),
                        args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors());
                break;
            case "search":
                search(Paths.get(args[1]), Paths.get(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 3);
                break;
            default:
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
        }
    }

    static void index(boolean views, Path dir, Path corpus, int threads) throws Exception {
        Analyzer one = analyzer(true, false);
        Analyzer a = one;
        if (views) {
            Analyzer exact = analyzer(false, false), bigram = analyzer(true, true);
            a = new PerFieldAnalyzerWrapper(exact, java.util.Map.of(
                    "title_f", one, "body_f", one, "title_b", bigram, "body_b", bigram));
        }
        IndexWriterConfig cfg = new IndexWriterConfig(a);
        cfg.setSimilarity(new BM25Similarity());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        FieldType exactT = type(IndexOptions.DOCS_AND_FREQS, false);
        FieldType exactStoredT = type(IndexOptions.DOCS_AND_FREQS, true);
        FieldType foldT = type(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);
        long start = System.nanoTime();
        AtomicLong docs = new AtomicLong();
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, cfg);
             BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            Thread[] ts = new Thread[threads];
            Exception[] failed = new Exception[1];
            for (int i = 0; i < threads; i++) {
                ts[i] = new Thread(() -> {
                    try {
                        for (;;) {
                            String line;
                            synchronized (r) {
                                line = r.readLine();
                            }
                            if (line == null) {
                                return;
                            }
                            if (line.isBlank()) {
                                continue;
                            }
                            String id = Json.field(line, "_id"), title = Json.field(line, "title"), body = Json.field(line, "text");
                            title = title == null ? "" : title;
                            body = body == null ? "" : body;
                            Document doc = new Document();
                            doc.add(new StringField("_id", id, Field.Store.YES));
                            if (views) {
                                doc.add(new Field("title", title, exactStoredT));
                                doc.add(new Field("title_f", title, foldT));
                                doc.add(new Field("title_b", title, exactT));
                                doc.add(new Field("body", body, exactStoredT));
                                doc.add(new Field("body_f", body, foldT));
                                doc.add(new Field("body_b", body, exactT));
                            } else {
                                doc.add(new Field(ONE, title + "\n" + body, foldT));
                            }
                            w.addDocument(doc);
                            docs.incrementAndGet();
                        }
                    } catch (Exception e) {
                        synchronized (failed) {
                            failed[0] = e;
                        }
                    }
                });
                ts[i].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            if (failed[0] != null) {
                throw failed[0];
            }
            w.commit(); // close waits for Lucene's own background merges

        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("docs=%d seconds=%.1f docs_per_s=%.0f threads=%d%n", docs.get(), secs, docs.get() / secs, threads);
    }

    static void search(Path dir, Path queries, int passes) throws Exception {
        List<String> qs = new ArrayList<>();
        for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
            String t = Json.field(line, "text");
            if (t != null) {
                qs.add(t);
            }
        }
        Analyzer a = analyzer(true, false);
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(r);
            s.setSimilarity(new BM25Similarity());
            BooleanQuery.setMaxClauseCount(4096);
            List<Double> lat = new ArrayList<>();
            long start = 0;
            for (int pass = 0; pass <= passes; pass++) {
                if (pass == 1) {
                    start = System.nanoTime();
                }
                for (String q : qs) {
                    long t = System.nanoTime();
                    BooleanQuery.Builder b = new BooleanQuery.Builder();
                    for (String term : terms(a, q)) {
                        b.add(new TermQuery(new Term(ONE, term)), BooleanClause.Occur.SHOULD);
                    }
                    s.search(b.build(), 10);
                    if (pass > 0) {
                        lat.add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            Double[] l = lat.toArray(new Double[0]);
            Arrays.sort(l);
            System.out.printf("queries=%d passes=%d docs=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f qps=%.1f%n",
                    qs.size(), passes, r.numDocs(), pct(l, 0.50), pct(l, 0.90), pct(l, 0.99), pct(l, 1), l.length / secs);
        }
    }

    // pct is vanban's percentile (internal/app benchQueries): the value at
    // ceil(p·n)−1 of the sorted latencies.
    static double pct(Double[] l, double p) {
        if (l.length == 0) {
            return 0;
        }
        return l[Math.min(l.length - 1, Math.max(0, (int) Math.ceil(p * l.length) - 1))];
    }

    static Set<String> terms(Analyzer a, String text) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = a.tokenStream(ONE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}

// Json reads one string field of a flat JSON object on one line: enough
// for the BEIR files (no library on Debian's class path to lean on).
final class Json {
    static String field(String line, String name) {
        String key = "\"" + name + "\"";
        int i = 0;
        while ((i = line.indexOf(key, i)) >= 0) {
            int j = i + key.length();
            while (j < line.length() && Character.isWhitespace(line.charAt(j))) {
                j++;
            }
            if (j < line.length() && line.charAt(j) == ':') {
                j++;
                while (j < line.length() && Character.isWhitespace(line.charAt(j))) {
                    j++;
                }
                if (j < line.length() && line.charAt(j) == '"') {
                    return string(line, j + 1);
                }
                return null;
            }
            i = j;
        }
        return null;
    }

    static String string(String s, int i) {
        StringBuilder b = new StringBuilder();
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u': b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; break;
                default: b.append(e);
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }
}
