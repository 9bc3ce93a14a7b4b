//! How much two drafts say alike: the share of sentences they have in
//! common once the organisations' own names are taken out (issue 11's
//! sameness criterion: at most a quarter across sectors, at most half for
//! two organisations of one sector and campaign). Shared by the tests that
//! need it: `#[path = "common/sameness.rs"] mod sameness;`.

#![allow(dead_code)]

/// The sentences of a Markdown draft, with each of `names` replaced by one
/// stand-in so that two organisations' names do not make their sentences
/// differ. Headings, bylines and short fragments (under 8 characters) are
/// left out: they are structure, not prose.
pub fn sentences(md: &str, names: &[&str]) -> Vec<String> {
    let mut names: Vec<&str> = names.iter().copied().filter(|n| !n.is_empty()).collect();
    // Longest first, so 朝阳市第二医院 goes before 我院.
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let mut out = Vec::new();
    for block in md.split("\n\n") {
        let block = block.trim();
        if block.is_empty() || block.starts_with('#') {
            continue;
        }
        let mut text = block.to_owned();
        for n in &names {
            text = text.replace(n, "〇");
        }
        for s in text.split(['。', '！', '？', '；']) {
            let s = s.trim_matches(|c: char| c == '*' || c.is_whitespace());
            if s.chars().count() >= 8 {
                out.push(s.to_owned());
            }
        }
    }
    out
}

/// The larger of the two one-way shares: of `a`'s sentences, how many
/// `b` also has, and the other way round.
pub fn shared(a: &[String], b: &[String]) -> f64 {
    let one_way = |x: &[String], y: &[String]| {
        if x.is_empty() {
            return 0.0;
        }
        let common = x.iter().filter(|s| y.contains(s)).count();
        common as f64 / x.len() as f64
    };
    one_way(a, b).max(one_way(b, a))
}

/// Sentences written as numbers, so that many pairs of drafts are
/// compared quickly: every sentence a [`Book`] has seen once has one
/// number.
#[derive(Default)]
pub struct Book {
    numbers: std::collections::HashMap<String, u32>,
}

/// A draft's sentences as a [`Book`] numbers them: all of them in order,
/// and the distinct ones sorted, to look a sentence up in.
pub struct Numbered {
    all: Vec<u32>,
    distinct: Vec<u32>,
}

impl Book {
    pub fn number(&mut self, sentences: Vec<String>) -> Numbered {
        let all: Vec<u32> = sentences
            .into_iter()
            .map(|s| {
                let next = self.numbers.len() as u32;
                *self.numbers.entry(s).or_insert(next)
            })
            .collect();
        let mut distinct = all.clone();
        distinct.sort_unstable();
        distinct.dedup();
        Numbered { all, distinct }
    }
}

/// [`shared`] for numbered sentences: the same figure, found faster.
pub fn shared_numbered(a: &Numbered, b: &Numbered) -> f64 {
    let one_way = |x: &Numbered, y: &Numbered| {
        if x.all.is_empty() {
            return 0.0;
        }
        let common = x
            .all
            .iter()
            .filter(|s| y.distinct.binary_search(s).is_ok())
            .count();
        common as f64 / x.all.len() as f64
    };
    one_way(a, b).max(one_way(b, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_do_not_make_sentences_differ() {
        let a = sentences(
            "同志们：\n\n甲院党委决定开展这项工作，大家要抓紧落实。",
            &["甲院党委"],
        );
        let b = sentences(
            "同志们：\n\n乙县县委决定开展这项工作，大家要抓紧落实。",
            &["乙县县委"],
        );
        assert_eq!(a, b);
        assert_eq!(shared(&a, &b), 1.0);
        let c = sentences("完全不同的一句话放在这里。", &[]);
        assert_eq!(shared(&a, &c), 0.0);
    }

    #[test]
    fn numbered_sentences_measure_the_same() {
        let a = sentences(
            "第一句话写在这里面。第二句话写在这里面。第一句话写在这里面。",
            &[],
        );
        let b = sentences("第一句话写在这里面。第三句话写在这里面。", &[]);
        let mut book = Book::default();
        let (x, y) = (book.number(a.clone()), book.number(b.clone()));
        assert_eq!(shared_numbered(&x, &y), shared(&a, &b));
        assert_eq!(shared_numbered(&y, &x), shared(&a, &b));
        assert!((shared(&a, &b) - 2.0 / 3.0).abs() < 1e-9);
    }
}
