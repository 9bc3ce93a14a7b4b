//! Traditional characters in a simplified draft, found by converting to
//! simplified (OpenCC's dictionaries, through hanconv) and comparing. Lint's
//! `text.traditional` reports them; `bigan import` converts them.

/// Converts `text` to simplified characters.
pub fn simplify(text: &str) -> String {
    hanconv::t2s(text)
}

/// Positions of traditional characters in `chars`, with their simplified
/// form.
pub fn traditional(chars: &[char]) -> Vec<(usize, char)> {
    if !chars.iter().any(|&c| crate::zh::is_han(c)) {
        return Vec::new();
    }
    let text: String = chars.iter().collect();
    let simple: Vec<char> = simplify(&text).chars().collect();
    if simple.len() == chars.len() {
        return chars
            .iter()
            .zip(&simple)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (_, b))| (i, *b))
            .collect();
    }
    one_by_one(chars)
}

/// Traditional characters found by converting each alone: for a text
/// whose conversion changed its length, where positions no longer match.
fn one_by_one(chars: &[char]) -> Vec<(usize, char)> {
    chars
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| {
            let s: Vec<char> = simplify(c.encode_utf8(&mut [0; 4])).chars().collect();
            (s.len() == 1 && s[0] != c).then(|| (i, s[0]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_traditional_characters_only() {
        let chars: Vec<char> = "全院干部職工要加强學习".chars().collect();
        assert_eq!(traditional(&chars), [(4, '职'), (9, '学')]);
        let chars: Vec<char> = "显著成效，着力推动发展，干部职工".chars().collect();
        assert!(traditional(&chars).is_empty());
        assert!(traditional(&['a', '1']).is_empty());
    }

    #[test]
    fn a_phrase_keeps_what_its_characters_alone_would_change() {
        // 乾 alone is 干, but the name 乾元 stays as it is.
        let chars: Vec<char> = "乾元年間".chars().collect();
        assert_eq!(traditional(&chars), [(3, '间')]);
    }
}
