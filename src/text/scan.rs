//! Helpers that keep a lint rule or a text scan linear in the length of a
//! line. A draft can hold a line of a million characters (a text pasted
//! without its line breaks, or made to hurt), so a rule must not, for each
//! character or each mark it finds, look along the rest of the line or
//! through everything it found so far. The usual slips, and what to use instead:
//!
//! - "is position i inside one of these spans?" asked for every i, by
//!   scanning the spans: build a [`Covered`] once per line;
//! - "where is the next closing mark?" asked at every opening mark: a
//!   [`Forward`] search, asked at positions that only move right, looks
//!   at each character once in all;
//! - "is there a Chinese character between these two positions?": a
//!   [`Prefix`] count answers in constant time;
//! - a run (of digits, marks, items) that has no sensible length beyond a
//!   few dozen: stop reading it there, as `markers` does for numerals.
//!
//! Across lines likewise: index what a rule looks up by line once (as
//! lint's `count` does for markers) rather than searching the whole draft
//! for each finding.

/// Which positions of a line fall inside any of some half-open spans.
pub struct Covered(Vec<bool>);

impl Covered {
    /// Marks the positions `0..len` inside any of `spans` (in any order,
    /// overlapping or not), in time linear in `len` and the spans.
    pub fn new(len: usize, spans: &[(usize, usize)]) -> Covered {
        // +1 where a span opens, -1 where it closes, summed as we go.
        let mut change = vec![0i64; len + 1];
        for &(start, end) in spans {
            let (start, end) = (start.min(len), end.min(len));
            if start < end {
                change[start] += 1;
                change[end] -= 1;
            }
        }
        let mut depth = 0;
        let mut inside = Vec::with_capacity(len);
        for delta in &change[..len] {
            depth += delta;
            inside.push(depth > 0);
        }
        Covered(inside)
    }

    /// Whether position `i` is inside a span.
    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }
}

/// The next position, at or after a point that only moves right, where a
/// test holds: each position is tested at most once over all the queries.
pub struct Forward<'a, P> {
    chars: &'a [char],
    test: P,
    /// Positions before this one are known to fail (or lie before the
    /// latest query).
    tested_to: usize,
    /// The first position at or after `tested_to`'s query that passed.
    hit: Option<usize>,
    last_query: usize,
}

impl<'a, P: Fn(&[char], usize) -> bool> Forward<'a, P> {
    /// A search of `chars` for positions `i` where `test(chars, i)` holds.
    pub fn new(chars: &'a [char], test: P) -> Self {
        Forward {
            chars,
            test,
            tested_to: 0,
            hit: None,
            last_query: 0,
        }
    }

    /// The first position at or after `at` where the test holds.
    pub fn from(&mut self, at: usize) -> Option<usize> {
        if at < self.last_query {
            // Asked out of order: start afresh (still correct, no longer
            // linear; the rules ask in order).
            self.tested_to = at;
            self.hit = None;
        }
        self.last_query = at;
        if let Some(hit) = self.hit
            && hit >= at
        {
            return Some(hit);
        }
        let mut i = self.tested_to.max(at);
        while i < self.chars.len() {
            if (self.test)(self.chars, i) {
                self.hit = Some(i);
                self.tested_to = i + 1;
                return Some(i);
            }
            i += 1;
        }
        self.tested_to = self.chars.len();
        self.hit = None;
        None
    }
}

/// How many characters before each position pass a test, to count those
/// in any range at once.
pub struct Prefix(Vec<usize>);

impl Prefix {
    pub fn new(chars: &[char], test: impl Fn(char) -> bool) -> Prefix {
        let mut counts = Vec::with_capacity(chars.len() + 1);
        let mut n = 0;
        counts.push(0);
        for &c in chars {
            n += usize::from(test(c));
            counts.push(n);
        }
        Prefix(counts)
    }

    /// How many of `chars[from..to]` pass.
    pub fn count(&self, from: usize, to: usize) -> usize {
        let at = |i: usize| self.0.get(i).or(self.0.last()).copied().unwrap_or(0);
        at(to).saturating_sub(at(from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covered_positions() {
        let c = Covered::new(6, &[(4, 9), (1, 3), (2, 2)]);
        let inside: Vec<usize> = (0..8).filter(|&i| c.contains(i)).collect();
        assert_eq!(inside, [1, 2, 4, 5]);
    }

    #[test]
    fn forward_finds_the_next_match_from_each_point() {
        let chars: Vec<char> = "a】b】c".chars().collect();
        let mut next = Forward::new(&chars, |c: &[char], i| c[i] == '】');
        assert_eq!(next.from(0), Some(1));
        assert_eq!(next.from(1), Some(1));
        assert_eq!(next.from(2), Some(3));
        assert_eq!(next.from(4), None);
        assert_eq!(next.from(0), Some(1));
    }

    #[test]
    fn forward_tests_each_position_once_over_queries_in_order() {
        let chars: Vec<char> = "a】b】c".chars().collect();
        let tested = std::cell::RefCell::new(Vec::new());
        let mut next = Forward::new(&chars, |c: &[char], i| {
            tested.borrow_mut().push(i);
            c[i] == '】'
        });
        for at in [0, 1, 1, 2, 3, 3, 4, 5] {
            next.from(at);
        }
        assert_eq!(*tested.borrow(), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn prefix_counts_ranges() {
        let chars: Vec<char> = "a中b文c".chars().collect();
        let han = Prefix::new(&chars, crate::zh::is_han);
        assert_eq!(han.count(0, 5), 2);
        assert_eq!(han.count(2, 3), 0);
        assert_eq!(han.count(2, 99), 1);
    }
}
