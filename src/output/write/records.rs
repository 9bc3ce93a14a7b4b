//! `.bigan/written`: the fingerprints of the drafts bigan wrote into one
//! folder, one `fingerprint name` line each, so an edit made since can be
//! told from bigan's own text.
//!
//! While a batch replaces drafts, a name may briefly have two lines: the
//! fingerprint of the new draft and that of the one it replaces. They are
//! saved (durably) before the first rename and trimmed to the new one after
//! the last, so a run killed in between leaves every draft recognised as
//! bigan's, whichever of the two it holds. Older versions of bigan read
//! the last line of a name, which is the new one.

use std::collections::BTreeMap;
use std::path::Path;

use super::{STATE_DIR, durable};

/// The record file in a folder's `.bigan`.
pub const FILE: &str = "written";

/// The fingerprints recorded for one folder, by draft name.
#[derive(Debug, Default, Clone)]
pub struct Records {
    current: BTreeMap<String, u64>,
    /// The draft a running batch is replacing, while it replaces it.
    previous: BTreeMap<String, u64>,
}

impl Records {
    /// The records of `folder`; none when there are none or they cannot be
    /// read (which only makes bigan more careful).
    pub fn load(folder: &Path) -> Records {
        let text = std::fs::read_to_string(folder.join(STATE_DIR).join(FILE)).unwrap_or_default();
        let mut records = Records::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((hash, name)) = line.split_once(' ') else {
                continue;
            };
            let Ok(hash) = u64::from_str_radix(hash, 16) else {
                continue;
            };
            if let Some(earlier) = records.current.insert(name.to_owned(), hash) {
                records.previous.insert(name.to_owned(), earlier);
            }
        }
        records
    }

    /// Whether `hash` is the fingerprint of a draft bigan wrote as `name`.
    pub fn holds(&self, name: &str, hash: u64) -> bool {
        self.current.get(name) == Some(&hash) || self.previous.get(name) == Some(&hash)
    }

    /// Whether there is any record of `name`.
    pub fn knows(&self, name: &str) -> bool {
        self.current.contains_key(name)
    }

    /// Records `hash` as the draft now called `name`, remembering
    /// `replacing` (the fingerprint of the draft it replaces, if that was
    /// bigan's) until [`Records::settle`].
    pub fn set(&mut self, name: &str, hash: u64, replacing: Option<u64>) {
        self.current.insert(name.to_owned(), hash);
        match replacing.filter(|&old| old != hash) {
            Some(old) => self.previous.insert(name.to_owned(), old),
            None => self.previous.remove(name),
        };
    }

    /// Forgets the replaced drafts of `names`: they are gone.
    pub fn settle<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        for name in names {
            self.previous.remove(name);
        }
    }

    /// Saves the records in `folder/.bigan/written`, durably (the file
    /// flushed before its rename, and its folder after).
    pub fn save(&self, folder: &Path) -> anyhow::Result<()> {
        let dir = folder.join(STATE_DIR);
        std::fs::create_dir_all(&dir)?;
        super::atomic(&dir.join(FILE), self.to_text().as_bytes())?;
        durable::sync_dir(&dir)?;
        Ok(())
    }

    fn to_text(&self) -> String {
        let mut out = String::from(
            "# bigan 在这个文件夹里生成的文稿及其内容指纹（FNV-1a），用来发现生成后的手工修改。\n",
        );
        // A replaced draft first: a reader that keeps one line per name
        // keeps the last, the new one.
        for (name, hash) in &self.previous {
            out.push_str(&format!("{hash:016x} {name}\n"));
        }
        for (name, hash) in &self.current {
            out.push_str(&format!("{hash:016x} {name}\n"));
        }
        out
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.current.len()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn survive_a_round_trip_with_a_replaced_draft() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Records::default();
        r.set("讲 话.md", 1, None);
        r.set("方案.md", 3, Some(2));
        r.save(dir.path()).unwrap();
        let back = Records::load(dir.path());
        assert!(back.holds("讲 话.md", 1));
        assert!(back.holds("方案.md", 3) && back.holds("方案.md", 2));
        assert!(!back.holds("方案.md", 4));
        let mut settled = back.clone();
        settled.settle(["方案.md"]);
        settled.save(dir.path()).unwrap();
        let back = Records::load(dir.path());
        assert!(back.holds("方案.md", 3) && !back.holds("方案.md", 2));
        assert_eq!(back.len(), 2);
    }

    #[test]
    fn the_new_draft_is_the_last_line_of_its_name() {
        let mut r = Records::default();
        r.set("a.md", 0xb, Some(0xa));
        let text = r.to_text();
        let a = text.find("000000000000000a a.md").unwrap();
        let b = text.find("000000000000000b a.md").unwrap();
        assert!(a < b, "{text}");
    }
}
