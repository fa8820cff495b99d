//! Which folded titles contain which pairs of letters: one bitset of titles per pair. A search
//! then looks only at the titles that hold every pair of its query (for "du lich": `du`, `u `,
//! ` l`, `li`, `ic`, `ch`), instead of all 100k; a single letter is the union of the pairs that
//! start with it.
//!
//! Rationale: a scan of 100k folded titles (6 MB) takes ~10 ms in WASM, a filter change's whole
//! budget. Bitsets over the small alphabet of folded text (a–z, 0–9, space, and one class for
//! everything else) are ~12.5 KB each at 100k titles and only the pairs that occur get one;
//! ANDing a query's pairs costs microseconds. Building is two passes over the folded titles,
//! made when the reader focuses the search field or by the first search (`TaskIndex`).

/// Byte classes: a–z, 0–9, space, and "other".
const CLASSES: usize = 38;
const OTHER: u8 = 37;
/// The pseudo-class after a title's last byte: every byte of a title is the first of a pair,
/// so the titles holding a letter are those holding a pair that starts with it.
const END: usize = CLASSES;
const KEYS: usize = CLASSES * (CLASSES + 1);
const ABSENT: u32 = u32::MAX;

/// The class of each byte of folded text. Bytes, not chars: a non-ASCII char becomes a run of
/// "other", the same in titles and queries, so a title holding the query holds its pairs.
const CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            c @ b'a'..=b'z' => c - b'a',
            c @ b'0'..=b'9' => 26 + c - b'0',
            b' ' => 36,
            _ => OTHER,
        };
        b += 1;
    }
    class
};

fn class(b: u8) -> usize {
    CLASS[usize::from(b)] as usize
}

fn key(first: usize, second: usize) -> usize {
    first * (CLASSES + 1) + second
}

/// Calls `f` with the key of each pair of adjacent bytes of `title`, and of its last byte
/// with [`END`]. A plain loop rather than an iterator chain: the release build optimises for
/// size and does not inline the chain's adaptors, and this runs over every byte of every
/// title (6 MB at 100k tasks) when the index is built.
fn for_each_pair(title: &str, mut f: impl FnMut(usize)) {
    let bytes = title.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let mut prev = class(first);
    for &b in rest {
        let c = class(b);
        f(key(prev, c));
        prev = c;
    }
    f(key(prev, END));
}

/// First pass, per title: marks the pairs of `title` as occurring (`slot[key] = 0`).
///
/// A function called once per title is how the browser makes this fast: V8 compiles WASM
/// with a baseline compiler first and optimises a function once it has been called often
/// enough, but never a loop already running. The whole build as one call (two loops over
/// 6 MB of titles) ran unoptimised: 115–140 ms in Chromium at 100k tasks (focusing the search
/// field builds it). Neither LLVM nor wasm-opt (which inlines a function called from one
/// place, whatever `#[inline(never)]` says) may inline it back: it is called through a
/// pointer they cannot see through (`black_box`).
fn mark_pairs(title: &str, slot: &mut [u32]) {
    for_each_pair(title, |k| slot[k] = 0);
}

/// Second pass, per title (out of line, see [`mark_pairs`]): sets the title's `bit` in the
/// bitset of each of its pairs, within the `block` of its 64 titles.
fn set_bits(title: &str, slot: &[u32], block: &mut [u64], bit: u64) {
    for_each_pair(title, |k| block[slot[k] as usize] |= bit);
}

/// Bitsets stored word-major: the words of all pairs for titles 64w..64w+63 are adjacent, so
/// building touches one small block per 64 titles instead of every bitset per title.
pub struct LetterPairs {
    /// Words per bitset: one bit per title.
    words: usize,
    /// For each pair that occurs, its position within a block; [`ABSENT`] otherwise.
    slot: Vec<u32>,
    /// Pairs that occur: the length of a block.
    slots: usize,
    /// `blocks[w * slots + slot]`: word `w` of the bitset of `slot`.
    blocks: Vec<u64>,
}

impl std::fmt::Debug for LetterPairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "LetterPairs({} bitsets of {} words)",
            self.slots, self.words
        )
    }
}

/// The titles a query may match.
pub enum Candidates {
    /// Exactly the titles that contain the query (it is one or two exact letters).
    Exact(Vec<u64>),
    /// A superset: each title still needs a substring check.
    Superset(Vec<u64>),
}

impl LetterPairs {
    /// Indexes `titles`, which are folded (see `text::fold`).
    pub fn new<'a>(titles: impl ExactSizeIterator<Item = &'a str> + Clone) -> LetterPairs {
        // First pass: which pairs occur.
        let mut slot = vec![ABSENT; KEYS];
        // Called through opaque pointers: see `mark_pairs`.
        let (mark_pairs, set_bits) = std::hint::black_box((
            mark_pairs as fn(&str, &mut [u32]),
            set_bits as fn(&str, &[u32], &mut [u64], u64),
        ));
        for title in titles.clone() {
            mark_pairs(title, &mut slot);
        }
        let mut slots = 0;
        for s in slot.iter_mut().filter(|s| **s == 0) {
            *s = slots;
            slots += 1;
        }
        let slots = slots as usize;
        let words = titles.len().div_ceil(64);
        let mut blocks = vec![0u64; words * slots];
        for (i, title) in titles.enumerate() {
            let block = &mut blocks[i / 64 * slots..][..slots];
            let bit = 1u64 << (i % 64);
            set_bits(title, &slot, block, bit);
        }
        LetterPairs {
            words,
            slot,
            slots,
            blocks,
        }
    }

    /// The titles that may contain `folded_query` (not empty).
    pub fn candidates(&self, folded_query: &str) -> Candidates {
        let bytes = folded_query.as_bytes();
        let present = |k: usize| (self.slot[k] != ABSENT).then_some(self.slot[k] as usize);
        let bits = if let [only] = bytes {
            // One letter: titles holding any pair that starts with it.
            let slots: Vec<usize> = (0..=END)
                .filter_map(|next| present(key(class(*only), next)))
                .collect();
            self.combine(&slots, 0, |acc, word| acc | word)
        } else {
            let mut slots = Vec::with_capacity(bytes.len());
            for pair in bytes.windows(2) {
                match present(key(class(pair[0]), class(pair[1]))) {
                    // Not sorted: a sort would link another quicksort (see order.rs).
                    Some(s) if !slots.contains(&s) => slots.push(s),
                    Some(_) => {}
                    None => return Candidates::Exact(vec![0; self.words]),
                }
            }
            self.combine(&slots, !0, |acc, word| acc & word)
        };
        if bytes.len() <= 2 && bytes.iter().all(|&b| class(b) != usize::from(OTHER)) {
            Candidates::Exact(bits)
        } else {
            Candidates::Superset(bits)
        }
    }

    /// For each word, `op` folded over the bitsets of `slots`.
    fn combine(&self, slots: &[usize], start: u64, op: impl Fn(u64, u64) -> u64) -> Vec<u64> {
        if self.slots == 0 {
            return vec![0; self.words];
        }
        (self.blocks.chunks_exact(self.slots))
            .map(|block| slots.iter().fold(start, |acc, &s| op(acc, block[s])))
            .collect()
    }
}

/// The indices of the set bits of `bits`, ascending.
pub fn ones(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(w, &word)| {
        let mut rest = word;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                w * 64 + bit
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(titles: &[&str], query: &str) -> (bool, Vec<usize>) {
        let pairs = LetterPairs::new(titles.iter().copied());
        match pairs.candidates(query) {
            Candidates::Exact(bits) => (true, ones(&bits).collect()),
            Candidates::Superset(bits) => (false, ones(&bits).collect()),
        }
    }

    #[test]
    fn one_or_two_plain_letters_are_answered_exactly() {
        let titles = ["ha long", "hai phong", "cam pha", "uong bi"];
        assert_eq!(hits(&titles, "h"), (true, vec![0, 1, 2]));
        assert_eq!(hits(&titles, "ha"), (true, vec![0, 1, 2]));
        assert_eq!(hits(&titles, "g "), (true, vec![3]));
        assert_eq!(hits(&titles, "x"), (true, vec![]));
    }

    #[test]
    fn longer_queries_give_titles_holding_every_pair() {
        let titles = ["ha long", "long ha", "hal", "alo"];
        // Only "hal" holds both `ha` and `al`.
        assert_eq!(hits(&titles, "hal"), (false, vec![2]));
        assert_eq!(hits(&titles, "lo"), (true, vec![0, 1, 3]));
        // A pair no title holds: no candidates, and that is exact.
        assert_eq!(hits(&titles, "ha–"), (true, vec![]));
    }

    #[test]
    fn other_characters_share_a_class_and_are_never_exact() {
        // En and em dash are three bytes each, all "other": both titles hold the pairs.
        let titles = ["a–b", "a—b", "a/b"];
        assert_eq!(hits(&titles, "–"), (false, vec![0, 1]));
        assert_eq!(hits(&titles, "/"), (false, vec![0, 1, 2]));
    }

    #[test]
    fn bits_past_64_titles() {
        let titles: Vec<String> = (0..200)
            .map(|i| {
                if i % 70 == 0 {
                    "xy".into()
                } else {
                    "ab".into()
                }
            })
            .collect();
        let pairs = LetterPairs::new(titles.iter().map(String::as_str));
        let Candidates::Exact(bits) = pairs.candidates("xy") else {
            panic!("exact")
        };
        assert_eq!(ones(&bits).collect::<Vec<_>>(), vec![0, 70, 140]);
    }
}
