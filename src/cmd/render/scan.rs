//! A quick look at every file of a batch before any is rendered: which
//! file it `extends`, and whether it has an `org` or a `meeting` section,
//! read from its top-level lines without parsing the YAML.
//!
//! A batch renders its profiles a few hundred at a time so that its memory
//! stays flat however many there are (100,000 branches of a province), yet
//! whether a file is skipped as a shared campaign file depends on every
//! other file of the run. Parsing every file twice would cost a third of
//! the batch; this look costs a read and a line scan. It sees what real
//! profiles write, a top-level `extends: PATH` and `org:`/`meeting:` at the
//! start of a line; a file whose top-level lines it cannot read for sure
//! (a quoted or tagged key, a flow mapping, a quoted path) is parsed
//! instead, so the answer is the parser's.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::discover::Candidate;
use crate::profile::{Loader, canonical};

/// What the quick look found in one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Look {
    /// The file it extends, as written (relative to its folder).
    pub extends: Option<String>,
    /// Whether it has an `org` or a `meeting` section of its own.
    pub sections: bool,
}

/// Reads the top-level lines of `text`; `None` when only a parse can say.
pub fn look(text: &str) -> Option<Look> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut found = Look::default();
    for line in text.lines() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if first == ' ' || first == '#' || first == '\t' {
            continue;
        }
        if line == "---" || line == "..." {
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            // A top-level line that is not `key: …` (a flow mapping, a
            // complex key, a scalar document): the parser decides.
            return None;
        };
        if !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return None;
        }
        match key {
            "extends" => found.extends = Some(plain_value(rest)?),
            "org" | "meeting" => found.sections = true,
            _ => {}
        }
    }
    Some(found)
}

/// The plain scalar after `extends:`, or `None` when it is written in a
/// way only the parser reads right (quoted, tagged, an anchor or alias, a
/// flow collection, a block scalar, or nothing on the line).
fn plain_value(rest: &str) -> Option<String> {
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let value = match rest.find(" #") {
        Some(i) => &rest[..i],
        None => rest,
    }
    .trim();
    let plain = !value.is_empty()
        && !value.starts_with([
            '"', '\'', '&', '*', '!', '{', '[', '|', '>', '%', '@', '`', '#', '?', '-',
        ])
        && !value.contains(": ")
        && !value.contains('\t');
    plain.then(|| value.to_owned())
}

/// What the quick look says about the files of a run.
#[derive(Debug, Default)]
pub struct Survey {
    /// Files that some file of the run reaches through `extends` (by
    /// canonical path): the first that does, and how many.
    pub extended: HashMap<PathBuf, (PathBuf, usize)>,
    /// Files whose chain (with what they extend) has neither `org` nor
    /// `meeting` (by canonical path); the rest may be profiles. Only these
    /// are kept: a batch of 100,000 profiles has a handful.
    pub not_profiles: HashSet<PathBuf>,
}

/// How many ways of naming a campaign file [`survey`] remembers at once.
const KEYS_KEPT: usize = 1024;

/// Looks at every file of `candidates`, and at the files they extend, in
/// turn; a file the look cannot read is loaded with `loader`.
pub fn survey(candidates: &[Candidate], loader: &mut Loader) -> Survey {
    // What the files reached through `extends` hold, each looked at once
    // (the profiles themselves are looked at once anyway).
    let mut bases: HashMap<PathBuf, Option<(Option<PathBuf>, bool)>> = HashMap::new();
    // The canonical path of each file reached through `extends`, as
    // written: a thousand profiles in a folder name the same campaign
    // file. Profiles each in a folder of their own name it each their own
    // way, so the memo is emptied now and then: memory stays flat.
    let mut keys: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut survey = Survey::default();
    for candidate in candidates {
        let mut chain: Vec<PathBuf> = Vec::new();
        let mut next = Some(candidate.path.clone());
        let mut sections = false;
        let mut readable = true;
        while let Some(file) = next.take() {
            let key = if chain.is_empty() {
                candidate.key.clone()
            } else {
                if keys.len() >= KEYS_KEPT {
                    keys.clear();
                }
                keys.entry(file.clone())
                    .or_insert_with(|| canonical(&file))
                    .clone()
            };
            if chain.contains(&key) {
                break;
            }
            let seen = if chain.is_empty() {
                look_at(&file, loader)
            } else {
                bases
                    .entry(key.clone())
                    .or_insert_with(|| look_at(&file, loader))
                    .clone()
            };
            chain.push(key);
            match seen {
                Some((extends, has)) => {
                    sections |= has;
                    next = extends;
                }
                None => readable = false,
            }
        }
        let mut chain = chain.into_iter();
        if let Some(own) = chain.next()
            && !sections
            && readable
        {
            survey.not_profiles.insert(own);
        }
        for base in chain {
            survey
                .extended
                .entry(base)
                .or_insert_with(|| (candidate.path.clone(), 0))
                .1 += 1;
        }
    }
    survey
}

/// The file `path` extends (resolved) and whether it has sections of its
/// own; `None` when it cannot be read.
fn look_at(path: &Path, loader: &mut Loader) -> Option<(Option<PathBuf>, bool)> {
    let text = std::fs::read_to_string(path).ok()?;
    if let Some(found) = look(&text) {
        let extends = found.extends.map(|e| crate::profile::extended(path, &e));
        return Some((extends, found.sections));
    }
    // Only the parser can tell: what a load of this one file gives.
    let loaded = loader.load(path).ok()?;
    let extends = loaded.files.get(1).cloned();
    let own = loaded.looks_like_profile;
    Some((extends, own))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_profiles_write() {
        let l = look(
            "# 朝阳市第二医院\nextends: campaigns/chuangxian-zhengyou.yaml   # 活动\n\norg:\n  name: 医院\nmeeting:\n  date: 2010-05-20\n",
        )
        .unwrap();
        assert_eq!(
            l.extends.as_deref(),
            Some("campaigns/chuangxian-zhengyou.yaml")
        );
        assert!(l.sections);
        let campaign = look("campaign:\n  name: 创先争优\n  phases:\n    - name: 动员\n").unwrap();
        assert_eq!(campaign, Look::default());
    }

    #[test]
    fn leaves_what_it_cannot_read_for_sure_to_the_parser() {
        for text in [
            "extends: \"campaigns/x.yaml\"\n",
            "extends: 'x.yaml'\n",
            "extends: &a x.yaml\n",
            "extends: !tag x.yaml\n",
            "extends:\n  x.yaml\n",
            "\"extends\": x.yaml\n",
            "\"\\x65xtends\": x.yaml\n",
            "{extends: x.yaml}\n",
            "? extends\n: x.yaml\n",
            "*a : x.yaml\n",
            "extends: a: b\n",
        ] {
            assert_eq!(look(text), None, "{text}");
        }
    }

    #[test]
    fn agrees_with_the_loader_on_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("campaigns")).unwrap();
        std::fs::write(root.join("campaigns/c.yaml"), "campaign:\n  name: 活动\n").unwrap();
        std::fs::write(
            root.join("a.yaml"),
            "extends: campaigns/c.yaml\norg:\n  name: 甲\n",
        )
        .unwrap();
        // Quoted: only the parser reads it.
        std::fs::write(
            root.join("b.yaml"),
            "extends: \"campaigns/c.yaml\"\nmeeting: {}\n",
        )
        .unwrap();
        let paths: Vec<PathBuf> = ["a.yaml", "b.yaml", "campaigns/c.yaml"]
            .iter()
            .map(|p| root.join(p))
            .collect();
        let s = survey(
            &super::super::discover::find(&paths).unwrap(),
            &mut Loader::new(),
        );
        let c = canonical(&root.join("campaigns/c.yaml"));
        assert_eq!(s.extended[&c], (root.join("a.yaml"), 2));
        assert!(!s.not_profiles.contains(&canonical(&root.join("a.yaml"))));
        assert!(!s.not_profiles.contains(&canonical(&root.join("b.yaml"))));
        assert!(s.not_profiles.contains(&c));
    }
}
