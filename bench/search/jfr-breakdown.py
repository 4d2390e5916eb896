#!/usr/bin/env python3
"""Where the CPU samples of a search-speed run went (bench only), from `jfr print` output:
for the build (LuceneSearchIndex.rebuild) and for our searches (LuceneSearchIndex.search), the
share of samples that pass through each step, and the hottest methods overall.
   jfr print --events jdk.ExecutionSample --stack-depth 256 run.jfr | bench/search/jfr-breakdown.py"""
import collections
import re
import sys

PHASES = {
    "build (LuceneSearchIndex.rebuild)": "io.huiwen.search.LuceneSearchIndex.rebuild",
    "our search (LuceneSearchIndex.search)": "io.huiwen.search.LuceneSearchIndex.search",
}
STEPS = [
    ("HanLP segmentation (Segment.seg)", "com.hankcs.hanlp.seg.Segment.seg"),
    ("  person-name recognition", "com.hankcs.hanlp.recognition.nr."),
    ("  place-name recognition", "com.hankcs.hanlp.recognition.ns."),
    ("  best path through the word lattice", "com.hankcs.hanlp.seg.Viterbi.ViterbiSegment.viterbi"),
    ("  word lattice from the dictionaries", "com.hankcs.hanlp.seg.WordBasedSegment.generateWordNet"),
    ("index-mode sub-words (Segmenter.addSubWords)", "io.huiwen.text.Segmenter.addSubWords"),
    ("HanlpTokenizer.incrementToken", "io.huiwen.search.HanlpTokenizer.incrementToken"),
    ("Lucene inversion (IndexingChain)", "org.apache.lucene.index.IndexingChain"),
    ("stored fields written", "org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsWriter"),
    ("flush / merge on this thread", "org.apache.lucene.index.DocumentsWriter.doFlush"),
    ("query parsing (ReaderQuery.parse)", "io.huiwen.search.ReaderQuery.parse"),
    ("IndexSearcher.search", "org.apache.lucene.search.IndexSearcher.search"),
    ("onePerStory", "io.huiwen.search.LuceneSearchIndex.onePerStory"),
    ("Snippets.hits", "io.huiwen.search.Snippets.hits"),
    ("  UnifiedHighlighter.highlight", "org.apache.lucene.search.uhighlight.UnifiedHighlighter.highlight"),
    ("  re-analysis in the highlighter (HanlpTokenizer)", "@uhighlight+io.huiwen.search.HanlpTokenizer"),
    ("  MemoryIndex (phrase queries)", "org.apache.lucene.index.memory.MemoryIndex"),
    ("stored fields read", "org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsReader"),
    ("  LZ4 decompression", "org.apache.lucene.util.compress.LZ4.decompress"),
]


def events(lines):
    frames = None
    for line in lines:
        line = line.strip()
        if line.startswith("stackTrace = ["):
            frames = []
        elif frames is not None and line == "]":
            yield frames
            frames = None
        elif frames is not None and line and not line.startswith("..."):
            frames.append(re.sub(r"\(.*$", "", line))


def main():
    by_phase = collections.defaultdict(list)
    hottest = collections.Counter()
    total = 0
    for frames in events(sys.stdin):
        total += 1
        hottest[frames[0] if frames else "?"] += 1
        for name, marker in PHASES.items():
            if any(f.startswith(marker) for f in frames):
                by_phase[name].append(frames)
    print(f"JFR execution samples: {total}")
    for name, samples in by_phase.items():
        print(f"{name}: {len(samples)} samples")
        for step, marker in STEPS:
            if marker.startswith("@uhighlight+"):
                inner = marker.split("+", 1)[1]
                n = sum(1 for s in samples if any(f.startswith(inner) for f in s)
                        and any("uhighlight" in f for f in s))
            else:
                n = sum(1 for s in samples if any(f.startswith(marker) for f in s))
            if n:
                print(f"  {step:<52} {100 * n / len(samples):5.1f} %")
    print("hottest methods (self samples):")
    for frame, n in hottest.most_common(15):
        print(f"  {100 * n / max(1, total):5.1f} %  {frame}")


if __name__ == "__main__":
    main()
