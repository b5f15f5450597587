"""textmap: offsets recorded while building must round-trip exactly."""

from hypothesis import given
from hypothesis import strategies as st

from pipeline import textmap

word = st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc", "Zl", "Zp")), min_size=1, max_size=12)


@given(st.lists(word, max_size=40), st.sampled_from([" ", "\n", " | "]))
def test_build_round_trip(words, sep):
    tm = textmap.build(words, sep)
    assert [tm.text[s:e] for s, e in zip(tm.starts, tm.ends)] == words
    assert tm.text == sep.join(words)


@given(st.lists(word, min_size=1, max_size=40), st.data())
def test_words_overlapping_matches_brute_force(words, data):
    tm = textmap.build(words)
    start = data.draw(st.integers(0, len(tm.text)))
    end = data.draw(st.integers(start, len(tm.text)))
    expected = [i for i, (s, e) in enumerate(zip(tm.starts, tm.ends)) if s < end and start < e]
    assert list(tm.words_overlapping(start, end)) == expected


@given(st.text(max_size=200))
def test_scan_finds_every_non_space_run(text):
    tm = textmap.scan(text)
    assert [text[s:e] for s, e in zip(tm.starts, tm.ends)] == text.split()
